/**
 * The catalog of well-known schemas (src/read/catalog: the files, index.json, README.md): the
 * W3C and OASIS schemas WSDLs import by their public URLs or by namespace alone, resolved from
 * local copies, without a network. Each file is checked against the sha256 index.json pins, so
 * its bytes are the published ones; the one with a DOCTYPE is read without it (see below).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WsdlError } from '../errors.js';
import { decodeXmlBytes } from './decode-text.js';

/** The data stays in src/ (the package ships it there): found alike from src/read/ and from dist/read/. */
export const CATALOG_DIR = fileURLToPath(new URL('../../src/read/catalog/', import.meta.url));

export interface CatalogSchema {
  /** The file in the catalog folder. */
  readonly file: string;
  /** Its targetNamespace. */
  readonly namespace: string;
  readonly name: string;
  readonly version: string;
  readonly publisher: string;
  /** Every URL it is published under that WSDLs are known to use (exact strings). */
  readonly urls: readonly string[];
  readonly sha256: string;
  /** It starts with a DOCTYPE, as published. */
  readonly doctype: boolean;
}

let index: readonly CatalogSchema[] | undefined;

export function catalogSchemas(): readonly CatalogSchema[] {
  if (index) return index;
  const file = path.join(CATALOG_DIR, 'index.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new WsdlError(`the catalog of well-known schemas cannot be read (${(error as Error).message}): reinstall wsdl-agents`);
  }
  index = (JSON.parse(text) as { schemas: CatalogSchema[] }).schemas;
  return index;
}

/** The schema published at `url` (a schemaLocation resolved against its importer), if any. */
export function catalogSchemaAt(url: string): CatalogSchema | undefined {
  return catalogSchemas().find((schema) => schema.urls.includes(url));
}

export function catalogSchemaFor(namespace: string): CatalogSchema | undefined {
  return catalogSchemas().find((schema) => schema.namespace === namespace);
}

/** Where a catalog schema is read from; errors and warnings inside it name this file. */
export function catalogPath(schema: CatalogSchema): string {
  return path.join(CATALOG_DIR, schema.file);
}

/**
 * A catalog schema's text. A DOCTYPE is never given to the parser, so the one file that has one
 * (xmldsig-core-schema.xsd) is read with it blanked out: its bytes are pinned by sha256, and its
 * internal subset only declares entities the body never uses and a fixed `xmlns:ds` its root
 * element states anyway, so the document means the same without it. Line numbers are kept.
 */
export function readCatalogSchema(schema: CatalogSchema): string {
  const file = catalogPath(schema);
  const bytes = readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== schema.sha256) {
    throw new WsdlError(`the catalog file ${file} is not the one its index pins (sha256 ${sha256}, expected ${schema.sha256}): reinstall wsdl-agents`);
  }
  const text = decodeXmlBytes(bytes, file);
  return schema.doctype ? withoutDoctype(text) : text;
}

/** The DOCTYPE declaration (with its internal subset) replaced by the line ends it spans. */
function withoutDoctype(text: string): string {
  return text.replace(/<!DOCTYPE[^[>]*(?:\[[\s\S]*?\]\s*)?>/, (doctype) => doctype.replace(/[^\n]/g, ''));
}
