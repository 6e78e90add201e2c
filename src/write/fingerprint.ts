/**
 * The generator's own fingerprint: a hash of its code, runtime templates and schema catalog. A
 * manifest says the inputs and the output did not change; this says the generator did not either
 * (a new version, or a developer's edit without one). It is kept per machine, beside the project's
 * other caches, never in the output: output must be the same wherever it is generated.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The folder the running generator's modules are in (dist/ when built, src/ under tsx). */
const CODE_ROOT = fileURLToPath(new URL('../', import.meta.url));

let computed: string | undefined;

export function generatorFingerprint(): string {
  if (computed) return computed;
  const hash = createHash('sha256');
  const roots = [CODE_ROOT, path.join(PACKAGE_ROOT, 'templates'), path.join(PACKAGE_ROOT, 'src', 'read', 'catalog'), path.join(PACKAGE_ROOT, 'package.json')];
  for (const root of [...new Set(roots)]) {
    for (const file of filesUnder(root)) hash.update(`${path.relative(PACKAGE_ROOT, file)}\0`).update(readFileSync(file)).update('\0');
  }
  computed = hash.digest('hex');
  return computed;
}

/** Where stamps live: the project's node_modules/.cache, as other build tools keep theirs. */
function stampsFile(): string | undefined {
  const modules = path.resolve('node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'wsdl-agents', 'stamps.json') : undefined;
}

function readStamps(): Record<string, string> {
  const file = stampsFile();
  if (!file || !existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/** True when this output folder was last written by this very generator, on this machine. */
export function writtenByThisGenerator(out: string): boolean {
  return readStamps()[path.resolve(out)] === generatorFingerprint();
}

/** Records that this generator wrote the output folder; a cache that cannot be written is no error. */
export function stampOutput(out: string): void {
  const file = stampsFile();
  if (!file) return;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ ...readStamps(), [path.resolve(out)]: generatorFingerprint() }, null, 2));
  } catch {
    // a read-only cache only costs a full run next time
  }
}

/** A file, or every file under a folder, in a fixed order. */
function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  if (statSync(root).isFile()) return [root];
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
