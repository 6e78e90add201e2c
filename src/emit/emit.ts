/** Plans → file contents. Nothing here touches the disk. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Warning } from '../errors.js';
import type { WsdlDocument } from '../model/model.js';
import { emitAgentModule } from './agent-module.js';
import { emitDescriptorsModule } from './descriptors-module.js';
import { createProject, GeneratedFile, preamble } from './generated-file.js';
import { emitGroupIndex, emitRootIndex } from './index-module.js';
import { planGroup } from './plan.js';
import { emitTypesModule } from './types-module.js';

export interface GroupInput {
  /** The output sub-folder, posix, relative to the output root ('' for the root itself). */
  readonly dir: string;
  readonly documents: readonly WsdlDocument[];
}

export interface EmitResult {
  /** Output path (posix, relative to the output root) → content. */
  readonly files: Map<string, string>;
  readonly warnings: Warning[];
  /** What each WSDL produced, for progress output. */
  readonly summary: { source: string; agents: number; operations: number; types: number }[];
  readonly typeCount: number;
}

const TEMPLATES = fileURLToPath(new URL('../../templates/runtime/', import.meta.url));

export function emitGroups(groups: readonly GroupInput[], sourceName: (file: string) => string): EmitResult {
  const project = createProject();
  const files = new Map<string, string>();
  const warnings: Warning[] = [];
  const summary: EmitResult['summary'] = [];
  let typeCount = 0;
  const put = (file: GeneratedFile) => files.set(file.path, file.render(project));

  const sortedGroups = [...groups].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  for (const group of sortedGroups) {
    const plan = planGroup(group.documents, sourceName);
    warnings.push(...plan.warnings);
    typeCount += plan.types.length;
    const at = (file: string) => path.posix.join(group.dir, file);

    const moduleFiles: string[] = [];
    for (const module of plan.modules) {
      if (!plan.types.some((type) => type.module === module)) continue;
      const description = module.ns ? `Types of the namespace ${module.ns}` : 'Types without a namespace';
      const file = new GeneratedFile(at(module.file), group.dir, plan.sources, description);
      emitTypesModule(plan, module, file);
      put(file);
      moduleFiles.push(module.file);
    }

    const descriptors = new GeneratedFile(at('descriptors.ts'), group.dir, plan.sources);
    emitDescriptorsModule(plan, descriptors);
    put(descriptors);

    for (const agent of plan.agents) {
      const file = new GeneratedFile(at(agent.file), group.dir, [agent.wsdlFile]);
      emitAgentModule(agent, file);
      put(file);
    }

    const index = new GeneratedFile(at('index.ts'), group.dir, plan.sources);
    emitGroupIndex(plan, index, moduleFiles);
    if (group.dir === '' && sortedGroups.length > 1) {
      emitRootIndex(index, sortedGroups.map((g) => g.dir), true);
    }
    put(index);

    for (const document of group.documents) {
      const agents = plan.agents.filter((agent) => agent.wsdlFile === sourceName(document.file));
      summary.push({
        source: sourceName(document.file),
        agents: agents.length,
        operations: agents.reduce((sum, agent) => sum + agent.operations.length, 0),
        types: document.schemas.reduce((sum, schema) => sum + schema.types.length, 0),
      });
    }
  }

  if (!sortedGroups.some((group) => group.dir === '')) {
    const index = new GeneratedFile('index.ts', '', []);
    emitRootIndex(index, sortedGroups.map((g) => g.dir), false);
    put(index);
  }

  for (const [name, content] of runtimeFiles()) files.set(name, content);
  return { files, warnings, summary, typeCount };
}

/** The runtime templates, copied as they are under a preamble. */
function runtimeFiles(): [string, string][] {
  return readdirSync(TEMPLATES)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => [`runtime/${name}`, `${preamble(['the wsdl-agents runtime'])}\n${readFileSync(path.join(TEMPLATES, name), 'utf8')}`]);
}
