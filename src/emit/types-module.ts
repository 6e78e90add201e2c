/** The types of one target namespace: interfaces for records, aliases for the rest. */
import { StructureKind } from 'ts-morph';
import type { SimpleType } from '../model/model.js';
import { docs, GeneratedFile } from './generated-file.js';
import type { GroupPlan, ModulePlan, TypePlan } from './plan.js';
import { formatUnion } from './ts-type.js';
import { propertyKey } from '../model/names.js';

export function emitTypesModule(group: GroupPlan, module: ModulePlan, file: GeneratedFile): void {
  for (const plan of group.types.filter((t) => t.module === module)) {
    if (plan.shape === 'record') emitInterface(group, plan, file);
    else emitAlias(group, plan, file);
  }
}

function emitInterface(group: GroupPlan, plan: TypePlan, file: GeneratedFile): void {
  const record = group.record(plan);
  if (record.base) file.importType(record.base);
  file.add({
    kind: StructureKind.Interface,
    name: plan.name,
    isExported: true,
    docs: docs(plan.source.documentation),
    extends: record.base ? [record.base.name] : [],
    properties: record.fields.map((field) => ({
      name: propertyKey(field.prop),
      type: file.type(field.type),
      hasQuestionToken: field.optional,
      docs: docs(field.documentation),
    })),
  });
}

function emitAlias(group: GroupPlan, plan: TypePlan, file: GeneratedFile): void {
  let text = file.type(group.alias(plan));
  const enumeration = group.enumeration(plan);
  if (enumeration) {
    // long enumerations one member per line; lists of them stay on one line, as `(...)[]`
    text = enumeration.list ? `(${enumeration.members.join(' | ')})[]` : formatUnion(enumeration.members, '');
  }
  file.add({
    kind: StructureKind.TypeAlias,
    name: plan.name,
    isExported: true,
    type: text,
    docs: docs(plan.source.documentation, aliasNote(group, plan)),
  });
}

function aliasNote(group: GroupPlan, plan: TypePlan): string | undefined {
  const source = plan.source;
  switch (plan.shape) {
    case 'array': {
      const item = group.arrayItem(plan);
      return `The collection ${source.name?.local ?? plan.name}: on the wire, one <${item.name}> element per item.`;
    }
    case 'dictionary': {
      const { entry, key, value } = group.dictionary(plan);
      return `A dictionary: on the wire, one <${entry.name}> element per entry, holding <${key.name}> and <${value.name}>.`;
    }
    case 'simple':
      return facetNote(source as SimpleType);
    default:
      return undefined;
  }
}

function facetNote(type: SimpleType): string | undefined {
  const lines = type.facets.map((facet) => `${facet.name}: \`${facet.value}\``);
  if (type.variety === 'list') lines.unshift('Space-separated on the wire.');
  return lines.length > 0 ? lines.join('\n') : undefined;
}
