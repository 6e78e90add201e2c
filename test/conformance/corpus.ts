/**
 * The node-soap conformance corpus as copied into test/fixtures/corpus/node-soap (see SOURCES.md
 * there): its WSDL files and its request/response samples. Only reads the fixtures, never
 * /work/shared or the network, so a clean checkout has everything it needs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS_ROOT = fileURLToPath(new URL('../fixtures/corpus/node-soap/', import.meta.url));
const WSDL_ROOT = path.join(CORPUS_ROOT, 'wsdl');
const SAMPLES_ROOT = path.join(CORPUS_ROOT, 'samples');

export interface CorpusWsdl {
  /** Relative to the corpus' wsdl/ folder, with forward slashes: `strict/npe.wsdl`. */
  readonly name: string;
  readonly file: string;
}

/**
 * Every `.wsdl` under wsdl/ (sub-folders included), and the `.txt` files, which node-soap keeps
 * there as deliberately broken inputs. XSD files are only read through the WSDLs that import them.
 */
export function corpusWsdls(): CorpusWsdl[] {
  return readdirSync(WSDL_ROOT, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => /\.(wsdl|txt)$/i.test(name))
    .sort()
    .map((name) => ({ name, file: path.join(WSDL_ROOT, name) }));
}

export interface CorpusSample {
  /** The folder name: `<Operation>__<case>`. */
  readonly name: string;
  /** The operation the sample calls: the folder name before `__`. */
  readonly operation: string;
  readonly dir: string;
  readonly wsdlFile: string;
  /** node-soap's argument object. */
  readonly request: unknown;
  /** The envelope node-soap sends; undefined when the sample has none. */
  readonly requestXml?: string;
  /** The service's answer; undefined for samples that only check the request. */
  readonly responseXml?: string;
  /**
   * Why the sample is out of scope: it exercises a node-soap option (its own files or argument
   * keys), not plain SOAP that any client must reproduce. Undefined when it is in scope.
   */
  readonly nodeSoapSpecific?: string;
}

/** Files by which node-soap's test runner configures itself for one sample. */
const NODE_SOAP_OPTION_FILES = ['wsdl_options.json', 'options.json', 'security.json', 'header.json'];
/** Argument keys with a node-soap meaning: XML attributes and raw XML. */
const NODE_SOAP_KEYS = new Set(['attributes', '$xml']);

export function corpusSamples(): CorpusSample[] {
  return readdirSync(SAMPLES_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map(readSample);
}

function readSample(name: string): CorpusSample {
  const dir = path.join(SAMPLES_ROOT, name);
  const optional = (file: string) => (existsSync(path.join(dir, file)) ? readFileSync(path.join(dir, file), 'utf8') : undefined);
  const request: unknown = JSON.parse(readFileSync(path.join(dir, 'request.json'), 'utf8'));
  const optionFiles = NODE_SOAP_OPTION_FILES.filter((file) => existsSync(path.join(dir, file)));
  const keys = [...new Set(nodeSoapKeys(request))];
  const nodeSoapSpecific = [...optionFiles, ...keys.map((key) => `"${key}" keys in request.json`)].join(', ') || undefined;
  return {
    name,
    operation: name.split('__')[0],
    dir,
    wsdlFile: path.join(dir, 'soap.wsdl'),
    request,
    requestXml: optional('request.xml'),
    responseXml: optional('response.xml'),
    nodeSoapSpecific,
  };
}

function nodeSoapKeys(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [...(NODE_SOAP_KEYS.has(key) ? [key] : []), ...nodeSoapKeys(inner)]);
}
