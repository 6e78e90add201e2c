/** Plans → file contents. Nothing here touches the disk but the runtime templates it copies. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GroupPlan } from '../plan/index.js';
import { emitAgentModule } from './agent-module.js';
import { emitDescriptorsModule } from './descriptors-module.js';
import { emitFolderIndex, emitRootIndex } from './index-module.js';
import { GeneratedFile, preamble } from './printer.js';
import { emitTypesModule } from './types-module.js';

export interface FolderPlan {
  /** The output sub-folder, posix, relative to the output root ('' for the root itself). */
  readonly dir: string;
  readonly plan: GroupPlan;
}

const TEMPLATES = fileURLToPath(new URL('../../templates/runtime/', import.meta.url));

/** Output path (posix, relative to the output root) → content, for every file of the output. */
export function emitFolders(folders: readonly FolderPlan[]): Map<string, string> {
  const files = new Map<string, string>();
  const put = (file: GeneratedFile) => files.set(file.path, file.render());
  const sorted = [...folders].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  const dirs = sorted.map((folder) => folder.dir);

  for (const { dir, plan } of sorted) {
    const at = (file: string) => path.posix.join(dir, file);
    const shared = new Set(plan.sharedNames);
    const moduleFiles: string[] = [];
    for (const module of plan.modules) {
      const types = plan.types.filter((type) => type.file === module.file);
      if (types.length === 0) continue;
      const description = module.ns ? `Types of the namespace ${module.ns}` : 'Types without a namespace';
      const file = new GeneratedFile(at(module.file), { folder: dir, sources: plan.sources, description, declares: types.map((t) => t.name), sharedNames: shared });
      emitTypesModule(plan.types, module, file);
      put(file);
      moduleFiles.push(module.file);
    }

    for (const module of plan.descriptorModules) {
      const sources = plan.agents.filter((agent) => module.agents.includes(agent.name)).map((agent) => agent.source);
      const file = new GeneratedFile(at(module.file), {
        folder: dir,
        sources: [...new Set(sources.length > 0 ? sources : plan.sources)],
        description: 'Descriptors: the schema as data for the runtime (internal; one JSON array per line)',
      });
      emitDescriptorsModule(plan, module, file);
      put(file);
    }

    for (const agent of plan.agents) {
      const declares = [agent.name, agent.requestHeadersName, agent.responseHeadersName, agent.callOptionsName, agent.serviceErrorName ?? ''];
      const file = new GeneratedFile(at(agent.file), { folder: dir, sources: [agent.source], declares, sharedNames: shared });
      emitAgentModule(agent, file);
      put(file);
    }

    const index = new GeneratedFile(at('index.ts'), { folder: dir, sources: plan.sources });
    if (dir === '' && sorted.length > 1) emitRootIndex(index, dirs, { group: plan, moduleFiles });
    else emitFolderIndex(plan, index, moduleFiles);
    put(index);
  }

  if (!dirs.includes('')) {
    const index = new GeneratedFile('index.ts', { folder: '', sources: [] });
    emitRootIndex(index, dirs);
    put(index);
  }
  for (const [name, content] of runtimeFiles()) files.set(name, content);
  return files;
}

/** The runtime templates, copied as they are under a preamble. */
function runtimeFiles(): [string, string][] {
  return readdirSync(TEMPLATES)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => [`runtime/${name}`, `${preamble(['the wsdl-agents runtime'])}\n${readFileSync(path.join(TEMPLATES, name), 'utf8')}`]);
}
