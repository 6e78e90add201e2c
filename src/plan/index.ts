/**
 * Planning: the resolved model of one output folder → its plan (plain data). A pure function:
 * the same model always gives the same plan, whatever order anything was read in.
 */
import path from 'node:path';
import type { ServiceModel } from '../model/model.js';
import { identifier } from './names.js';
import { assignNames } from './naming.js';
import type { CodeOptions } from './options.js';
import { AgentPlanner, agentNames } from './plan-agents.js';
import type { AgentPlan, DescriptorModulePlan, FieldPlan, GroupPlan, TypePlan } from './plan.js';
import { TypePlanner } from './plan-types.js';

export * from './plan.js';
export type { CodeOptions } from './options.js';

export function planGroup(model: ServiceModel, options: CodeOptions = {}): GroupPlan {
  const exported = model.interfaces.flatMap((def) => Object.values(agentNames(def.name.local, options)));
  const types = new TypePlanner(model, exported, options);
  const planned = new AgentPlanner(model, types, options).planAgents();
  types.planNamedTypes();
  const typePlans = types.planned();
  const descriptorModules = planDescriptorModules(planned, typePlans, options.descriptors ?? 'wsdl');
  const agents = planned.map((agent) => ({ ...agent, descriptorsFile: descriptorModules.find((module) => module.agents.includes(agent.name))!.file }));
  return {
    sources: model.sources.map((source) => source.name),
    modules: types.modules,
    types: typePlans,
    agents,
    descriptorModules,
    sharedNames: [...types.sharedNames].sort(),
    warnings: [...model.warnings, ...types.warnings],
  };
}

/**
 * Descriptor data for the whole folder in one module, or one module per WSDL holding what its
 * agents reach: a bundle that uses one agent then carries only that agent's descriptors.
 */
function planDescriptorModules(agents: readonly AgentPlan[], types: readonly TypePlan[], split: 'folder' | 'wsdl'): DescriptorModulePlan[] {
  // only agents read descriptors: a folder of types alone has none
  if (agents.length === 0) return [];
  const complex = types.filter((type) => type.shape !== 'simple');
  if (split === 'folder') {
    return [{ file: 'descriptors.ts', agents: agents.map((agent) => agent.name), types: complex.map((type) => type.descriptor).sort() }];
  }
  const byKey = new Map(complex.map((type) => [type.descriptor, type]));
  const sources = [...new Set(agents.map((agent) => agent.source))];
  const fileNames = assignNames(sources.map((source) => ({ key: source, candidates: [identifier(path.posix.basename(source).replace(/\.[^.]*$/, ''))], rank: 0 })));
  return sources.map((source) => {
    const own = agents.filter((agent) => agent.source === source);
    const reached = new Set<string>();
    const visit = (key: string) => {
      const type = byKey.get(key);
      if (!type || reached.has(key)) return;
      reached.add(key);
      if (type.shape === 'record') {
        if (type.base) visit(type.base.descriptor);
        type.fields.forEach(visitField);
      } else if (type.shape === 'array') visitField(type.item);
      else if (type.shape === 'dictionary') [type.key, type.value].forEach(visitField);
    };
    const visitField = (field: FieldPlan) => {
      if (field.descriptor.kind === 'type') visit(field.descriptor.descriptor);
    };
    for (const agent of own) {
      [...agent.requestHeaders, ...agent.responseHeaders].forEach(visitField);
      for (const operation of agent.operations) [...operation.input.fields, ...(operation.output?.fields ?? [])].forEach(visitField);
    }
    return { file: `descriptors/${fileNames.get(source)!}.ts`, agents: own.map((agent) => agent.name), types: [...reached].sort() };
  });
}
