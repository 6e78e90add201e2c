/** `index.ts` files: everything a user imports, from one place. */
import path from 'node:path';
import { identifier } from '../plan/names.js';
import { assignNames } from '../plan/naming.js';
import type { GroupPlan } from '../plan/index.js';
import type { GeneratedFile } from './printer.js';

/** The runtime's public surface, re-exported by every index. */
function runtimeExports(file: GeneratedFile): string[] {
  const from = relativeSpecifier(file.path, 'runtime/index.ts');
  return [
    `export { ServiceError, SoapAgent, SoapEncodeError, SoapError, SoapFaultError, SoapHttpError, SoapResponseError, SoapTransportError } from '${from}';`,
    `export type { AgentOptions, CallOptions, FetchLike, FetchResponseLike, HttpOptions, SecurityOptions, WireExchange } from '${from}';`,
  ];
}

/**
 * A folder's index: its agents and type modules. A name several modules declare is exported
 * qualified (`Module_Name`) from each, as `export *` would make it ambiguous.
 */
export function folderIndex(group: GroupPlan, file: GeneratedFile, moduleFiles: readonly string[]): string[] {
  const shared = new Set(group.sharedNames);
  const lines = group.agents.map((agent) => `export * from '${relativeSpecifier(file.path, file.inFolder(agent.file))}';`);
  for (const moduleFile of moduleFiles) {
    const specifier = relativeSpecifier(file.path, file.inFolder(moduleFile));
    const names = group.types.filter((type) => type.file === moduleFile).map((type) => type.name);
    if (!names.some((name) => shared.has(name))) {
      lines.push(`export * from '${specifier}';`);
      continue;
    }
    const module = path.posix.basename(moduleFile, '.ts');
    const exported = names.map((name) => (shared.has(name) ? `${name} as ${module}_${name}` : name));
    lines.push(`export type { ${exported.join(', ')} } from '${specifier}';`);
  }
  return lines;
}

export function emitFolderIndex(group: GroupPlan, file: GeneratedFile, moduleFiles: readonly string[]): void {
  file.add([...folderIndex(group, file, moduleFiles), ...runtimeExports(file)].join('\n'));
}

/** The root index of a multi-folder output: each folder as a namespace (`Services86.DiagnosticsAgent`). */
export function emitRootIndex(file: GeneratedFile, folders: readonly string[], rootFolder?: { group: GroupPlan; moduleFiles: readonly string[] }): void {
  const namespaces = assignNames(
    folders.filter((dir) => dir !== '').map((dir) => ({ key: dir, candidates: [identifier(dir.replace(/[\\/]/g, '_'))], rank: 0 })),
  );
  const lines = [...namespaces].map(([dir, name]) => `export * as ${name} from '${relativeSpecifier(file.path, `${dir}/index.ts`)}';`);
  if (rootFolder) lines.unshift(...folderIndex(rootFolder.group, file, rootFolder.moduleFiles));
  file.add([...lines, ...runtimeExports(file)].join('\n'));
}

function relativeSpecifier(from: string, to: string): string {
  let relative = path.posix.relative(path.posix.dirname(from), to).replace(/\.ts$/, '.js');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return relative;
}
