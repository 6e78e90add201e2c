/**
 * What the user asks to generate: WSDL files, folders of them, and URLs, found before anything is
 * read (the CLI checks its manifest with them without loading the generator).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { WsdlError } from './errors.js';

export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** Whether a local path names an existing folder (false for files, URLs and missing paths). */
export function isFolder(location: string): boolean {
  try {
    return statSync(location).isDirectory();
  } catch {
    return false;
  }
}

export interface WsdlInput {
  /** The WSDL file to read. */
  readonly file: string;
  /** Its name in output (preambles, progress): relative to the folder it was found in. */
  readonly sourceName: string;
  /** The output sub-folder it generates into (posix; '' for the output root). */
  readonly group: string;
}

/**
 * Finds the WSDL files to generate. A file generates into the output root; a folder is searched
 * for `*.wsdl` files, and each keeps its sub-folder (`wsdl/Services86/X.wsdl` → `Services86/`).
 */
export function findInputs(inputs: readonly string[]): WsdlInput[] {
  const found: WsdlInput[] = [];
  for (const input of inputs) {
    if (isUrl(input)) {
      const url = new URL(input);
      found.push({ file: url.href, sourceName: path.posix.basename(url.pathname) || url.host, group: '' });
      continue;
    }
    let stats;
    try {
      stats = statSync(input);
    } catch {
      throw new WsdlError(`cannot read "${input}": no such file or folder`);
    }
    if (stats.isFile()) {
      found.push({ file: input, sourceName: path.basename(input), group: '' });
      continue;
    }
    const files = walk(input).filter((file) => /\.wsdl$/i.test(file));
    if (files.length === 0) throw new WsdlError(`no .wsdl files in the folder "${input}"`);
    for (const file of files) {
      const relative = path.relative(input, file).split(path.sep).join('/');
      const group = path.posix.dirname(relative);
      found.push({ file, sourceName: relative, group: group === '.' ? '' : group });
    }
  }
  const seen = new Set<string>();
  return found
    .filter((input) => {
      const key = path.resolve(input.file);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.sourceName < b.sourceName ? -1 : a.sourceName > b.sourceName ? 1 : 0));
}

function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return walk(full);
      return entry.isFile() ? [full] : [];
    });
}
