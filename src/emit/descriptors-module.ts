/**
 * The group's descriptors: schema facts as data for the runtime (one const per complex type and
 * per agent, named with a `$` suffix that no XML name can produce).
 */
import type { GeneratedFile } from './generated-file.js';
import type { AgentPlan, AttributePlan, FieldPlan, GroupPlan, MessagePlan, OperationPlan, TypePlan } from './plan.js';
import { literal } from './ts-type.js';
import { array, constStatement, object, type Code } from './code.js';
import { propertyKey } from '../model/names.js';

const RUNTIME = 'runtime/index.ts';

export function descriptorName(name: string): string {
  return `${name}$`;
}

export function emitDescriptorsModule(group: GroupPlan, file: GeneratedFile): void {
  const nsKeys = new Map(group.modules.map((module) => [module.ns, module.name]));
  const used = new Set<string>();
  const nsExpression = (ns: string) => {
    const key = nsKeys.get(ns);
    if (key === undefined) return literal(ns);
    used.add(ns);
    return `ns.${key}`;
  };
  const field = (plan: FieldPlan) => fieldCode(plan, nsExpression);

  const statements: string[] = [];
  for (const plan of group.types) {
    if (plan.shape === 'simple') continue;
    const [runtimeType, initializer] = typeDescriptor(group, plan, field, nsExpression);
    file.import(RUNTIME, runtimeType, true);
    statements.push(exportedConst(descriptorName(plan.name), runtimeType, initializer));
  }
  for (const agent of group.agents) {
    file.import(RUNTIME, 'AgentDesc', true);
    statements.push(exportedConst(descriptorName(agent.name), 'AgentDesc', agentDescriptor(agent, field, nsExpression)));
  }

  // only the namespaces the descriptors mention, so the constant is never unused
  const namespaces = group.modules.filter((module) => used.has(module.ns));
  if (namespaces.length > 0) {
    file.add(
      '/** Target namespaces, by module name. */',
      constStatement('ns', undefined, object(namespaces.map((module) => [module.name, literal(module.ns)])), { suffix: ' as const' }),
    );
  }
  file.add(...statements);
}

function exportedConst(name: string, type: string, initializer: Code): string {
  return constStatement(name, type, initializer, { exported: true });
}

function typeDescriptor(
  group: GroupPlan,
  plan: TypePlan,
  field: (plan: FieldPlan) => string,
  nsExpression: (ns: string) => string,
): [string, Code] {
  switch (plan.shape) {
    case 'array':
      return ['ArrayType', object([['kind', `'array'`], ['item', field(group.arrayItem(plan))]])];
    case 'dictionary': {
      const { entry, key, value } = group.dictionary(plan);
      return [
        'DictionaryType',
        object([
          ['kind', `'dictionary'`],
          ['entry', `{ name: ${literal(entry.name)}, ns: ${nsExpression(entry.ns)} }`],
          ['key', field(key)],
          ['value', field(value)],
        ]),
      ];
    }
    default: {
      const record = group.record(plan);
      return [
        'RecordType',
        object([
          ['kind', `'record'`],
          record.base ? ['base', `() => ${descriptorName(record.base.name)}`] : undefined,
          // a choice's members are each absent when another alternative is given
          ['fields', array(record.fields.map((f) => field(f.choice ? { ...f, optional: true } : f)))],
          record.attributes.length > 0 ? ['attributes', array(record.attributes.map((a) => attributeCode(a, nsExpression)))] : undefined,
          record.text ? ['text', record.text.descriptor] : undefined,
          record.any ? ['any', 'true'] : undefined,
        ]),
      ];
    }
  }
}

function agentDescriptor(agent: AgentPlan, field: (plan: FieldPlan) => string, nsExpression: (ns: string) => string): Code {
  const headerMap = (fields: FieldPlan[]) => object(fields.map((f) => [propertyKey(f.name), field(f)]));
  const status = agent.statusHeaders;
  return object([
    ['name', literal(agent.portType.name.local)],
    ['soapVersion', literal(agent.soapVersion)],
    agent.endpoint ? ['endpoint', literal(agent.endpoint)] : undefined,
    ['requestHeaders', headerMap(agent.requestHeaders)],
    ['responseHeaders', headerMap(agent.responseHeaders)],
    status
      ? [
          'statusHeaders',
          `{ ${[status.error && `error: ${literal(status.error)}`, status.success && `success: ${literal(status.success)}`]
            .filter(Boolean)
            .join(', ')} }`,
        ]
      : undefined,
    ['operations', object(agent.operations.map((operation) => [propertyKey(operation.name), operationDescriptor(operation, field, nsExpression)]))],
  ]);
}

function operationDescriptor(operation: OperationPlan, field: (plan: FieldPlan) => string, nsExpression: (ns: string) => string): Code {
  const message = (plan: MessagePlan, result?: string) =>
    object([
      plan.wrapper
        ? ['wrapper', `{ name: ${literal(plan.wrapper.name)}, ns: ${nsExpression(plan.wrapper.ns)}${plan.wrapper.anyName ? ', anyName: true' : ''} }`]
        : undefined,
      plan.encoding ? ['encoding', literal(plan.encoding)] : undefined,
      ['fields', array(plan.fields.map(field))],
      ['headers', `[${plan.headers.map(literal).join(', ')}]`],
      result ? ['result', literal(result)] : undefined,
    ]);
  return object([
    ['name', literal(operation.name)],
    operation.action ? ['action', literal(operation.action)] : undefined,
    ['input', message(operation.input)],
    operation.output ? ['output', message(operation.output, operation.output.result)] : undefined,
  ]);
}

function attributeCode(attribute: AttributePlan, nsExpression: (ns: string) => string): string {
  const parts = [`name: ${literal(attribute.name)}`, `ns: ${nsExpression(attribute.ns)}`, `type: ${attribute.descriptor}`];
  if (attribute.optional) parts.push('optional: true');
  if (attribute.prop !== attribute.name) parts.push(`prop: ${literal(attribute.prop)}`);
  return `{ ${parts.join(', ')} }`;
}

/** A field descriptor on one line: defaults (required, single, not nillable) left out. */
function fieldCode(field: FieldPlan, nsExpression: (ns: string) => string): string {
  const parts = [`name: ${literal(field.name)}`, `ns: ${nsExpression(field.ns)}`, `type: ${field.descriptor}`];
  if (field.optional) parts.push('optional: true');
  if (field.repeated) parts.push('repeated: true');
  if (field.nillable) parts.push('nillable: true');
  if (field.prop !== field.name) parts.push(`prop: ${literal(field.prop)}`);
  if (field.xsiType) parts.push(`xsiType: [${nsExpression(field.xsiType.ns)}, ${literal(field.xsiType.local)}]`);
  return `{ ${parts.join(', ')} }`;
}
