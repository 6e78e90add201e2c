/**
 * `npm pack`, as a maintainer runs it before publishing, but on a copy of the sources: packing
 * runs `prepack`, which rebuilds dist/ from nothing, and the CLI tests run the repository's dist/
 * at the same time. The copy holds what the build reads and what package.json ships, nothing else,
 * so the tarball also proves that the package builds from its sources alone.
 */
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { run } from './processes.js';

/** What the build reads, besides the files package.json ships. */
const BUILD_INPUTS = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'src', 'templates', 'README.md', 'LICENSE', 'wsdl-agents.schema.json'];

export interface PackedTarball {
  /** Absolute path of the .tgz. */
  readonly file: string;
  /** `sha512-…`, as a lock file records it. */
  readonly integrity: string;
  /** Bytes, packed. */
  readonly size: number;
  /** Every path in the tarball, sorted. */
  readonly files: readonly string[];
}

interface NpmPackReport {
  readonly filename: string;
  readonly integrity: string;
  readonly size: number;
  readonly files: readonly { readonly path: string }[];
}

export async function packFromSources(root: string, workspace: string): Promise<PackedTarball> {
  const sources = path.join(workspace, 'sources');
  mkdirSync(sources);
  for (const name of BUILD_INPUTS) cpSync(path.join(root, name), path.join(sources, name), { recursive: true });
  // the build's own tools (tsc), not installed again
  symlinkSync(path.join(root, 'node_modules'), path.join(sources, 'node_modules'), 'junction');

  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', workspace], { cwd: sources });
  const [report] = JSON.parse(stdout) as NpmPackReport[];
  return {
    file: path.join(workspace, report.filename),
    integrity: report.integrity,
    size: report.size,
    files: report.files.map((file) => file.path).sort(),
  };
}
