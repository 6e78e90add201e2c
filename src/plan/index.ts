/**
 * Planning: the resolved model of one output folder → its plan (plain data). A pure function:
 * the same model always gives the same plan, whatever order anything was read in.
 */
import type { ServiceModel } from '../model/model.js';
import { AgentPlanner, agentNames } from './plan-agents.js';
import type { GroupPlan } from './plan.js';
import { TypePlanner } from './plan-types.js';

export * from './plan.js';

export function planGroup(model: ServiceModel): GroupPlan {
  const exported = model.interfaces.flatMap((def) => Object.values(agentNames(def.name.local)));
  const types = new TypePlanner(model, exported);
  const agents = new AgentPlanner(model, types).planAgents();
  types.planNamedTypes();
  return {
    sources: model.sources.map((source) => source.name),
    modules: types.modules,
    types: types.planned(),
    agents,
    sharedNames: [...types.sharedNames].sort(),
    warnings: [...model.warnings, ...types.warnings],
  };
}
