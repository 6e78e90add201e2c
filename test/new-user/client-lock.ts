/**
 * The package-lock.json of a client project that installs the packed tarball, written from this
 * repository's own lock file.
 *
 * Why a lock file: the test installs without network, from the npm cache that `npm ci` filled
 * here. `npm install --offline <tarball>` cannot use that cache: it asks for the registry's full
 * package documents, which `npm ci` never caches, so it fails with ENOTCACHED on a fresh machine;
 * and resolving version ranges offline could pick a version whose tarball is not cached. `npm ci
 * --offline` with this lock file needs no package document at all: every package has its exact
 * version, tarball URL and integrity, and npm takes each tarball from the cache by its integrity.
 * The versions are the ones this repository's tests run with; a real user's npm would pick the
 * newest matching ones from the registry instead.
 */
import { readFileSync } from 'node:fs';

/** One entry of a lock file's `packages`, as npm writes it. */
interface LockEntry {
  readonly version?: string;
  readonly resolved?: string;
  readonly integrity?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly peer?: boolean;
  readonly [field: string]: unknown;
}

interface Lockfile {
  readonly packages: Readonly<Record<string, LockEntry>>;
}

export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly license?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly bin?: Readonly<Record<string, string>>;
  readonly engines?: Readonly<Record<string, string>>;
}

export interface PackedPackage {
  /** package.json of the packed package. */
  readonly manifest: PackageManifest;
  /** How the client's package.json names the tarball: `file:../x-1.0.0.tgz`. */
  readonly spec: string;
  readonly integrity: string;
}

export interface ClientManifest {
  readonly name: string;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
}

/**
 * The lock file for `client`, whose dependencies are the packed package and packages of this
 * repository's lock file (at the versions that lock file holds), with everything they need.
 */
export function clientLockfile(repositoryLockFile: string, client: ClientManifest, packed: PackedPackage): object {
  const repository = (JSON.parse(readFileSync(repositoryLockFile, 'utf8')) as Lockfile).packages;
  const { name, version, license, dependencies, bin, engines } = packed.manifest;
  const packedEntry: LockEntry = { version, resolved: packed.spec, integrity: packed.integrity, license, dependencies, bin, engines };
  const packages: Record<string, LockEntry> = {
    '': { name: client.name, version: '1.0.0', dependencies: client.dependencies, devDependencies: client.devDependencies },
    [`node_modules/${name}`]: packedEntry,
  };

  const wanted: Wanted[] = [
    ...Object.keys({ ...client.dependencies, ...client.devDependencies })
      .filter((dependency) => dependency !== name)
      .map((dependency) => ({ from: '', dependency, optional: false })),
    ...Object.keys(packedEntry.dependencies ?? {}).map((dependency) => ({ from: '', dependency, optional: false })),
  ];
  for (let next = wanted.shift(); next; next = wanted.shift()) {
    const location = locate(repository, next);
    if (location === undefined || packages[location]) continue;
    // dev and peer say how a package is used in this repository, not in the client
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = repository[location];
    packages[location] = { ...entry, resolved: entry.resolved ?? registryTarball(location, entry) };
    for (const dependency of Object.keys(entry.dependencies ?? {})) wanted.push({ from: location, dependency, optional: false });
    for (const dependency of Object.keys(entry.optionalDependencies ?? {})) wanted.push({ from: location, dependency, optional: true });
  }
  return { name: client.name, version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

interface Wanted {
  /** The lock file location of the package that depends on it ('' for the client). */
  readonly from: string;
  readonly dependency: string;
  readonly optional: boolean;
}

/**
 * Where Node.js would find the dependency: in the package's own node_modules, then in each
 * parent's. An optional dependency may be missing; any other is an error.
 */
function locate(packages: Readonly<Record<string, LockEntry>>, { from, dependency, optional }: Wanted): string | undefined {
  for (let base = from; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
    const location = base ? `${base}/node_modules/${dependency}` : `node_modules/${dependency}`;
    if (packages[location]) return location;
    if (!base) break;
  }
  if (optional) return undefined;
  throw new Error(`${dependency} (needed by ${from || 'the client'}) is not in this repository's package-lock.json: add it as a devDependency`);
}

/**
 * The registry's URL of a package's tarball, which lock files written with
 * omit-lockfile-registry-resolved leave out: `…/@scope/name/-/name-1.0.0.tgz`.
 */
function registryTarball(location: string, entry: LockEntry): string {
  const name = location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `https://registry.npmjs.org/${name}/-/${name.replace(/^@[^/]+\//, '')}-${entry.version}.tgz`;
}
