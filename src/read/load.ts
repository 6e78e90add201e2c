/** Loads a WSDL and every file it imports or includes into one `WsdlDocument`. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { WsdlError, formatLocation } from '../errors.js';
import { decodeXmlBytes } from './decode-text.js';
import { catalogPath, catalogSchemaAt, catalogSchemaFor, readCatalogSchema, type CatalogSchema } from './catalog.js';
import { SOAP_ENCODING_NAMESPACES, WSDL_NS, XML_NS, qnameKey, type CatalogSchemaUse, type QName, type Schema, type SourceLocation, type WsdlDocument } from './document.js';
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
  /**
   * Refuse a WSDL with any fault the generator can work around (an import it cannot read, an
   * xs:import outside xs:schema, an import of the wrong namespace, a reference to something not
   * declared) instead of generating with a warning for each. Default false.
   */
  readonly strict?: boolean;
}

export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

import { isUrl } from '../inputs.js';

export { isUrl };

export function loadWsdl(file: string, options: LoadOptions = {}): WsdlDocument {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const readText = options.readFile ?? ((name: string) => readLocalFile(name, maxBytes));
  /** Catalog schemas by the path they are read from. */
  const catalogFiles = new Map<string, CatalogSchema>();
  const resolveLocation = (fromFile: string, location: string, element: Element) => {
    const known = catalogSchemaAt(location) ?? catalogSchemaAt(absoluteUrl(fromFile, location) ?? location);
    if (!known) return resolveImport(fromFile, location, options.allowRemote ?? false, () => locationOf(fromFile, element));
    catalogFiles.set(catalogPath(known), known);
    return catalogPath(known);
  };
  const wsdlFiles: WsdlFile[] = [];
  const filesRead: string[] = [];
  const schemas: Schema[] = [];
  const catalogSchemas: CatalogSchemaUse[] = [];
  const warnings: WsdlDocument['warnings'] = [];
  /** Files already read (by normalised path), with the namespace an include read them under. */
  const seen = new Set<string>();
  const schemaKey = (target: string, chameleon?: string) => `${target}\u0000${chameleon ?? ''}`;
  /** Namespaces imported without a schemaLocation (or from a file that could not be read): the catalog may have them. */
  const importedByNamespace = new Set<string>();
  /** Every namespace a schema refers to (`xml:lang` needs no import). */
  const referenced = new Set<string>();

  /** A fault the generator works around: the error under `strict`, otherwise a warning saying what it does instead. */
  const forgive = (error: WsdlError, instead: string) => {
    if (options.strict || !error.loc) throw error;
    warnings.push({ message: `${error.problem}; ${instead}`, loc: error.loc });
  };

  const readXml = (name: string, from?: { file: string; element: Element }): ParsedXml => {
    if (!filesRead.includes(name)) filesRead.push(name);
    const catalogSchema = catalogFiles.get(name);
    if (catalogSchema && !catalogSchemas.some((used) => used.file === catalogSchema.file)) {
      const { file, namespace, name: title, publisher, version } = catalogSchema;
      catalogSchemas.push({ file, namespace, name: title, publisher, version });
    }
    const cached = options.parsed?.get(name);
    if (cached) return cached;
    let text: string;
    try {
      text = catalogSchema ? readCatalogSchema(catalogSchema) : readText(name);
    } catch (error) {
      if (error instanceof RemoteFileNeeded || (error instanceof WsdlError && !from)) throw error;
      const where = from && locationOf(from.file, from.element);
      // a failed download says so itself (`cannot fetch …: HTTP 404`); it needs only the place
      if (where && error instanceof WsdlError && !error.loc && isUrl(name)) throw new WsdlError(error.problem, where);
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : error instanceof WsdlError ? error.problem : (error as Error).message;
      if (where) throw new WsdlError(`cannot read imported file "${name}": ${reason}`, where);
      throw new WsdlError(`cannot read "${name}": ${reason}`);
    }
    const parsed = parseXml(text, name);
    options.parsed?.set(name, parsed);
    return parsed;
  };

  /**
   * An imported file, or undefined when it cannot be read and that is forgiven. An xs:import of a
   * namespace the catalog knows then falls back to the catalog, unless another file provides it.
   */
  const readImport = (name: string, from: { file: string; element: Element }, what: string, namespace?: string): ParsedXml | undefined => {
    try {
      return readXml(name, from);
    } catch (error) {
      if (!(error instanceof WsdlError)) throw error;
      leaveOut(error, what, namespace);
      return undefined;
    }
  };

  const leaveOut = (error: WsdlError, what: string, namespace: string | undefined) => {
    const known = namespace === undefined ? undefined : catalogSchemaByNamespace(namespace);
    if (!known) {
      forgive(error, `the ${what} is left out (what it declares is typed unknown where it is used)`);
      return;
    }
    forgive(error, `its namespace is read from the catalog's ${known.file} instead, unless another file provides it`);
    importedByNamespace.add(known.namespace);
  };

  const addSchema = (result: ReadSchemaResult) => {
    schemas.push(result.schema);
    warnings.push(...result.warnings);
    for (const namespace of result.referencedNamespaces) referenced.add(namespace);
    for (const reference of result.references) followSchemaReference(result.schema.file, result.schema.targetNamespace, reference);
  };

  const followSchemaReference = (fromFile: string, fromNamespace: string | undefined, reference: SchemaReference) => {
    if (!reference.schemaLocation) {
      // a namespace expected elsewhere in the same WSDL, or else in the catalog
      if (reference.kind === 'import' && reference.namespace) importedByNamespace.add(reference.namespace);
      return;
    }
    const target = resolveLocation(fromFile, reference.schemaLocation, reference.element);
    const chameleon = reference.kind === 'include' ? fromNamespace : undefined;
    const key = schemaKey(target, chameleon);
    if (seen.has(key)) return;
    seen.add(key);
    const at = locationOf(fromFile, reference.element);
    const namespace = reference.kind === 'import' ? reference.namespace : undefined;
    const parsed = readImport(target, { file: fromFile, element: reference.element }, `xs:${reference.kind}`, namespace);
    if (!parsed) return;
    if (!isXsd(parsed.root) || parsed.root.localName !== 'schema') {
      leaveOut(new WsdlError(`xs:${reference.kind} of "${reference.schemaLocation}": that file is not an XML Schema`, at), `xs:${reference.kind}`, namespace);
      return;
    }
    const included = readSchema(parsed.root, target, chameleon && !parsed.root.hasAttribute('targetNamespace') ? chameleon : undefined);
    if (reference.kind === 'import' && reference.namespace !== undefined && included.schema.targetNamespace !== reference.namespace) {
      forgive(
        new WsdlError(
          `xs:import of namespace "${reference.namespace}" loads "${reference.schemaLocation}", whose targetNamespace is "${included.schema.targetNamespace}"`,
          at,
        ),
        `its declarations are read in "${included.schema.targetNamespace}", as the file says`,
      );
    }
    addSchema(included);
  };

  const addWsdl = (name: string, root: Element) => {
    const wsdl = readWsdlFile(root, name);
    wsdlFiles.push(wsdl);
    for (const schema of wsdl.schemas) addSchema(schema);
    for (const reference of wsdl.strayReferences) {
      forgive(
        new WsdlError(`xs:${reference.kind} must be inside an xs:schema, not directly in wsdl:types`, locationOf(name, reference.element)),
        'it is followed as if it were',
      );
      followSchemaReference(name, undefined, reference);
    }
    for (const imported of wsdl.imports) {
      if (!imported.location) continue;
      const target = resolveLocation(name, imported.location, imported.element);
      if (seen.has(target)) continue;
      seen.add(target);
      const parsed = readImport(target, { file: name, element: imported.element }, 'wsdl:import');
      if (!parsed) continue;
      if (isXsd(parsed.root) && parsed.root.localName === 'schema') addSchema(readSchema(parsed.root, target));
      else if (parsed.root.namespaceURI === WSDL_NS) addWsdl(target, parsed.root);
      else {
        forgive(
          new WsdlError(`wsdl:import of "${imported.location}": that file is neither a WSDL nor an XML Schema`, locationOf(name, imported.element)),
          'the wsdl:import is left out',
        );
      }
    }
  };

  /**
   * Namespaces no file read provides, taken from the catalog: those imported by namespace alone,
   * and the XML namespace wherever it is used (`ref="xml:lang"` needs no import: Namespaces in
   * XML §3 binds it). What the catalog schemas import is read in turn.
   */
  const addCatalogNamespaces = () => {
    for (;;) {
      const provided = new Set(schemas.map((schema) => schema.targetNamespace));
      const wanted = [...importedByNamespace, ...(referenced.has(XML_NS) ? [XML_NS] : [])]
        .filter((namespace) => !provided.has(namespace))
        .map(catalogSchemaByNamespace)
        .filter((schema): schema is CatalogSchema => schema !== undefined && !seen.has(schemaKey(catalogPath(schema))));
      if (wanted.length === 0) return;
      for (const schema of wanted) {
        const target = catalogPath(schema);
        seen.add(schemaKey(target));
        catalogFiles.set(target, schema);
        addSchema(readSchema(readXml(target).root, target));
      }
    }
  };

  const start = isUrl(file) ? new URL(file).href : path.normalize(file);
  seen.add(start);
  addWsdl(start, readXml(start).root);
  addCatalogNamespaces();

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
    catalogSchemas,
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

/**
 * The catalog schema that stands in for a namespace no file provides. SOAP encoding's types are
 * built in, so its schema is not read for its namespace alone: it would only add its mirrors of
 * XML Schema's types to the output.
 */
function catalogSchemaByNamespace(namespace: string): CatalogSchema | undefined {
  return SOAP_ENCODING_NAMESPACES.includes(namespace) ? undefined : catalogSchemaFor(namespace);
}

/** A location as an absolute http(s) URL, when it is one or is relative to one. */
function absoluteUrl(fromFile: string, location: string): string | undefined {
  try {
    if (isUrl(fromFile)) return new URL(location, fromFile).href;
    return isUrl(location) ? new URL(location).href : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a local file within the size limit; a URL asks the caller to fetch it first. */
export function readLocalFile(file: string, maxBytes: number): string {
  if (isUrl(file)) throw new RemoteFileNeeded(file);
  const size = statSync(file).size;
  if (size > maxBytes) throw new WsdlError(`"${file}" is ${megabytes(size)}, more than the limit of ${megabytes(maxBytes)} (raise it with --max-file-size)`);
  return decodeXmlBytes(readFileSync(file), file);
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
