/**
 * The mock server of `wsdl-agents mock`: answers each SOAP request with the example response of
 * its operation (examples.ts), read anew on every request so examples can be edited while it runs,
 * and anything it cannot answer with a SOAP Fault of the right version saying why (HTTP 500, as
 * SOAP 1.1 §6.2 has it and WCF does for both versions). `GET …?wsdl` serves the WSDL.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { FolderModel } from '../generate.js';
import type { SoapVersion } from '../model/model.js';
import { readEnvelope } from './envelope.js';
import { exampleCandidates, findExample } from './examples.js';
import { CONTENT_TYPES, faultEnvelope, type FaultParty } from './fault.js';
import { mockOperations, OperationIndex, type MockOperation } from './operations.js';

export interface MockServerOptions {
  readonly models: readonly FolderModel[];
  /** The examples folder. */
  readonly examples: string;
  /** Receives one line per request. */
  readonly log?: (line: string) => void;
}

/** A request larger than this is no realistic SOAP call. */
const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** What the log line says after the status. */
  readonly summary: string;
}

export function createMockServer(options: MockServerOptions): http.Server {
  const index = new OperationIndex(mockOperations(options.models));
  const log = options.log ?? (() => {});
  return http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://mock.invalid');
    readBody(request).then(
      (body) => {
        const reply = answer(index, options.examples, request, url, body);
        response.writeHead(reply.status, reply.headers).end(reply.body);
        log(`${request.method} ${url.pathname}${url.search}: ${reply.status} ${reply.summary}`);
      },
      () => response.destroy(), // the client went away mid-request
    );
  });
}

function answer(index: OperationIndex, examples: string, request: http.IncomingMessage, url: URL, body: Buffer | undefined): Reply {
  if (request.method === 'GET' && [...url.searchParams.keys()].some((key) => key.toLowerCase() === 'wsdl')) return wsdlReply(index, url);
  if (request.method !== 'POST') {
    return {
      status: 405,
      headers: { Allow: 'POST', 'Content-Type': 'text/plain; charset=utf-8' },
      body: 'This is a wsdl-agents mock SOAP server: POST SOAP requests here, or GET ?wsdl for the WSDL.\n',
      summary: 'not a SOAP request (only POST, and GET ?wsdl, are answered)',
    };
  }
  const contentType = request.headers['content-type'] ?? '';
  // until the envelope says otherwise, the version its Content-Type implies (SOAP 1.2 part 2 §7.1.4)
  const impliedVersion: SoapVersion = /^\s*application\/soap\+xml/i.test(contentType) ? '1.2' : '1.1';
  if (body === undefined) return fault(impliedVersion, 'sender', `the request is larger than ${MAX_REQUEST_BYTES} bytes`);

  const envelope = readEnvelope(body.toString('utf8'));
  if (!envelope.ok) return fault(envelope.version ?? impliedVersion, 'sender', `not a SOAP request: ${envelope.problem}`);
  const action = soapAction(request.headers['soapaction'], contentType);
  const lookup = { ...(action && { action }), ...(envelope.firstBodyElement && { bodyElement: envelope.firstBodyElement }), path: url.pathname };
  const match = index.match(lookup);
  if (match.kind === 'none') return fault(envelope.version, 'sender', `unknown operation: ${index.describeMiss(lookup)}`);
  if (match.kind === 'ambiguous') {
    const which = match.operations.map((operation) => `${name(operation)} (at ${operation.path ?? 'no address'})`).join(', ');
    return fault(envelope.version, 'sender', `the request matches several operations: ${which}; send it to the path of one of them`);
  }

  const operation = match.operation;
  if (envelope.version !== operation.soapVersion) {
    return fault(envelope.version, 'sender', `${name(operation)} speaks SOAP ${operation.soapVersion}, but the request is a SOAP ${envelope.version} envelope`);
  }
  const example = findExample(examples, operation);
  if (example === undefined) {
    if (!operation.hasOutput) return { status: 202, headers: {}, body: '', summary: `${name(operation)}: one-way, no example (202 Accepted)` };
    const wanted = path.join(examples, exampleCandidates(operation)[0]!);
    return fault(operation.soapVersion, 'receiver', `the mock server has no example response for ${name(operation)}: add ${wanted}`);
  }
  let text: string;
  try {
    text = readFileSync(path.join(examples, example), 'utf8');
  } catch (error) {
    return fault(operation.soapVersion, 'receiver', `cannot read the example ${example}: ${(error as Error).message}`);
  }
  // an example that is a Fault is sent as a server sends one (a broken example is sent as it is: it may be meant to be)
  const reading = readEnvelope(text);
  const isFault = reading.ok && reading.firstBodyElement?.local === 'Fault';
  return {
    status: isFault ? 500 : 200,
    headers: { 'Content-Type': CONTENT_TYPES[operation.soapVersion] },
    body: text,
    summary: `${name(operation)}: ${example}`,
  };
}

function fault(version: SoapVersion, party: FaultParty, reason: string): Reply {
  return { status: 500, headers: { 'Content-Type': CONTENT_TYPES[version] }, body: faultEnvelope(version, party, reason), summary: `Fault: ${reason}` };
}

/** The WSDL of the agent at the request's path, or the only WSDL served. */
function wsdlReply(index: OperationIndex, url: URL): Reply {
  const all = [...new Set(index.operations.map((operation) => operation.wsdlFile))];
  const atPath = [...new Set(index.operations.filter((operation) => operation.path === url.pathname).map((operation) => operation.wsdlFile))];
  const file = atPath.length === 1 ? atPath[0] : all.length === 1 ? all[0] : undefined;
  if (file === undefined) {
    const paths = [...new Set(index.operations.flatMap((operation) => (operation.path ? [`${operation.path}?wsdl`] : [])))].sort();
    return {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: `Several WSDLs are mocked: ask for one at its service's path (${paths.join(', ')}).\n`,
      summary: 'no WSDL at this path',
    };
  }
  try {
    return { status: 200, headers: { 'Content-Type': 'text/xml; charset=utf-8' }, body: readFileSync(file, 'utf8'), summary: `WSDL ${file}` };
  } catch (error) {
    return { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: `cannot read ${file}\n`, summary: `cannot read ${file}: ${(error as Error).message}` };
  }
}

/** The SOAPAction header (SOAP 1.1 §6.1.1), else the `action` parameter of the Content-Type (SOAP 1.2 part 2 §7.1.4). */
function soapAction(header: string | string[] | undefined, contentType: string): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined) {
    const unquoted = value.trim().replace(/^"(.*)"$/, '$1');
    if (unquoted !== '') return unquoted;
  }
  const parameter = /;\s*action\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(contentType);
  if (!parameter) return undefined;
  return parameter[1] !== undefined ? parameter[1].replace(/\\(.)/g, '$1') : parameter[2];
}

function name(operation: MockOperation): string {
  return `${operation.group ? `${operation.group}/` : ''}${operation.agent}.${operation.name}`;
}

/** The body, or undefined when it is larger than the limit. */
function readBody(request: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size <= MAX_REQUEST_BYTES ? Buffer.concat(chunks) : undefined));
    request.on('error', reject);
  });
}
