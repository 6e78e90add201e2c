/** Loads a WSDL file and every local file it imports or includes into one `WsdlDocument`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { WsdlError } from '../errors.js';
import { WSDL_NS, type Schema, type WsdlDocument } from '../model/model.js';
import { isXsd, readSchema, type ReadSchemaResult, type SchemaReference } from './schema.js';
import { readWsdlFile, type WsdlFile } from './wsdl.js';
import { locationOf, parseXml } from './xml.js';

export interface LoadOptions {
  /** Reads a file as UTF-8 text; replaceable for tests. */
  readonly readFile?: (file: string) => string;
}

export function loadWsdl(file: string, options: LoadOptions = {}): WsdlDocument {
  const readText = options.readFile ?? ((name: string) => readFileSync(name, 'utf8'));
  const wsdlFiles: WsdlFile[] = [];
  const schemas: Schema[] = [];
  const warnings: WsdlDocument['warnings'] = [];
  /** Files already read (by normalised path), with the namespace an include read them under. */
  const seen = new Set<string>();

  const readXml = (name: string, from?: { file: string; element: Element }) => {
    let text: string;
    try {
      text = readText(name);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
      if (from) throw new WsdlError(`cannot read imported file "${name}": ${reason}`, locationOf(from.file, from.element));
      throw new WsdlError(`cannot read "${name}": ${reason}`);
    }
    return parseXml(text, name);
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

  const start = path.normalize(file);
  seen.add(start);
  addWsdl(start, readXml(start).root);

  const main = wsdlFiles[0];
  return {
    file: start,
    name: main.name,
    targetNamespace: main.targetNamespace,
    documentation: main.documentation,
    services: wsdlFiles.flatMap((w) => w.services),
    bindings: wsdlFiles.flatMap((w) => w.bindings),
    portTypes: wsdlFiles.flatMap((w) => w.portTypes),
    messages: wsdlFiles.flatMap((w) => w.messages),
    schemas,
    warnings,
  };
}

/** Resolves an import location against the importing file. Only local, relative paths are read. */
function resolveLocation(fromFile: string, location: string, element: Element): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(location) && !/^[a-zA-Z]:[\\/]/.test(location)) {
    throw new WsdlError(
      `the import of "${location}" is not followed: only files next to the WSDL (relative paths) are read`,
      locationOf(fromFile, element),
    );
  }
  return path.normalize(path.join(path.dirname(fromFile), location));
}
