/** The types of one target namespace: interfaces for records, aliases for the rest. */
import { ANY_PROPERTY, TEXT_PROPERTY, type FieldPlan, type ModulePlan, type RecordTypePlan, type TypePlan } from '../plan/index.js';
import { literal, writeJsDoc, writeMembers, type GeneratedFile, type PropertySignature } from './printer.js';

export function emitTypesModule(types: readonly TypePlan[], module: ModulePlan, file: GeneratedFile): void {
  for (const plan of types.filter((t) => t.file === module.file)) {
    if (plan.shape !== 'record') emitAlias(plan, file);
    else if (plan.alias) emitChoiceAlias(plan, file);
    else emitInterface(plan, file);
  }
}

/** Elements outside any choice, attributes, text and wildcard content, as properties. */
function plainMembers(record: RecordTypePlan, file: GeneratedFile): PropertySignature[] {
  const members: PropertySignature[] = record.fields.filter((field) => !field.choice).map((field) => memberOf(field, file));
  for (const attribute of record.attributes) {
    members.push({
      name: attribute.prop,
      optional: attribute.optional,
      type: file.type(attribute.type),
      documentation: attribute.documentation ?? `The attribute ${attribute.name}.`,
    });
  }
  if (record.text) members.push({ name: TEXT_PROPERTY, optional: false, type: file.type(record.text.type), documentation: 'The element’s text.' });
  if (record.any) members.push({ name: ANY_PROPERTY, optional: true, type: 'string[]', documentation: 'Elements the schema leaves open (xs:any), each as XML text.' });
  return members;
}

function emitInterface(plan: RecordTypePlan, file: GeneratedFile): void {
  const writer = file.writer();
  writeJsDoc(writer, plan.documentation);
  const base = plan.base ? ` extends ${file.type(plan.base.type)}` : '';
  writer.write(`export interface ${plan.name}${base} `);
  writeMembers(writer, plainMembers(plan, file));
  file.add(writer);
}

/**
 * A record with xs:choice: an intersection of its plain members and, per choice, a union of its
 * alternatives, each forbidding the others' members (`?: never`) so only one can be given.
 */
function emitChoiceAlias(plan: RecordTypePlan, file: GeneratedFile): void {
  const parts: string[] = [];
  if (plan.base) parts.push(file.type(plan.base.type));
  const plain = plainMembers(plan, file);
  if (plain.length > 0) parts.push(objectType(file, plain, 0));
  plan.choices.forEach((choice, group) => {
    const members = plan.fields.filter((field) => field.choice?.group === group);
    const branches = Array.from({ length: choice.branches }, (_, branch) => members.filter((m) => m.choice!.branch === branch));
    const variants = branches.map((own) => objectType(file, [...own.map((field) => memberOf(field, file)), ...members.filter((m) => !own.includes(m)).map(never)], 1));
    if (choice.minOccurs === 0) variants.push(objectType(file, members.map(never), 1));
    parts.push(`(\n${[...new Set(variants)].map((variant) => `  | ${variant}`).join('\n')}\n)`);
  });
  const writer = file.writer();
  writeJsDoc(writer, plan.documentation);
  writer.write(`export type ${plan.name} = ${parts.join(' & ')};`);
  file.add(writer);
}

function memberOf(field: FieldPlan, file: GeneratedFile): PropertySignature {
  return { name: field.prop, optional: field.optional, type: file.type(field.type), documentation: field.documentation };
}

function never(field: FieldPlan): PropertySignature {
  return { name: field.prop, optional: true, type: 'never' };
}

/** An object type at an indentation level (in steps of two spaces), members one per line. */
function objectType(file: GeneratedFile, members: PropertySignature[], level: number): string {
  if (members.length === 0) return '{}';
  const writer = file.writer();
  writeMembers(writer, members);
  const indent = '  '.repeat(level);
  return writer
    .toString()
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : indent + line))
    .join('\n');
}

function emitAlias(plan: Exclude<TypePlan, RecordTypePlan>, file: GeneratedFile): void {
  let text = file.type(plan.type);
  if (plan.shape === 'simple' && plan.enumeration) {
    // long enumerations one member per line; lists of them stay on one line, as `(...)[]`
    const members = plan.enumeration.members.map((member) => (typeof member === 'number' ? String(member) : literal(member)));
    const single = members.join(' | ');
    text = plan.enumeration.list ? `(${single})[]` : single.length <= 80 ? single : members.map((member) => `\n  | ${member}`).join('');
  }
  const writer = file.writer();
  writeJsDoc(writer, plan.documentation, aliasNote(plan));
  writer.write(`export type ${plan.name} =${text.startsWith('\n') ? '' : ' '}${text};`);
  file.add(writer);
}

function aliasNote(plan: Exclude<TypePlan, RecordTypePlan>): string | undefined {
  switch (plan.shape) {
    case 'array':
      return `The collection ${plan.xmlName ?? plan.name}: on the wire, one <${plan.item.name}> element per item.`;
    case 'dictionary':
      return `A dictionary: on the wire, one <${plan.entry.name}> element per entry, holding <${plan.key.name}> and <${plan.value.name}>.`;
    case 'simple': {
      const lines = plan.facets.map((facet) => `${facet.name}: \`${facet.value}\``);
      if (plan.list) lines.unshift('Space-separated on the wire.');
      return lines.length > 0 ? lines.join('\n') : undefined;
    }
  }
}
