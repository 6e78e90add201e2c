/**
 * Small WSDLs of our own, generated, type-checked strictly (all in one TypeScript program, which
 * is much faster than one each) and loaded as ES modules, so a test can call their agents.
 */
import path from 'node:path';
import { findInputs, generate, type GenerateOptions, type GenerateResult } from '../../src/generate.js';
import { createOutputRoot, importModule, transpileInto, typecheckGenerated } from '../conformance/generated-code.js';
import { recordingFetch, type CannedResponse, type RecordedRequest } from './recording-fetch.js';
import { tempFiles } from './wsdl-builder.js';

export interface AgentCase {
  /** Input files by name (string content, or bytes for encodings other than UTF-8). */
  readonly files: Readonly<Record<string, string | Uint8Array>>;
  /** The file to generate. */
  readonly wsdl: string;
  readonly options?: GenerateOptions;
}

export interface BuiltAgents {
  readonly result: GenerateResult;
  /** Strict type errors of the generated code; empty when it compiles. */
  readonly diagnostics: readonly string[];
  /** The generated index module. */
  readonly index: Record<string, unknown>;
}

/** A generated agent class, constructed with a recording fetch. */
type AgentClass = new (options: { fetch: ReturnType<typeof recordingFetch>['fetch'] }) => Record<string, (...args: unknown[]) => Promise<unknown>>;

/** Generates and type-checks every case, then loads each one's modules. */
export async function buildAgents<Name extends string>(cases: Readonly<Record<Name, AgentCase>>): Promise<Record<Name, BuiltAgents>> {
  const root = createOutputRoot();
  const results = new Map<Name, GenerateResult>();
  for (const [name, { files, wsdl, options }] of Object.entries(cases) as [Name, AgentCase][]) {
    const dir = tempFiles(files);
    results.set(name, generate(findInputs([path.join(dir, wsdl)]), options));
  }
  const folderOf = (name: string) => path.join(root, 'ts', name);
  const diagnostics = typecheckGenerated(new Map([...results].map(([name, result]) => [folderOf(name), result.files])), path.join(root, 'runtime'));
  const built = {} as Record<Name, BuiltAgents>;
  for (const [name, result] of results) {
    const js = path.join(root, 'js', name);
    transpileInto(js, result.files);
    built[name] = { result, diagnostics: diagnostics.get(folderOf(name)) ?? [], index: await importModule(js, 'index.js') };
  }
  return built;
}

/** An agent of a built case whose calls are recorded and answered with `answer`. */
export function recordedAgent(built: BuiltAgents, className: string, answer: CannedResponse | ((request: RecordedRequest) => CannedResponse)) {
  const { fetch, requests } = recordingFetch(answer);
  const Agent = built.index[className] as AgentClass;
  return { agent: new Agent({ fetch }), requests };
}

/** A SOAP 1.1 response envelope around `body`. */
export function soap11(body: string): CannedResponse {
  return { body: `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><s:Body>${body}</s:Body></s:Envelope>` };
}

/** What a request carries inside soap:Body. */
export function bodyOf(request: RecordedRequest): string {
  return request.body.slice(request.body.indexOf('<soap:Body>') + '<soap:Body>'.length, request.body.lastIndexOf('</soap:Body>'));
}
