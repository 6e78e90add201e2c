/**
 * Reading a *request* back through the runtime's own decoder: the envelope a call writes is
 * decoded with ResponseDecoder, using an operation whose output is the operation's input message
 * (same wrapper and fields, result 'object') and an agent whose response headers are the request
 * headers. Also an independent well-formedness check with @xmldom/xmldom.
 */
import { DOMParser } from '@xmldom/xmldom';
import { ResponseDecoder } from '../../generated/runtime/decode.js';
import type { AgentDesc, FieldDesc, MessageDesc, OperationDesc } from '../../generated/runtime/descriptors.js';
import { ABSENT, expectedMember } from './descriptor-arbitraries.js';

/** The agent seen from the server's side: what it sends as request headers is read as headers. */
export function mirrorAgent(agent: AgentDesc): AgentDesc {
  return { ...agent, responseHeaders: agent.requestHeaders, statusHeaders: undefined };
}

export function mirrorOperation(operation: OperationDesc): OperationDesc {
  return { name: operation.name, input: operation.input, output: { ...operation.input, result: 'object' } };
}

/** Decodes a written request envelope; `chunks` > 1 feeds it in pieces as a stream would. */
export function readRequest(agent: AgentDesc, operation: OperationDesc, xml: string, chunks = 1): { headers: Record<string, unknown>; members: Record<string, unknown> } {
  const decoder = new ResponseDecoder(mirrorAgent(agent), mirrorOperation(operation));
  const size = Math.ceil(xml.length / chunks);
  for (let i = 0; i < xml.length; i += size) decoder.write(xml.slice(i, i + size));
  const decoded = decoder.end();
  if (decoded.kind !== 'message') throw new Error(`the request read back as a fault: ${JSON.stringify(decoded.fault)}`);
  return decoded;
}

/** What reading the request back must give: body members and header entries by the README's mapping. */
export function expectedRequest(
  message: MessageDesc,
  values: readonly unknown[],
  headerFields: { readonly [name: string]: FieldDesc },
  headerValues: Record<string, unknown>,
): { headers: Record<string, unknown>; members: Record<string, unknown> } {
  const members: Record<string, unknown> = {};
  message.fields.forEach((field, index) => {
    const expected = expectedMember(field, values[index]);
    if (expected !== ABSENT) members[field.prop ?? field.name] = expected;
  });
  const headers: Record<string, unknown> = {};
  for (const name of message.headers) {
    const expected = expectedMember(headerFields[name], headerValues[name]);
    if (expected !== ABSENT) headers[name] = expected;
  }
  return { headers, members };
}

/** Throws unless xmldom (an independent parser) reads the text as a well-formed XML document. */
export function assertWellFormed(xml: string): void {
  const problems: string[] = [];
  const document = new DOMParser({
    // warnings are not well-formedness errors (xmldom warns about U+FFFD, a legal character)
    onError: (level, message) => {
      if (level !== 'warning') problems.push(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
  if (problems.length > 0) throw new Error(`xmldom: ${problems.join('; ')}`);
  if (!document.documentElement || document.documentElement.localName !== 'Envelope') throw new Error('xmldom: no Envelope document element');
}
