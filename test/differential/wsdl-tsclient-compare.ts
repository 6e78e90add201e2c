/**
 * Differential comparison of our planner with wsdl-tsclient (which reads WSDL through node-soap).
 *
 * Both sides are brought to one vocabulary and walked side by side, starting from the
 * operations: our operation's input/output members against wsdl-tsclient's param/return
 * definition, then every member's type against the definition wsdl-tsclient gives that member.
 *
 * Types are paired by that walk, not by name: wsdl-tsclient names a nested definition after the
 * member it was first reached through (our `FieldProperty` is its `Value`, our
 * `ArrayOfWebAppUsage` its `WebAppUsages`), and it gives two different types reached through
 * members of one name the same definition name (`Mask` for both `ETableRight` and `EFieldRight`).
 *
 * What is compared, per pair:
 *   - the member names (element names: our FieldPlan.name, their property name without `[]`),
 *   - their order (the sequence order, which is the order on the wire),
 *   - array-ness: our FieldPlan.repeated (maxOccurs > 1) against their isArray,
 *   - what the member holds: a scalar (and then which TypeScript primitive) or an object; our
 *     flattened WCF collections (`ArrayOfX` → `X[]`), dictionaries (`Record<string, V>`) and
 *     xs:list types are reported as such, and the walk goes on into their items and values.
 * Our records are compared with their effective members (base members first, then own), since
 * wsdl-tsclient copies base members into the derived definition where we write `extends`.
 *
 * Differences are keyed by `where` (one of our type names, `Type.member`, or `Operation
 * input|output.member`) and `aspect`, so that a test can hold a table of the known ones.
 */
import path from 'node:path';
import { parseWsdl } from 'wsdl-tsclient/dist/src/parser.js';
import type { Definition, DefinitionProperty, ParsedWsdl } from 'wsdl-tsclient/dist/src/models/parsed-wsdl.js';
import { planGroup, type FieldPlan, type GroupPlan, type TypePlan } from '../../src/emit/plan.js';
import { qnameKey, type WsdlDocument } from '../../src/model/model.js';
import { loadWsdl } from '../../src/read/load.js';

export type Aspect =
  /** One of our complex types (or one of their definitions) has no counterpart on the other side. */
  | 'no counterpart'
  /** A member only we have. */
  | 'only in ours'
  /** A member only wsdl-tsclient has. */
  | 'only in theirs'
  /** The members both sides have come in a different order. */
  | 'order'
  /** Array-ness of a member: our FieldPlan.repeated (maxOccurs > 1) against their isArray. */
  | 'repeated'
  /** Our WCF `ArrayOfX` collection, flattened to `X[]`, against their object with one repeated member. */
  | 'collection'
  /** Our WCF IsDictionary type, `Record<string, V>`, against their object with repeated key/value entries. */
  | 'dictionary'
  /** Scalar against object, xs:list against object, and the like. */
  | 'kind'
  /** Both hold a scalar, but not the same TypeScript primitive. */
  | 'scalar type'
  /** An operation (or port) only one side has. */
  | 'operation';

export interface Difference {
  readonly where: string;
  readonly aspect: Aspect;
  readonly ours: string;
  readonly theirs: string;
}

export interface Pairing {
  /** Our type name, or `Operation input|output` for the members of a message. */
  readonly ours: string;
  /** wsdl-tsclient's definition name. */
  readonly theirs: string;
}

export interface Comparison {
  readonly differences: Difference[];
  readonly pairings: Pairing[];
  /** `Agent.Operation` for every operation both sides have and that was compared. */
  readonly operations: string[];
  /** Definitions of wsdl-tsclient the walk reached. */
  readonly reachedDefinitions: number;
  readonly totalDefinitions: number;
}

export interface Sides {
  readonly document: WsdlDocument;
  readonly group: GroupPlan;
  readonly theirs: ParsedWsdl;
}

/** Reads the WSDL both ways: our loader and planner, and wsdl-tsclient's parser (no file output). */
export async function readBothWays(wsdlFile: string): Promise<Sides> {
  const document = loadWsdl(wsdlFile);
  const group = planGroup([document], (file) => path.basename(file));
  const theirs = await parseWsdl(wsdlFile, {});
  return { document, group, theirs };
}

// ---------------------------------------------------------------------------------------------
// Our side in the common vocabulary

interface OurMember {
  /** Where the member is declared: a type name or `Operation input|output`. */
  readonly owner: string;
  /** The element name (what wsdl-tsclient names the property). */
  readonly name: string;
  readonly repeated: boolean;
  readonly node: OurNode;
}

type OurNode =
  | { readonly kind: 'object'; readonly key: string; readonly members: () => OurMember[] }
  | { readonly kind: 'collection'; readonly plan: TypePlan }
  | { readonly kind: 'dictionary'; readonly plan: TypePlan }
  | { readonly kind: 'list'; readonly text: string; readonly plan?: TypePlan }
  | { readonly kind: 'scalar'; readonly text: string };

class OurSide {
  private readonly byName = new Map<string, TypePlan>();

  constructor(readonly group: GroupPlan) {
    for (const plan of group.types) this.byName.set(plan.name, plan);
  }

  /** Effective members of a record: the base's first (as on the wire), then its own. */
  recordMembers(plan: TypePlan): OurMember[] {
    const record = this.group.record(plan);
    const inherited = record.base ? this.recordMembers(record.base) : [];
    return [...inherited, ...record.fields.map((field) => this.member(plan.name, field))];
  }

  member(owner: string, field: FieldPlan): OurMember {
    return { owner, name: field.name, repeated: field.repeated, node: this.node(field) };
  }

  objectNode(plan: TypePlan): OurNode {
    return { kind: 'object', key: plan.name, members: () => this.recordMembers(plan) };
  }

  /** What one value of a member is, read off the member's descriptor and TypeScript type. */
  private node(field: FieldPlan): OurNode {
    const complex = /^\(\) => (\w+)\$$/.exec(field.descriptor);
    if (complex) {
      const plan = this.plan(complex[1]);
      switch (plan.shape) {
        case 'record':
          return this.objectNode(plan);
        case 'array':
          return { kind: 'collection', plan };
        case 'dictionary':
          return { kind: 'dictionary', plan };
        case 'simple':
          throw new Error(`the simple type ${plan.name} has a complex descriptor`);
      }
    }
    const text = this.itemText(field);
    const plan = this.byName.get(text);
    if (field.descriptor.startsWith(`{ kind: 'list'`)) return { kind: 'list', text: this.resolve(text), plan };
    return { kind: 'scalar', text: this.resolve(text) };
  }

  /** The TypeScript type of one item of a member: without the `[]` of repetition and the `| null` of nillable. */
  private itemText(field: FieldPlan): string {
    let text = field.type.text;
    if (field.repeated) text = text.replace(/\[\]$/, '').replace(/^\((.*)\)$/, '$1');
    if (field.nillable) text = text.replace(/ \| null$/, '');
    return text;
  }

  /** Follows simple type aliases (`char` → `number`) down to what TypeScript sees. */
  private resolve(text: string): string {
    const seen = new Set<string>();
    for (let plan = this.byName.get(text); plan?.shape === 'simple' && !seen.has(plan.name); plan = this.byName.get(text)) {
      seen.add(plan.name);
      text = this.group.alias(plan).text;
    }
    return text;
  }

  plan(name: string): TypePlan {
    const plan = this.byName.get(name);
    if (!plan) throw new Error(`no planned type is named ${name}`);
    return plan;
  }
}

// ---------------------------------------------------------------------------------------------
// Their side

type TheirNode = { readonly kind: 'object'; readonly def: Definition } | { readonly kind: 'scalar'; readonly type: string };

function theirNode(property: DefinitionProperty): TheirNode {
  return property.kind === 'REFERENCE' ? { kind: 'object', def: property.ref } : { kind: 'scalar', type: property.type };
}

function describeDefinition(def: Definition): string {
  const members = def.properties.map((p) => `${p.name}${p.isArray ? '[]' : ''}: ${p.kind === 'REFERENCE' ? p.ref.name : p.type}`);
  return `${def.name} { ${members.join('; ')} }`.replace('{  }', '{}');
}

function describeTheirs(node: TheirNode): string {
  return node.kind === 'object' ? `object ${describeDefinition(node.def)}` : `scalar ${node.type}`;
}

// ---------------------------------------------------------------------------------------------
// The walk

class Walk {
  readonly differences: Difference[] = [];
  readonly pairings: Pairing[] = [];
  readonly operations: string[] = [];
  private readonly seenDifferences = new Set<string>();
  private readonly visited = new Set<string>();
  /** Which of our keys each of their definitions was paired with. */
  private readonly pairedWith = new Map<Definition, Set<string>>();
  private readonly pairedOurs = new Set<string>();

  constructor(
    private readonly ours: OurSide,
    private readonly theirs: ParsedWsdl,
  ) {}

  run(document: WsdlDocument): void {
    this.compareOperations(document);
    this.checkCounterparts();
  }

  private differ(where: string, aspect: Aspect, ours: string, theirs: string): void {
    const key = `${where}\u0000${aspect}`;
    if (this.seenDifferences.has(key)) return;
    this.seenDifferences.add(key);
    this.differences.push({ where, aspect, ours, theirs });
  }

  /** Our agents against their ports: a port speaks the binding of one portType, which is one agent. */
  private compareOperations(document: WsdlDocument): void {
    const seenAgents = new Set<string>();
    for (const port of this.theirs.ports) {
      const ourPort = document.services.flatMap((s) => s.ports).find((p) => p.name === port.sourceName);
      const binding = ourPort && document.bindings.find((b) => qnameKey(b.name) === qnameKey(ourPort.binding));
      const agent = binding && this.ours.group.agents.find((a) => qnameKey(a.portType.name) === qnameKey(binding.portType));
      if (!agent) {
        this.differ(`port ${port.sourceName}`, 'operation', 'no agent', `port with ${port.methods.length} methods`);
        continue;
      }
      seenAgents.add(agent.name);
      for (const method of port.methods) {
        const operation = agent.operations.find((o) => o.name === method.name);
        const where = `${agent.name}.${method.name}`;
        if (!operation) {
          this.differ(where, 'operation', 'absent', 'present');
          continue;
        }
        this.operations.push(where);
        const input = `${operation.name} input`;
        this.compareMessage(input, operation.input.fields, method.paramDefinition);
        const output = `${operation.name} output`;
        if (operation.output) this.compareMessage(output, operation.output.fields, method.returnDefinition);
        else if (method.returnDefinition) this.differ(output, 'operation', 'one-way (no output)', describeDefinition(method.returnDefinition));
      }
      for (const operation of agent.operations) {
        if (!port.methods.some((m) => m.name === operation.name)) this.differ(`${agent.name}.${operation.name}`, 'operation', 'present', 'absent');
      }
    }
    for (const agent of this.ours.group.agents) {
      if (!seenAgents.has(agent.name)) this.differ(agent.name, 'operation', 'agent', 'no port');
    }
  }

  private compareMessage(key: string, fields: FieldPlan[], def: Definition | null): void {
    const node: OurNode = { kind: 'object', key, members: () => fields.map((field) => this.ours.member(key, field)) };
    if (!def) {
      this.differ(key, 'kind', `${fields.length} members`, 'no definition');
      return;
    }
    this.compareNodes(key, node, { kind: 'object', def });
  }

  /** Pairs an object of ours with a definition of theirs and compares their members. */
  private compareObjects(key: string, members: OurMember[], def: Definition): void {
    if (!this.firstVisit(key, def)) return;
    this.pair(key, def);
    this.compareMembers(key, members, def.properties);
  }

  /** False when this pair was compared already (types refer to each other, and to themselves). */
  private firstVisit(key: string, def: Definition): boolean {
    const visit = `${key}\u0000${this.theirs.definitions.indexOf(def)}`;
    if (this.visited.has(visit)) return false;
    this.visited.add(visit);
    return true;
  }

  private pair(key: string, def: Definition): void {
    this.pairings.push({ ours: key, theirs: def.name });
    this.pairedOurs.add(key);
    const keys = this.pairedWith.get(def) ?? new Set<string>();
    keys.add(key);
    this.pairedWith.set(def, keys);
  }

  private compareMembers(key: string, members: OurMember[], properties: DefinitionProperty[]): void {
    const theirsByName = new Map(properties.map((p) => [p.name, p]));
    const oursByName = new Map(members.map((m) => [m.name, m]));
    for (const member of members) {
      const property = theirsByName.get(member.name);
      const where = `${member.owner}.${member.name}`;
      if (!property) {
        this.differ(where, 'only in ours', `${member.name}${member.repeated ? '[]' : ''}`, `not in ${key}`);
        continue;
      }
      if (member.repeated !== (property.isArray ?? false)) {
        this.differ(where, 'repeated', String(member.repeated), String(property.isArray ?? false));
      }
      this.compareNodes(where, member.node, theirNode(property));
    }
    for (const property of properties) {
      if (!oursByName.has(property.name)) this.differ(`${key}.${property.name}`, 'only in theirs', `not in ${key}`, property.sourceName);
    }
    const oursOrder = members.map((m) => m.name).filter((name) => theirsByName.has(name));
    const theirsOrder = properties.map((p) => p.name).filter((name) => oursByName.has(name));
    if (oursOrder.join() !== theirsOrder.join()) this.differ(key, 'order', oursOrder.join(', '), theirsOrder.join(', '));
  }

  /** Compares what one value holds; `where` names the member (or message) that holds it. */
  private compareNodes(where: string, ours: OurNode, theirs: TheirNode): void {
    switch (ours.kind) {
      case 'object':
        if (theirs.kind === 'object') this.compareObjects(ours.key, ours.members(), theirs.def);
        else this.differ(where, 'kind', `object ${ours.key}`, describeTheirs(theirs));
        return;

      case 'collection': {
        const { plan } = ours;
        const item = this.ours.group.arrayItem(plan);
        this.differ(plan.name, 'collection', `${plan.name} = ${this.ours.group.alias(plan).text}`, describeTheirs(theirs));
        if (theirs.kind !== 'object' || !this.firstVisit(plan.name, theirs.def)) return;
        // their wrapper definition against the collection's item element, and on into the items
        this.pair(plan.name, theirs.def);
        this.compareMembers(plan.name, [this.ours.member(plan.name, item)], theirs.def.properties);
        return;
      }

      case 'dictionary': {
        const { plan } = ours;
        const { entry, key, value } = this.ours.group.dictionary(plan);
        this.differ(plan.name, 'dictionary', `${plan.name} = ${this.ours.group.alias(plan).text}`, describeTheirs(theirs));
        if (theirs.kind !== 'object' || !this.firstVisit(plan.name, theirs.def)) return;
        // their wrapper against the entry element, their entry against our key and value
        this.pair(plan.name, theirs.def);
        const entryKey = `${plan.name} entry`;
        const entryNode: OurNode = {
          kind: 'object',
          key: entryKey,
          members: () => [this.ours.member(entryKey, key), this.ours.member(entryKey, value)],
        };
        this.compareMembers(plan.name, [{ owner: plan.name, name: entry.name, repeated: true, node: entryNode }], theirs.def.properties);
        return;
      }

      case 'list': {
        const at = ours.plan?.name ?? where;
        this.differ(at, 'kind', `xs:list ${ours.text}`, describeTheirs(theirs));
        if (theirs.kind === 'object') this.pair(at, theirs.def);
        return;
      }

      case 'scalar':
        if (theirs.kind === 'object') this.differ(where, 'kind', `scalar ${ours.text}`, describeTheirs(theirs));
        else if (ours.text !== theirs.type) this.differ(where, 'scalar type', ours.text, theirs.type);
        return;
    }
  }

  /** Every complex type of ours met some definition of theirs, and every definition of theirs one of ours. */
  private checkCounterparts(): void {
    for (const plan of this.ours.group.types) {
      if (plan.shape === 'simple' || this.pairedOurs.has(plan.name)) continue;
      this.differ(plan.name, 'no counterpart', `${plan.shape} ${plan.name}`, 'no definition');
    }
    for (const def of this.theirs.definitions) {
      const keys = this.pairedWith.get(def);
      if (!keys) this.differ(`theirs ${def.name}`, 'no counterpart', 'no type', describeDefinition(def));
      else if (keys.size > 1) this.differ(`theirs ${def.name}`, 'kind', [...keys].join(' and '), 'one definition');
    }
  }

  reached(): number {
    return this.pairedWith.size;
  }
}

export function compare({ document, group, theirs }: Sides): Comparison {
  const walk = new Walk(new OurSide(group), theirs);
  walk.run(document);
  return {
    differences: walk.differences,
    pairings: walk.pairings,
    operations: walk.operations,
    reachedDefinitions: walk.reached(),
    totalDefinitions: theirs.definitions.length,
  };
}

/** One line per difference, for failure messages. */
export function formatDifference(difference: Pick<Difference, 'where' | 'aspect'> & Partial<Difference>): string {
  const detail = difference.ours !== undefined ? `: ours ${difference.ours} | theirs ${difference.theirs}` : '';
  return `${difference.where} [${difference.aspect}]${detail}`;
}
