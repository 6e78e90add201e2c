/** `index.ts` files: everything a user imports, from one place. */
import path from 'node:path';
import { identifier, UniqueNames } from '../model/names.js';
import { GeneratedFile } from './generated-file.js';
import type { GroupPlan } from './plan.js';

/** The runtime's public surface, re-exported by every index. */
function runtimeExports(file: GeneratedFile): void {
  const from = relativeSpecifier(file.path, 'runtime/index.ts');
  file.add(
    `export { ServiceError, SoapAgent, SoapEncodeError, SoapError, SoapFaultError, SoapHttpError, SoapResponseError, SoapTransportError } from '${from}';`,
    `export type { AgentOptions, CallOptions, FetchLike, FetchResponseLike, HttpOptions, SecurityOptions, WireExchange } from '${from}';`,
  );
}

export function emitGroupIndex(group: GroupPlan, file: GeneratedFile, moduleFiles: string[]): void {
  for (const agent of group.agents) file.add(`export * from '${relativeSpecifier(file.path, file.inGroup(agent.file))}';`);
  for (const moduleFile of moduleFiles) file.add(`export * from '${relativeSpecifier(file.path, file.inGroup(moduleFile))}';`);
  runtimeExports(file);
}

/** The root index of a multi-folder output: each folder as a namespace (`Services86.DiagnosticsAgent`). */
export function emitRootIndex(file: GeneratedFile, groupDirs: string[], includesRootGroup: boolean): void {
  const names = new UniqueNames();
  for (const dir of groupDirs) {
    if (dir === '') continue;
    const name = names.claim(identifier(dir.replace(/[\\/]/g, '_')));
    file.add(`export * as ${name} from '${relativeSpecifier(file.path, `${dir}/index.ts`)}';`);
  }
  if (!includesRootGroup) runtimeExports(file);
}

function relativeSpecifier(from: string, to: string): string {
  let relative = path.posix.relative(path.posix.dirname(from), to).replace(/\.ts$/, '.js');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return relative;
}
