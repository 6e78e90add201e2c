/**
 * Descriptor data: the schema facts the runtime needs, as one JSON array per line in a string
 * (the format is in templates/runtime/descriptor-table.ts). A string costs the type checker
 * nothing, each type is written once, and a regeneration diffs line by line. Namespaces are
 * named by their module name, so a version move changes one line, not every member's.
 */
import { moduleNames } from '../plan/naming.js';
import type { AgentPlan, AttributePlan, DescriptorModulePlan, DescriptorRef, FieldPlan, GroupPlan, MessagePlan, TypePlan } from '../plan/index.js';
import { literal, type GeneratedFile } from './printer.js';

const RUNTIME = 'runtime/index.ts';

export function emitDescriptorsModule(group: GroupPlan, module: DescriptorModulePlan, file: GeneratedFile): void {
  const agents = group.agents.filter((agent) => module.agents.includes(agent.name));
  const keys = new Set(module.types);
  const types = group.types.filter((type) => keys.has(type.descriptor)).sort((a, b) => compare(a.descriptor, b.descriptor));
  const lines = new DescriptorLines(group);
  for (const type of types) lines.type(type);
  for (const agent of agents) lines.agent(agent);

  const table = file.import(RUNTIME, 'descriptorTable', false);
  file.add(`const table = ${table}(String.raw\`\n${[...lines.namespaceLines(), ...lines.lines].map(templateSafe).join('\n')}\n\`);`);
  const agentDesc = file.import(RUNTIME, 'AgentDesc', true);
  for (const agent of agents) file.add(`export const ${agent.descriptor}: ${agentDesc} = table.agent(${literal(agent.service)});`);
}

class DescriptorLines {
  readonly lines: string[] = [];
  private readonly keys: Map<string, string>;
  private readonly used = new Set<string>();

  constructor(group: GroupPlan) {
    // the module's name where the namespace has one; the others named the same way
    const namespaces = new Set<string>(group.modules.map((module) => module.ns));
    const collect = (field: FieldPlan) => {
      namespaces.add(field.ns);
      if (field.xsiType) namespaces.add(field.xsiType.ns);
    };
    for (const type of group.types) {
      if (type.shape === 'record') {
        type.fields.forEach(collect);
        for (const attribute of type.attributes) namespaces.add(attribute.ns);
      } else if (type.shape === 'array') collect(type.item);
      else if (type.shape === 'dictionary') {
        [type.key, type.value].forEach(collect);
        namespaces.add(type.entry.ns);
      }
    }
    for (const agent of group.agents) {
      [...agent.requestHeaders, ...agent.responseHeaders].forEach(collect);
      for (const operation of agent.operations) {
        for (const message of [operation.input, operation.output]) {
          if (!message) continue;
          message.fields.forEach(collect);
          if (message.wrapper) namespaces.add(message.wrapper.ns);
        }
      }
    }
    namespaces.delete('');
    const modules = new Map(group.modules.map((module) => [module.ns, module.name]));
    const others = moduleNames([...namespaces].filter((ns) => !modules.has(ns)).sort());
    this.keys = new Map([...namespaces].map((ns) => [ns, modules.get(ns) ?? `${others.get(ns)!}`]));
    // a module-less namespace may not take a module's key
    const taken = new Set(modules.values());
    for (const [ns, key] of this.keys) if (!modules.has(ns) && taken.has(key)) this.keys.set(ns, `${key}_`);
  }

  private ns(uri: string): string {
    if (uri === '') return '';
    this.used.add(uri);
    return this.keys.get(uri)!;
  }

  namespaceLines(): string[] {
    return [...this.used]
      .map((uri) => [this.keys.get(uri)!, uri] as const)
      .sort(([a], [b]) => compare(a, b))
      .map(([key, uri]) => json(['ns', key, uri]));
  }

  type(type: TypePlan): void {
    switch (type.shape) {
      case 'record': {
        const extra: Record<string, unknown> = {};
        if (type.base) extra['base'] = type.base.descriptor;
        if (type.text) extra['text'] = simple(type.text.descriptor);
        if (type.any) extra['any'] = 1;
        this.lines.push(json(['record', type.descriptor, ...(Object.keys(extra).length > 0 ? [extra] : [])]));
        // a choice's members are each absent when another alternative is given
        for (const field of type.fields) this.lines.push(this.field('f', field.choice ? { ...field, optional: true } : field));
        for (const attribute of type.attributes) this.lines.push(this.attribute(attribute));
        break;
      }
      case 'array':
        this.lines.push(json(['array', type.descriptor]), this.field('f', type.item));
        break;
      case 'dictionary':
        this.lines.push(json(['dictionary', type.descriptor, type.entry.name, this.ns(type.entry.ns)]), this.field('f', type.key), this.field('f', type.value));
        break;
      case 'simple':
        break;
    }
  }

  agent(agent: AgentPlan): void {
    const status = agent.statusHeaders && Object.fromEntries(Object.entries(agent.statusHeaders).filter(([, value]) => value !== undefined));
    this.lines.push(json(['agent', agent.service, agent.soapVersion, agent.endpoint ?? null, ...(status ? [status] : [])]));
    for (const header of agent.requestHeaders) this.lines.push(this.field('request-header', header));
    for (const header of agent.responseHeaders) this.lines.push(this.field('response-header', header));
    for (const operation of agent.operations) {
      this.lines.push(json(['operation', operation.name, ...(operation.action ? [operation.action] : [])]));
      this.message('input', operation.input);
      if (operation.output) this.message('output', operation.output, operation.output.result);
    }
  }

  private message(kind: 'input' | 'output', message: MessagePlan, result?: string): void {
    const wrapper = message.wrapper ? [message.wrapper.name, this.ns(message.wrapper.ns)] : null;
    const extra: Record<string, unknown> = {};
    if (message.wrapper?.anyName) extra['anyName'] = 1;
    if (message.encoding) extra['encoding'] = message.encoding;
    const tail = Object.keys(extra).length > 0 ? [extra] : [];
    this.lines.push(json(kind === 'input' ? ['input', wrapper, message.headers, ...tail] : ['output', wrapper, message.headers, result, ...tail]));
    for (const field of message.fields) this.lines.push(this.field('f', field));
  }

  /** `[tag, name, ns, type, flags?, prop?, xsiType?]`, the trailing defaults left out. */
  private field(tag: string, field: FieldPlan): string {
    const flags = `${field.optional ? 'o' : ''}${field.repeated ? 'r' : ''}${field.nillable ? 'n' : ''}`;
    const items: unknown[] = [tag, field.name, this.ns(field.ns), typeCode(field.descriptor), flags, field.prop !== field.name ? field.prop : null];
    if (field.xsiType) items.push([this.ns(field.xsiType.ns), field.xsiType.local]);
    return json(trimTail(items));
  }

  private attribute(attribute: AttributePlan): string {
    const items: unknown[] = ['a', attribute.name, this.ns(attribute.ns), simple(attribute.descriptor), attribute.optional ? 'o' : '', attribute.prop !== attribute.name ? attribute.prop : null];
    return json(trimTail(items));
  }
}

function typeCode(descriptor: DescriptorRef): unknown {
  return descriptor.kind === 'type' ? `@${descriptor.descriptor}` : simple(descriptor);
}

function simple(descriptor: DescriptorRef): unknown {
  if (descriptor.kind === 'scalar') return descriptor.scalar;
  if (descriptor.kind === 'list') return ['list', descriptor.item];
  throw new Error(`internal error: the complex type ${descriptor.descriptor} where a simple one is needed`);
}

/** Drops trailing empty flags and absent values, keeping the positions of what remains. */
function trimTail(items: unknown[]): unknown[] {
  let end = items.length;
  while (end > 0 && (items[end - 1] === null || items[end - 1] === '')) end--;
  return items.slice(0, end).map((item) => (item === null ? '' : item));
}

function json(value: unknown): string {
  return JSON.stringify(value);
}

/** Inside String.raw`…` only a backtick and `${` are special; JSON spells both as escapes. */
function templateSafe(line: string): string {
  return line.replace(/`/g, '\\u0060').replace(/\$\{/g, '\\u0024{');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
