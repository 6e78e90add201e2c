/**
 * The manifest written beside the output: which generator and options made it, every input file
 * read (imports included) and every output file, each with its hash. When none of that changed,
 * `generate` knows the output is what it would write again without reading a WSDL.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const MANIFEST_FILE = 'wsdl-agents-manifest.json';

export interface Manifest {
  /** `wsdl-agents <version>`. */
  readonly generator: string;
  /** The options that shape the output, keys sorted. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The WSDLs given (found), relative to the output folder, posix. */
  readonly wsdls: readonly string[];
  /**
   * Every file read, relative to the output folder (URLs as they are), with its content's hash;
   * `absent` for an import that was not there (generated with a warning: it may appear).
   */
  readonly inputs: readonly { readonly file: string; readonly sha256?: string; readonly absent?: true }[];
  /** Every output file but the manifest, with its hash. */
  readonly outputs: Readonly<Record<string, string>>;
}

export interface ManifestSubject {
  readonly generator: string;
  readonly options: Readonly<Record<string, unknown>>;
  /** The WSDL files given, as found (paths or URLs). */
  readonly wsdls: readonly string[];
  /** Every file read, as the reader named it (paths or URLs). */
  readonly inputs: readonly string[];
}

/** The manifest of an output (`files`: output path → content), as the text to write. */
export function manifestText(out: string, subject: ManifestSubject, files: ReadonlyMap<string, string>): string {
  const manifest: Manifest = {
    generator: subject.generator,
    options: sortedOptions(subject.options),
    wsdls: subject.wsdls.map((file) => relativeTo(out, file)),
    inputs: [...new Set(subject.inputs)].map((file) => {
      if (isUrl(file)) return { file };
      return existsSync(file) ? { file: relativeTo(out, file), sha256: fileHash(file) } : { file: relativeTo(out, file), absent: true as const };
    }),
    outputs: Object.fromEntries([...files].filter(([name]) => name !== MANIFEST_FILE).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, content]) => [name, hash(content)])),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * True when the output folder is exactly what `subject` would generate again: the same generator
 * and options, the same WSDLs, every input file unchanged (a remote one never counts as
 * unchanged), and every output file as written, with no other file beside them.
 */
export function isUpToDate(out: string, subject: Omit<ManifestSubject, 'inputs'>): boolean {
  const file = path.join(out, MANIFEST_FILE);
  if (!existsSync(file)) return false;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return false;
  }
  if (manifest.generator !== subject.generator) return false;
  if (JSON.stringify(manifest.options) !== JSON.stringify(sortedOptions(subject.options))) return false;
  if (JSON.stringify(manifest.wsdls) !== JSON.stringify(subject.wsdls.map((wsdl) => relativeTo(out, wsdl)))) return false;
  for (const input of manifest.inputs ?? []) {
    const full = path.join(out, input.file);
    if (input.absent) {
      if (existsSync(full)) return false;
      continue;
    }
    if (!input.sha256 || !existsSync(full) || fileHash(full) !== input.sha256) return false;
  }
  const outputs = Object.entries(manifest.outputs ?? {});
  const onDisk = listFiles(out).filter((name) => name !== MANIFEST_FILE);
  if (onDisk.length !== outputs.length) return false;
  return outputs.every(([name, sha256]) => existsSync(path.join(out, name)) && fileHash(path.join(out, name)) === sha256);
}

function sortedOptions(options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Text files hashed with their line ends made `\n`: a checkout with CRLF is the same input. */
function fileHash(file: string): string {
  return hash(readFileSync(file, 'utf8'));
}

function hash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

function relativeTo(out: string, file: string): string {
  if (isUrl(file)) return file;
  return path.relative(path.resolve(out), path.resolve(file)).split(path.sep).join('/');
}

function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(root, name) : [name];
  });
}
