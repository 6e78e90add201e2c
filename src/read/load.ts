/** Loads a WSDL and every file it imports or includes into one `WsdlDocument`. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { WsdlError, formatLocation } from '../errors.js';
import { WSDL_NS, qnameKey, type QName, type Schema, type SourceLocation, type WsdlDocument } from './document.js';
import { isXsd, readSchema, type ReadSchemaResult, type SchemaReference } from './schema.js';
import { readWsdlFile, type WsdlFile } from './wsdl.js';
import { locationOf, parseXml, type ParsedXml } from './xml.js';

export interface LoadOptions {
  /** Reads a file (a path, or an http(s) URL already fetched) as text; replaceable for tests. */
  readonly readFile?: (location: string) => string;
  /** Follow imports to http(s) URLs from local files, and to other hosts from remote ones. */
  readonly allowRemote?: boolean;
  /** Larger files are refused. Default 16 MiB. */
  readonly maxFileBytes?: number;
  /** Parsed files by location, kept between loads of the same WSDL (see load-remote.ts). */
  readonly parsed?: Map<string, ParsedXml>;
}

export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

import { isUrl } from '../inputs.js';

export { isUrl };

export function loadWsdl(file: string, options: LoadOptions = {}): WsdlDocument {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const readText = options.readFile ?? ((name: string) => readLocalFile(name, maxBytes));
  const resolveLocation = (fromFile: string, location: string, element: Element) =>
    resolveImport(fromFile, location, options.allowRemote ?? false, () => locationOf(fromFile, element));
  const wsdlFiles: WsdlFile[] = [];
  const filesRead: string[] = [];
  const schemas: Schema[] = [];
  const warnings: WsdlDocument['warnings'] = [];
  /** Files already read (by normalised path), with the namespace an include read them under. */
  const seen = new Set<string>();

  const readXml = (name: string, from?: { file: string; element: Element }): ParsedXml => {
    if (!filesRead.includes(name)) filesRead.push(name);
    const cached = options.parsed?.get(name);
    if (cached) return cached;
    let text: string;
    try {
      text = readText(name);
    } catch (error) {
      if (error instanceof RemoteFileNeeded || (error instanceof WsdlError && !from)) throw error;
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : error instanceof WsdlError ? error.problem : (error as Error).message;
      if (from) throw new WsdlError(`cannot read imported file "${name}": ${reason}`, locationOf(from.file, from.element));
      throw new WsdlError(`cannot read "${name}": ${reason}`);
    }
    const parsed = parseXml(text, name);
    options.parsed?.set(name, parsed);
    return parsed;
  };

  const addSchema = (result: ReadSchemaResult) => {
    schemas.push(result.schema);
    warnings.push(...result.warnings);
    for (const reference of result.references) followSchemaReference(result.schema, reference);
  };

  const followSchemaReference = (includer: Schema, reference: SchemaReference) => {
    if (!reference.schemaLocation) return; // a namespace expected elsewhere in the same WSDL
    const target = resolveLocation(includer.file, reference.schemaLocation, reference.element);
    const chameleon = reference.kind === 'include' ? includer.targetNamespace : undefined;
    const key = `${target}\u0000${chameleon ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const { root } = readXml(target, { file: includer.file, element: reference.element });
    if (!isXsd(root) || root.localName !== 'schema') {
      throw new WsdlError(`xs:${reference.kind} of "${reference.schemaLocation}": that file is not an XML Schema`, locationOf(includer.file, reference.element));
    }
    const included = readSchema(root, target, chameleon && !root.hasAttribute('targetNamespace') ? chameleon : undefined);
    if (reference.kind === 'import' && reference.namespace !== undefined && included.schema.targetNamespace !== reference.namespace) {
      throw new WsdlError(
        `xs:import of namespace "${reference.namespace}" loads "${reference.schemaLocation}", whose targetNamespace is "${included.schema.targetNamespace}"`,
        locationOf(includer.file, reference.element),
      );
    }
    addSchema(included);
  };

  const addWsdl = (name: string, root: Element) => {
    const wsdl = readWsdlFile(root, name);
    wsdlFiles.push(wsdl);
    for (const schema of wsdl.schemas) addSchema(schema);
    for (const imported of wsdl.imports) {
      if (!imported.location) continue;
      const target = resolveLocation(name, imported.location, imported.element);
      if (seen.has(target)) continue;
      seen.add(target);
      const parsed = readXml(target, { file: name, element: imported.element });
      if (isXsd(parsed.root) && parsed.root.localName === 'schema') addSchema(readSchema(parsed.root, target));
      else if (parsed.root.namespaceURI === WSDL_NS) addWsdl(target, parsed.root);
      else throw new WsdlError(`wsdl:import of "${imported.location}": that file is neither a WSDL nor an XML Schema`, locationOf(name, imported.element));
    }
  };

  const start = isUrl(file) ? new URL(file).href : path.normalize(file);
  seen.add(start);
  addWsdl(start, readXml(start).root);

  const main = wsdlFiles[0];
  return {
    file: start,
    files: filesRead,
    name: main.name,
    targetNamespace: main.targetNamespace,
    documentation: main.documentation,
    services: unique(wsdlFiles.flatMap((w) => w.services), 'wsdl:service'),
    bindings: unique(wsdlFiles.flatMap((w) => w.bindings), 'wsdl:binding'),
    portTypes: unique(wsdlFiles.flatMap((w) => w.portTypes), 'wsdl:portType'),
    messages: unique(wsdlFiles.flatMap((w) => w.messages), 'wsdl:message'),
    schemas,
    warnings,
  };
}

/** WSDL definitions are named uniquely within their namespace; a second one is an error. */
function unique<T extends { name: QName; loc: SourceLocation }>(definitions: T[], what: string): T[] {
  const seen = new Map<string, T>();
  for (const definition of definitions) {
    const first = seen.get(qnameKey(definition.name));
    if (first) throw new WsdlError(`a second ${what} is named "${definition.name.local}" (the first is at ${formatLocation(first.loc)})`, definition.loc);
    seen.set(qnameKey(definition.name), definition);
  }
  return definitions;
}

/**
 * Resolves an import against the file that makes it. Relative locations stay with their file
 * (a path beside a local file, a URL beside a remote one). Nothing escapes silently: an http(s)
 * import from a local file, or one to another origin than a remote file's, needs `allowRemote`;
 * any other scheme (`file:`, `ftp:`, ...) is refused.
 */
function resolveImport(fromFile: string, location: string, allowRemote: boolean, where: () => SourceLocation): string {
  const refuse = (why: string): never => {
    throw new WsdlError(`the import of "${location}" is not followed: ${why}`, where());
  };
  const hasScheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(location) && !/^[a-zA-Z]:[\\/]/.test(location);
  if (isUrl(fromFile)) {
    let target: URL;
    try {
      target = new URL(location, fromFile);
    } catch {
      return refuse('it is not a valid URL');
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return refuse(`only http and https are read (not ${target.protocol})`);
    if (target.origin !== new URL(fromFile).origin && !allowRemote) {
      return refuse(`it leaves ${new URL(fromFile).origin} (allow imports from other hosts with --allow-remote)`);
    }
    return target.href;
  }
  if (isUrl(location)) {
    if (!allowRemote) return refuse('remote imports of a local WSDL are read only with --allow-remote');
    return new URL(location).href;
  }
  if (hasScheme) return refuse('only files next to the WSDL (relative paths) and, when allowed, http(s) URLs are read');
  return path.normalize(path.join(path.dirname(fromFile), location));
}

/** Reads a local file within the size limit; a URL asks the caller to fetch it first. */
export function readLocalFile(file: string, maxBytes: number): string {
  if (isUrl(file)) throw new RemoteFileNeeded(file);
  const size = statSync(file).size;
  if (size > maxBytes) throw new WsdlError(`"${file}" is ${megabytes(size)}, more than the limit of ${megabytes(maxBytes)} (raise it with --max-file-size)`);
  return readFileSync(file, 'utf8');
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Thrown by a synchronous load that meets a remote file it does not have yet (see load-remote.ts). */
export class RemoteFileNeeded extends Error {
  constructor(readonly url: string) {
    super(`the remote file ${url} has not been fetched`);
  }
}
