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

/**
 * The hash of every file of the generator. Reading them all costs more than the rest of an
 * up-to-date run, so the hash is kept with each file's size and modification time, and computed
 * anew only when one of those differs.
 */
export function generatorFingerprint(): string {
  if (computed) return computed;
  const roots = [CODE_ROOT, path.join(PACKAGE_ROOT, 'templates'), path.join(PACKAGE_ROOT, 'src', 'read', 'catalog'), path.join(PACKAGE_ROOT, 'package.json')];
  const files = [...new Set(roots)].flatMap(filesUnder);
  const stats = files.map((file) => {
    const stat = statSync(file);
    return `${path.relative(PACKAGE_ROOT, file)}:${stat.size}:${stat.mtimeMs}`;
  });
  const statsKey = createHash('sha256').update(stats.join('\n')).digest('hex');
  const cache = readCache();
  if (cache.fingerprint?.stats === statsKey) return (computed = cache.fingerprint.hash);
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${path.relative(PACKAGE_ROOT, file)}\0`).update(readFileSync(file)).update('\0');
  computed = hash.digest('hex');
  writeCache({ ...readCache(), fingerprint: { stats: statsKey, hash: computed } });
  return computed;
}

interface Cache {
  /** The generator's fingerprint, with the key of its files' sizes and times. */
  readonly fingerprint?: { readonly stats: string; readonly hash: string };
  /** Output folder (absolute) → the fingerprint of the generator that last wrote it. */
  readonly outputs?: Readonly<Record<string, string>>;
}

/** Where the cache lives: the project's node_modules/.cache, as other build tools keep theirs. */
function cacheFile(): string | undefined {
  const modules = path.resolve('node_modules');
  return existsSync(modules) ? path.join(modules, '.cache', 'wsdl-agents', 'cache.json') : undefined;
}

function readCache(): Cache {
  const file = cacheFile();
  if (!file || !existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Cache;
  } catch {
    return {};
  }
}

/** A cache that cannot be written is no error: it only costs a full run next time. */
function writeCache(cache: Cache): void {
  const file = cacheFile();
  if (!file) return;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(cache, null, 2));
  } catch {
    // read-only: so be it
  }
}

/** True when this output folder was last written by this very generator, on this machine. */
export function writtenByThisGenerator(out: string): boolean {
  return readCache().outputs?.[path.resolve(out)] === generatorFingerprint();
}

/** Records that this generator wrote the output folder. */
export function stampOutput(out: string): void {
  const cache = readCache();
  writeCache({ ...cache, outputs: { ...cache.outputs, [path.resolve(out)]: generatorFingerprint() } });
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
