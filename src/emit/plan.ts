/**
 * Plans one output folder ("group"): which TypeScript types exist under which names in which
 * modules, and what every agent method sends and returns. Emitters only print a plan.
 */
import type { SourceLocation, WsdlDocument } from '../model/model.js';
import { SchemaSet } from '../model/schema-set.js';
import { AgentPlanner } from './plan-agents.js';
import type { GroupPlan } from './plan-data.js';
import { TypePlanner } from './plan-types.js';

export * from './plan-data.js';

/** Plans a group from its WSDL documents (sorted by the caller for deterministic output). */
export function planGroup(documents: readonly WsdlDocument[], sourceName: (file: string) => string): GroupPlan {
  const schemas = new SchemaSet(dedupeSchemas(documents.flatMap((d) => d.schemas)));
  schemas.checkReferences();
  const types = new TypePlanner(schemas);
  for (const document of documents) for (const warning of document.warnings) types.warn(warning.message, warning.loc);
  // agents first: their names (and their companions') are claimed before any type's
  const agents = new AgentPlanner(types, schemas).planAgents(documents, sourceName);
  types.planAllNamedTypes();
  return types.result(agents, documents.map((d) => sourceName(d.file)));
}

/** The same imported XSD file read by several WSDLs is one schema. */
function dedupeSchemas<T extends { file: string; loc: SourceLocation; targetNamespace: string }>(schemas: T[]): T[] {
  const seen = new Set<string>();
  return schemas.filter((schema) => {
    const key = `${schema.file}:${schema.loc.line}:${schema.loc.column}:${schema.targetNamespace}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

