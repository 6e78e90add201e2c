/**
 * The real-world WSDLs of test/fixtures/real-world (see its index.json and SOURCES.md): public
 * WSDLs of well-known services, byte-identical with their imports, and for each import by URL the
 * local file that stands for it, so they generate offline.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REAL_WORLD_ROOT = fileURLToPath(new URL('../fixtures/real-world/', import.meta.url));

export interface RealWorldFile {
  /** Relative to the fixture's folder. */
  readonly path: string;
  readonly bytes: number;
  readonly repository: string;
  readonly commit: string;
  /** Its path in that repository. */
  readonly from: string;
}

export interface RealWorldWsdl {
  /** The fixture's folder name: `exchange-ews`. */
  readonly name: string;
  readonly vendor: string;
  readonly service: string;
  /** The WSDL to generate, relative to the fixture's folder. */
  readonly wsdl: string;
  readonly files: readonly RealWorldFile[];
  /** Imports by URL → the local file (relative to the fixture's folder) that holds what the URL serves. */
  readonly urls: Readonly<Record<string, string>>;
}

export function realWorldWsdls(): RealWorldWsdl[] {
  return JSON.parse(readFileSync(path.join(REAL_WORLD_ROOT, 'index.json'), 'utf8')) as RealWorldWsdl[];
}

export function fixtureDir(wsdl: RealWorldWsdl): string {
  return path.join(REAL_WORLD_ROOT, wsdl.name);
}

/** The WSDL and every file it imports, as checked in: what a user would download. */
export function totalBytes(wsdl: RealWorldWsdl): number {
  return wsdl.files.reduce((sum, file) => sum + statSync(path.join(fixtureDir(wsdl), file.path)).size, 0);
}
