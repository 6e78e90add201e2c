/**
 * The folder's descriptors: schema facts as data for the runtime, one const per complex type and
 * per agent, named with a `$` suffix that no XML name can produce.
 */
import { propertyKey } from '../plan/names.js';
import type { AgentPlan, AttributePlan, DescriptorRef, FieldPlan, GroupPlan, MessagePlan, OperationPlan, TypePlan } from '../plan/index.js';
import { literal, type GeneratedFile } from './printer.js';

const RUNTIME = 'runtime/index.ts';

/** Object and array literals as data, printed one entry per line. */
type Code = string | { readonly array: readonly Code[] } | { readonly object: readonly (readonly [string, Code])[] };

function array(items: readonly Code[]): Code {
  return { array: items };
}

function object(entries: readonly (readonly [string, Code] | undefined)[]): Code {
  return { object: entries.filter((entry): entry is readonly [string, Code] => entry !== undefined) };
}

export function emitDescriptorsModule(group: GroupPlan, file: GeneratedFile): void {
  const nsKeys = new Map(group.modules.map((module) => [module.ns, module.name]));
  const used = new Set<string>();
  const ns = (uri: string) => {
    const key = nsKeys.get(uri);
    if (key === undefined) return literal(uri);
    used.add(uri);
    return `ns.${key}`;
  };
  const field = (plan: FieldPlan) => fieldCode(plan, ns);

  const statements: string[] = [];
  for (const plan of group.types) {
    if (plan.shape === 'simple') continue;
    const [runtimeType, initializer] = typeDescriptor(plan, field, ns);
    file.import(RUNTIME, runtimeType, true);
    statements.push(constStatement(file, plan.descriptor, runtimeType, initializer, true));
  }
  for (const agent of group.agents) {
    file.import(RUNTIME, 'AgentDesc', true);
    statements.push(constStatement(file, agent.descriptor, 'AgentDesc', agentDescriptor(agent, field, ns), true));
  }

  // only the namespaces the descriptors mention, so the constant is never unused
  const namespaces = group.modules.filter((module) => used.has(module.ns));
  if (namespaces.length > 0) {
    file.add(
      `/** Target namespaces, by module name. */\n${constStatement(file, 'ns', undefined, object(namespaces.map((module) => [module.name, literal(module.ns)])), false, ' as const')}`,
    );
  }
  for (const statement of statements) file.add(statement);
}

function constStatement(file: GeneratedFile, name: string, type: string | undefined, code: Code, exported: boolean, suffix = ''): string {
  const writer = file.writer();
  writer.write(`${exported ? 'export ' : ''}const ${name}${type ? `: ${type}` : ''} = `);
  write(writer, code);
  writer.write(`${suffix};`);
  return writer.toString();
}

function write(writer: ReturnType<GeneratedFile['writer']>, code: Code): void {
  if (typeof code === 'string') {
    writer.write(code);
    return;
  }
  const [open, close, items] =
    'array' in code ? (['[', ']', code.array.map((item) => ({ item }))] as const) : (['{', '}', code.object.map(([key, item]) => ({ key, item }))] as const);
  if (items.length === 0) {
    writer.write(`${open}${close}`);
    return;
  }
  writer.write(open).newLine();
  writer.indent(() => {
    for (const { key, item } of items as { key?: string; item: Code }[]) {
      if (key !== undefined) writer.write(`${key}: `);
      write(writer, item);
      writer.write(',').newLine();
    }
  });
  writer.write(close);
}

function typeDescriptor(plan: Exclude<TypePlan, { shape: 'simple' }>, field: (plan: FieldPlan) => string, ns: (uri: string) => string): [string, Code] {
  switch (plan.shape) {
    case 'array':
      return ['ArrayType', object([['kind', `'array'`], ['item', field(plan.item)]])];
    case 'dictionary':
      return [
        'DictionaryType',
        object([
          ['kind', `'dictionary'`],
          ['entry', `{ name: ${literal(plan.entry.name)}, ns: ${ns(plan.entry.ns)} }`],
          ['key', field(plan.key)],
          ['value', field(plan.value)],
        ]),
      ];
    case 'record':
      return [
        'RecordType',
        object([
          ['kind', `'record'`],
          plan.base ? ['base', `() => ${plan.base.descriptor}`] : undefined,
          // a choice's members are each absent when another alternative is given
          ['fields', array(plan.fields.map((f) => field(f.choice ? { ...f, optional: true } : f)))],
          plan.attributes.length > 0 ? ['attributes', array(plan.attributes.map((a) => attributeCode(a, ns)))] : undefined,
          plan.text ? ['text', descriptorCode(plan.text.descriptor)] : undefined,
          plan.any ? ['any', 'true'] : undefined,
        ]),
      ];
  }
}

function agentDescriptor(agent: AgentPlan, field: (plan: FieldPlan) => string, ns: (uri: string) => string): Code {
  const headerMap = (fields: readonly FieldPlan[]) => object(fields.map((f) => [propertyKey(f.name), field(f)]));
  const status = agent.statusHeaders;
  return object([
    ['name', literal(agent.service)],
    ['soapVersion', literal(agent.soapVersion)],
    agent.endpoint ? ['endpoint', literal(agent.endpoint)] : undefined,
    ['requestHeaders', headerMap(agent.requestHeaders)],
    ['responseHeaders', headerMap(agent.responseHeaders)],
    status
      ? ['statusHeaders', `{ ${[status.error && `error: ${literal(status.error)}`, status.success && `success: ${literal(status.success)}`].filter(Boolean).join(', ')} }`]
      : undefined,
    ['operations', object(agent.operations.map((operation) => [propertyKey(operation.name), operationDescriptor(operation, field, ns)]))],
  ]);
}

function operationDescriptor(operation: OperationPlan, field: (plan: FieldPlan) => string, ns: (uri: string) => string): Code {
  const message = (plan: MessagePlan, result?: string) =>
    object([
      plan.wrapper ? ['wrapper', `{ name: ${literal(plan.wrapper.name)}, ns: ${ns(plan.wrapper.ns)}${plan.wrapper.anyName ? ', anyName: true' : ''} }`] : undefined,
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

function descriptorCode(descriptor: DescriptorRef): string {
  switch (descriptor.kind) {
    case 'scalar':
      return `'${descriptor.scalar}'`;
    case 'list':
      return `{ kind: 'list', item: '${descriptor.item}' }`;
    case 'type':
      return `() => ${descriptor.descriptor}`;
  }
}

function attributeCode(attribute: AttributePlan, ns: (uri: string) => string): string {
  const parts = [`name: ${literal(attribute.name)}`, `ns: ${ns(attribute.ns)}`, `type: ${descriptorCode(attribute.descriptor)}`];
  if (attribute.optional) parts.push('optional: true');
  if (attribute.prop !== attribute.name) parts.push(`prop: ${literal(attribute.prop)}`);
  return `{ ${parts.join(', ')} }`;
}

/** A field descriptor on one line: defaults (required, single, not nillable) left out. */
function fieldCode(field: FieldPlan, ns: (uri: string) => string): string {
  const parts = [`name: ${literal(field.name)}`, `ns: ${ns(field.ns)}`, `type: ${descriptorCode(field.descriptor)}`];
  if (field.optional) parts.push('optional: true');
  if (field.repeated) parts.push('repeated: true');
  if (field.nillable) parts.push('nillable: true');
  if (field.prop !== field.name) parts.push(`prop: ${literal(field.prop)}`);
  if (field.xsiType) parts.push(`xsiType: [${ns(field.xsiType.ns)}, ${literal(field.xsiType.local)}]`);
  return `{ ${parts.join(', ')} }`;
}
