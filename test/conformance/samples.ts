/**
 * Part (b) of the scoreboard: node-soap's request/response samples replayed through a generated
 * agent. A sample passes when the agent, called with the sample's arguments, sends an envelope
 * with the meaning of node-soap's request.xml, and takes the sample's response.xml as it should:
 * a message resolves, a Fault rejects with SoapFaultError.
 */
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { AgentDesc, OperationDesc } from '../../templates/runtime/descriptors.js';
import { WsdlError } from '../../src/errors.js';
import { findInputs, generate } from '../../src/generate.js';
import { camelCase } from '../../src/plan/names.js';
import { childElements } from '../../src/read/xml.js';
import { recordingFetch, type CannedResponse } from '../helpers/recording-fetch.js';
import { meaningDifferences, parseMeaning } from '../helpers/xml-meaning.js';
import type { CorpusSample } from './corpus.js';
import { importModule, transpileInto } from './generated-code.js';
import { UnsupportedArgument, toArguments } from './node-soap-arguments.js';
import { describeCrash, describeError, shortenPaths } from './describe.js';
import { methodArguments } from '../helpers/method-arguments.js';

export interface SampleResult {
  readonly name: string;
  readonly status: 'pass' | 'fail' | 'skip';
  /** Why it failed, or why it is out of scope. */
  readonly reason?: string;
  /** What was not checked for a sample that passed (it has no request.xml or response.xml). */
  readonly note?: string;
}

/** A step that failed: its reason is the sample's. */
class SampleFailure extends Error {}

export async function checkSample(sample: CorpusSample, outputRoot: string): Promise<SampleResult> {
  if (sample.nodeSoapSpecific) return { name: sample.name, status: 'skip', reason: `node-soap options: ${sample.nodeSoapSpecific}` };
  try {
    const note = await replay(sample, path.join(outputRoot, 'samples', sample.name));
    return { name: sample.name, status: 'pass', ...(note ? { note } : {}) };
  } catch (error) {
    const reason = error instanceof SampleFailure ? error.message : `scoreboard error: ${describeCrash(error)}`;
    return { name: sample.name, status: 'fail', reason };
  }
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/** Runs one sample; throws SampleFailure with the reason, returns a note on what went unchecked. */
async function replay(sample: CorpusSample, dir: string): Promise<string | undefined> {
  const files = generateSample(sample);
  transpileInto(dir, files);
  const index = await importModule(dir, 'index.js');
  // descriptor data is one module per WSDL (descriptors/<name>.ts): every agent's, whichever holds it
  const descriptorModules = [...files.keys()].filter((name) => /^descriptors(\/|\.ts$)/.test(name));
  const descriptors = Object.assign({}, ...(await Promise.all(descriptorModules.map((name) => importModule(dir, name.replace(/\.ts$/, '.js'))))));
  const { className, operation } = findOperation(descriptors, sample.operation);

  const Agent = index[className] as new (options: object) => Record<string, AnyMethod | undefined>;
  const { fetch, requests } = recordingFetch(cannedResponse(sample.responseXml));
  const agent = new Agent({ endpoint: 'http://127.0.0.1/conformance', fetch });
  const method = agent[camelCase(operation.name)];
  if (typeof method !== 'function') throw new SampleFailure(`${className} has no method ${camelCase(operation.name)}()`);

  let args: unknown[];
  try {
    args = toArguments(operation, sample.request);
  } catch (error) {
    if (error instanceof UnsupportedArgument) throw new SampleFailure(`unsupported: ${error.message}`);
    throw error;
  }

  const outcome = await method.call(agent, ...methodArguments(operation.input.fields, args), {}).then(
    () => ({ error: undefined }),
    (error: unknown) => ({ error }),
  );
  if (requests.length === 0) throw new SampleFailure(`nothing sent: ${describeError(outcome.error)}`);

  const notes: string[] = [];
  if (sample.requestXml === undefined) notes.push('no request.xml: request not compared');
  else checkRequest(requests[0].body, sample.requestXml);
  const responseNote = checkResponse(sample.responseXml, outcome.error, index);
  if (responseNote) notes.push(responseNote);
  return notes.join('; ') || undefined;
}

function generateSample(sample: CorpusSample): ReadonlyMap<string, string> {
  try {
    return generate(findInputs([sample.wsdlFile])).files;
  } catch (error) {
    if (error instanceof WsdlError) throw new SampleFailure(`generation: ${shortenPaths(error.message)}`);
    throw new SampleFailure(`generator crashed: ${describeCrash(error)}`);
  }
}

/** The operation of that name in any agent of the generated descriptors (`<PortType>Agent$`). */
function findOperation(descriptors: Record<string, unknown>, name: string): { className: string; operation: OperationDesc } {
  const agents = Object.entries(descriptors).filter(([key, value]) => key.endsWith('Agent$') && isAgentDesc(value)) as [string, AgentDesc][];
  for (const [key, agent] of agents) {
    const operation = agent.operations[name];
    if (operation) return { className: key.slice(0, -1), operation };
  }
  const known = agents.flatMap(([, agent]) => Object.keys(agent.operations));
  throw new SampleFailure(`no agent has the operation ${name} (generated: ${known.join(', ') || 'none'})`);
}

function isAgentDesc(value: unknown): value is AgentDesc {
  return typeof value === 'object' && value !== null && 'operations' in value && 'soapVersion' in value;
}

/**
 * How the sample's response is served: a Fault with status 500, as SOAP 1.1 servers do; an MTOM
 * (multipart) message with the content type that names its boundary, as it would come.
 */
function cannedResponse(responseXml: string | undefined): CannedResponse {
  // without response.xml (one-way operations, request-only samples): accepted, nothing returned
  if (responseXml === undefined) return { status: 202, body: '' };
  const boundary = mimeBoundary(responseXml);
  if (boundary) {
    return { body: responseXml, contentType: `multipart/related; type="application/xop+xml"; start-info="text/xml"; boundary="${boundary}"` };
  }
  return { status: responseKind(responseXml) === 'fault' ? 500 : 200, body: responseXml };
}

function mimeBoundary(body: string): string | undefined {
  return /^\s*--(\S+)\r?\n/.exec(body)?.[1];
}

type ResponseKind = 'message' | 'fault' | 'not SOAP';

const ENVELOPE_NAMESPACES = new Set(['http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope']);

/**
 * What response.xml is, read without our runtime: a message, a Fault (the first child of Body), or
 * no SOAP at all (not well-formed, or another root than Envelope). An MTOM message is a message.
 */
function responseKind(xml: string): ResponseKind {
  if (mimeBoundary(xml)) return 'message';
  const isSoap = (element: Element | undefined, name: string) => element?.localName === name && ENVELOPE_NAMESPACES.has(element.namespaceURI ?? '');
  let root: Element | undefined;
  try {
    const strict = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    });
    root = strict.parseFromString(xml, 'text/xml').documentElement ?? undefined;
  } catch {
    return 'not SOAP';
  }
  if (!isSoap(root, 'Envelope')) return 'not SOAP';
  const body = childElements(root!).find((child) => isSoap(child, 'Body'));
  return isSoap(body && childElements(body)[0], 'Fault') ? 'fault' : 'message';
}

function checkRequest(sent: string, expected: string): void {
  const notWellFormed = (xml: string) => {
    try {
      parseMeaning(xml);
      return undefined;
    } catch (error) {
      return describeError(error);
    }
  };
  const sentProblem = notWellFormed(sent);
  if (sentProblem) throw new SampleFailure(`the sent envelope is not well-formed XML: ${sentProblem}`);
  const expectedProblem = notWellFormed(expected);
  if (expectedProblem) throw new SampleFailure(`request.xml is not well-formed XML, nothing to compare with: ${expectedProblem}`);
  const differences = meaningDifferences(sent, expected).filter((difference) => !sameInstantWrittenDifferently(difference));
  if (differences.length === 0) return;
  const more = differences.length > 1 ? ` (+${differences.length - 1} more)` : '';
  throw new SampleFailure(`request: ${differences[0]}${more}`);
}

/**
 * Text that differs only in how one dateTime is written is no difference in meaning: node-soap
 * sends a dateTime string as given (`…T14:30:00.000Z`), the runtime writes the same instant as
 * `…T14:30:00Z`. Only that is forgiven: both must carry an offset (a time without one is another
 * value than one in UTC), and string arguments are written as given, so they cannot differ so.
 */
function sameInstantWrittenDifferently(difference: string): boolean {
  const match = /: text ("(?:[^"\\]|\\.)*"), expected ("(?:[^"\\]|\\.)*")$/.exec(difference);
  if (!match) return false;
  const [actual, expected] = [JSON.parse(match[1]) as string, JSON.parse(match[2]) as string];
  const DATE_TIME_WITH_OFFSET = /^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
  return DATE_TIME_WITH_OFFSET.test(actual) && DATE_TIME_WITH_OFFSET.test(expected) && Date.parse(actual) === Date.parse(expected);
}

/**
 * The call's outcome against response.xml: a message must be decoded, a Fault must reject with
 * SoapFaultError, and a body that is no SOAP envelope must be refused with SoapResponseError (the
 * error classes are the generated index's own: each generated folder has its runtime).
 */
function checkResponse(responseXml: string | undefined, error: unknown, generated: Record<string, unknown>): string | undefined {
  if (responseXml === undefined) {
    if (error !== undefined) throw new SampleFailure(`no response.xml, answered with 202: ${describeError(error)}`);
    return 'no response.xml: response not checked';
  }
  const isA = (name: string) => typeof generated[name] === 'function' && error instanceof (generated[name] as new () => unknown);
  switch (responseKind(responseXml)) {
    case 'message':
      if (error !== undefined) throw new SampleFailure(`response: ${describeError(error)}`);
      return undefined;
    case 'fault':
      if (!isA('SoapFaultError')) throw new SampleFailure(`response is a Fault, but the call ${error === undefined ? 'resolved' : `rejected with ${describeError(error)}`}`);
      return undefined;
    case 'not SOAP':
      if (!isA('SoapResponseError')) throw new SampleFailure(`response.xml is no SOAP envelope, but the call ${error === undefined ? 'resolved' : `rejected with ${describeError(error)}`}`);
      return 'response.xml is no SOAP envelope: refused with SoapResponseError';
  }
}
