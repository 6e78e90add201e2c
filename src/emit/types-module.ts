/** The types of one target namespace: interfaces for records, aliases for the rest. */
import { StructureKind } from 'ts-morph';
import type { SimpleType } from '../model/model.js';
import { propertyKey } from '../model/names.js';
import { docs, GeneratedFile } from './generated-file.js';
import { ANY_PROPERTY, TEXT_PROPERTY, type FieldPlan, type GroupPlan, type ModulePlan, type RecordPlan, type TypePlan } from './plan.js';
import { formatUnion } from './ts-type.js';

export function emitTypesModule(group: GroupPlan, module: ModulePlan, file: GeneratedFile): void {
  for (const plan of group.types.filter((t) => t.module === module)) {
    if (plan.shape !== 'record') emitAlias(group, plan, file);
    else if (group.record(plan).alias) emitChoiceAlias(group, plan, file);
    else emitInterface(group, plan, file);
  }
}

interface Member {
  readonly key: string;
  readonly optional: boolean;
  readonly type: string;
  readonly documentation?: string;
}

/** Elements outside any choice, attributes, text and wildcard content, as properties. */
function plainMembers(record: RecordPlan, file: GeneratedFile): Member[] {
  const members: Member[] = record.fields
    .filter((field) => !field.choice)
    .map((field) => ({ key: propertyKey(field.prop), optional: field.optional, type: file.type(field.type), documentation: field.documentation }));
  for (const attribute of record.attributes) {
    members.push({
      key: propertyKey(attribute.prop),
      optional: attribute.optional,
      type: file.type(attribute.type),
      documentation: attribute.documentation ?? `The attribute ${attribute.name}.`,
    });
  }
  if (record.text) {
    members.push({ key: propertyKey(TEXT_PROPERTY), optional: false, type: file.type(record.text.type), documentation: 'The element’s text.' });
  }
  if (record.any) {
    members.push({ key: propertyKey(ANY_PROPERTY), optional: true, type: 'string[]', documentation: 'Elements the schema leaves open (xs:any), each as XML text.' });
  }
  return members;
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
    properties: plainMembers(record, file).map((member) => ({
      name: member.key,
      type: member.type,
      hasQuestionToken: member.optional,
      docs: docs(member.documentation),
    })),
  });
}

/**
 * A record with xs:choice: an intersection of its plain members and, per choice, a union of its
 * alternatives, each forbidding the others' members (`?: never`) so only one can be given.
 */
function emitChoiceAlias(group: GroupPlan, plan: TypePlan, file: GeneratedFile): void {
  const record = group.record(plan);
  if (record.base) file.importType(record.base);
  const parts: string[] = [];
  if (record.base) parts.push(record.base.name);
  const plain = plainMembers(record, file);
  if (plain.length > 0) parts.push(objectType(plain, ''));
  record.choices.forEach((choice, group) => {
    const members = record.fields.filter((field) => field.choice?.group === group);
    const branches = Array.from({ length: choice.branches }, (_, branch) => members.filter((m) => m.choice!.branch === branch));
    const variants = branches.map((own) =>
      objectType([...own.map((field) => memberOf(field, file)), ...members.filter((m) => !own.includes(m)).map(never)], '  '),
    );
    if (choice.minOccurs === 0) variants.push(objectType(members.map(never), '  '));
    parts.push(`(\n${[...new Set(variants)].map((variant) => `  | ${variant}`).join('\n')}\n)`);
  });
  file.add(`${jsDoc(plan.source.documentation, '')}export type ${plan.name} = ${parts.join(' & ')};`);
}

function memberOf(field: FieldPlan, file: GeneratedFile): Member {
  return { key: propertyKey(field.prop), optional: field.optional, type: file.type(field.type), documentation: field.documentation };
}

function never(field: FieldPlan): Member {
  return { key: propertyKey(field.prop), optional: true, type: 'never' };
}

function objectType(members: Member[], indent: string): string {
  if (members.length === 0) return '{}';
  const lines = members.map((m) => `${jsDoc(m.documentation, `${indent}  `)}${indent}  ${m.key}${m.optional ? '?' : ''}: ${m.type};`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function jsDoc(text: string | undefined, indent: string): string {
  const description = docs(text)[0]?.description;
  if (!description) return '';
  const lines = description.split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} *${line ? ` ${line}` : ''}`).join('\n')}\n${indent} */\n`;
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
