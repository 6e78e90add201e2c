/**
 * Differential comparison of our resolved model and plan with wsdl-tsclient (which reads WSDL through node-soap).
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
 * How a message is walked follows what wsdl-tsclient's definition stands for: for a message whose
 * single body part is an element, the element's content (so our "wrapped" parameters, or — when we
 * keep the element as one value — that value's type); otherwise one property per part.
 *
 * What is compared, per pair:
 *   - the member names (element names: our FieldPlan.name, their property name without `[]`),
 *   - their order (the sequence order, which is the order on the wire),
 *   - array-ness: our FieldPlan.repeated (maxOccurs > 1) against their isArray,
 *   - what the member holds: a scalar (and then which TypeScript primitive) or an object; our
 *     flattened WCF collections (`ArrayOfX` → `X[]`), dictionaries (`Record<string, V>`) and
 *     xs:list types are reported as such, and the walk goes on into their items and values,
 *   - what only we model: attributes (`@name`), simpleContent text (`$value`), xs:any content
 *     (`$any`) and top-level xs:choice unions — node-soap keeps none of them in what it hands
 *     wsdl-tsclient, so each shows as a difference of its own.
 * Our records are compared with their effective members (base members first, then own), since
 * wsdl-tsclient copies base members into the derived definition where we write `extends`.
 *
 * Every difference says, where the comparator can tell, which XML Schema construct our side has
 * there (`construct`), so that a review can name its cause once for all the places it recurs; and
 * a type that the walk could not reach because it stopped at another difference names that one as
 * its `cause`. A complex type of ours that no walk reached is classified by how our model reaches
 * it: only as an extension base, only from soap:header parts, only from wsdl:fault messages, only
 * from operations without a method, or not at all.
 *
 * Differences are keyed by `where` (one of our type names, `Type.member`, or `Operation
 * input|output.member`) and `aspect`, so that a test can hold a table of the known ones.
 */
import path from 'node:path';
import { parseWsdl } from 'wsdl-tsclient/dist/src/parser.js';
import type { Definition, DefinitionProperty, ParsedWsdl } from 'wsdl-tsclient/dist/src/models/parsed-wsdl.js';
import { Logger } from 'wsdl-tsclient/dist/src/utils/logger.js';
import { builtin } from '../../src/model/builtins.js';
import {
  qnameKey,
  type ComplexTypeDef,
  type ElementDef,
  type InterfaceDef,
  type MessageDef,
  type OperationDef,
  type PartDef,
  type QName,
  type ServiceModel,
  type TypeDef,
  type TypeRef,
} from '../../src/model/model.js';
import { resolveModel } from '../../src/model/resolve.js';
import {
  planGroup,
  type AgentPlan,
  type ArrayTypePlan,
  type DictionaryTypePlan,
  type FieldPlan,
  type GroupPlan,
  type MessagePlan,
  type OperationPlan,
  type RecordTypePlan,
  type TypePlan,
} from '../../src/plan/index.js';
import { formatType, type TsType } from '../../src/plan/ts-type.js';
import { loadWsdl } from '../../src/read/load.js';

export type Aspect =
  /** One of our complex types (or one of their definitions) has no counterpart on the other side. */
  | 'no counterpart'
  /** A member only we have (an element, or an attribute, simpleContent text or xs:any content). */
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
  /** Our record with a top-level xs:choice (a union of alternatives) against their flat members. */
  | 'choice'
  /** Scalar against object, xs:list against object, and the like. */
  | 'kind'
  /** Both hold a scalar, but not the same TypeScript primitive. */
  | 'scalar type'
  /** An operation (or port) only one side has. */
  | 'operation';

/**
 * What our side has where a difference is, as far as the comparator can tell: the XML Schema or
 * WSDL construct a review can name as the cause. `xs:…` is the built-in type of a scalar member.
 */
export type Construct =
  | `xs:${string}`
  /** A member whose type is a named simple type (a restriction, list or union) of the schema. */
  | 'named simple type'
  /** …whose local name is also a built-in's (`tns:boolean`, a restriction of xs:string). */
  | 'named simple type with a built-in name'
  /** A member whose type is an enumeration (named or inline). */
  | 'enumeration'
  /** A member whose type is an inline simple type other than an enumeration. */
  | 'inline simple type'
  /** An XML attribute of a record. */
  | 'attribute'
  /** A record with simpleContent: text and attributes. */
  | 'simpleContent'
  /** A record's xs:any wildcard. */
  | 'xs:any'
  /** A record with a top-level xs:choice. */
  | 'xs:choice'
  /** A member repeated by its own maxOccurs. */
  | 'element'
  /** A member declared by `ref` to a global element, repeated by the maxOccurs on the reference. */
  | 'element ref'
  /** A member repeated by the maxOccurs of an enclosing xs:sequence or xs:choice. */
  | 'repeating group'
  /** Our flattened `ArrayOfX` collection. */
  | 'ArrayOf wrapper'
  /** A SOAP-encoded array (a restriction of soapenc:Array), flattened to `T[]`. */
  | 'SOAP-encoded array'
  /** A WCF IsDictionary type. */
  | 'WCF dictionary'
  /** A member of an xs:list type. */
  | 'xs:list'
  /** A message part given by `type=` whose type is complex (RPC style, or a document part by type). */
  | 'complex type= part'
  /** The single element part of a message (not unwrapped into parameters) whose type is simple. */
  | 'message element of a simple type'
  /** No counterpart: a type reached only as the base of an extension we compare. */
  | 'extension base'
  /** No counterpart: a type reached only from soap:header parts. */
  | 'header'
  /** No counterpart: a type reached only from wsdl:fault messages. */
  | 'fault'
  /** No counterpart: a type reached only from portType operations without a method (no SOAP binding). */
  | 'no method'
  /** No counterpart: a type no message of the WSDL reaches. */
  | 'unused'
  /** An operation only wsdl-tsclient has: it has no input (notification), so we make no method. */
  | 'output-only operation'
  /** An agent only we have: its portType and binding come from a wsdl:import'ed WSDL. */
  | 'imported WSDL'
  /** An agent only we have: its binding is not used by any wsdl:port. */
  | 'no wsdl:port';

export interface Difference {
  readonly where: string;
  readonly aspect: Aspect;
  readonly ours: string;
  readonly theirs: string;
  /** Our side's construct there, when the comparator can tell. */
  readonly construct?: Construct;
  /** For a type the walk did not reach because it stopped at another difference: that one's key. */
  readonly cause?: string;
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
  /** `Agent.Operation` for every operation both sides have and that was compared (each once). */
  readonly operations: string[];
  /** Definitions of wsdl-tsclient the walk reached. */
  readonly reachedDefinitions: number;
  readonly totalDefinitions: number;
}

export interface Sides {
  readonly model: ServiceModel;
  readonly group: GroupPlan;
  readonly theirs: ParsedWsdl;
}

/** Reads the WSDL both ways: our loader, resolver and planner, and wsdl-tsclient's parser (no file output). */
export async function readBothWays(wsdlFile: string): Promise<Sides> {
  const model = resolveModel([loadWsdl(wsdlFile)], { sourceName: (file) => path.basename(file) });
  const group = planGroup(model);
  const theirs = await readTheirs(wsdlFile);
  return { model, group, theirs };
}

/** wsdl-tsclient's model of a WSDL; its logger (on by default) is silenced. */
export function readTheirs(wsdlFile: string): Promise<ParsedWsdl> {
  Logger.disabled();
  return parseWsdl(wsdlFile, {});
}

/** The key of a difference, as review tables name it. */
export function keyOf(difference: Pick<Difference, 'where' | 'aspect'>): string {
  return `${difference.where} [${difference.aspect}]`;
}

// ---------------------------------------------------------------------------------------------
// Our side in the common vocabulary

interface OurMember {
  /** Where the member is declared: a type name or `Operation input|output`. */
  readonly owner: string;
  /** The element name (what wsdl-tsclient names the property); `@name`, `$value`, `$any` for the others. */
  readonly name: string;
  readonly kind: 'element' | 'attribute' | 'text' | 'any';
  readonly repeated: boolean;
  /** What makes a repeated member repeat. */
  readonly repeatedBy?: Construct;
  readonly node: OurNode;
}

type OurNode =
  | {
      readonly kind: 'object';
      /** Names the object in differences and pairings. */
      readonly key: string;
      /** What it is: two keys of one identity are one thing of ours (one wrapper element used twice). */
      readonly identity: string;
      readonly plan?: RecordTypePlan;
      readonly members: () => OurMember[];
      /** Set when the object is a message part given by `type=`. */
      readonly construct?: Construct;
    }
  | { readonly kind: 'collection'; readonly plan: ArrayTypePlan }
  | { readonly kind: 'dictionary'; readonly plan: DictionaryTypePlan }
  | { readonly kind: 'list'; readonly text: string; readonly plan?: TypePlan }
  | { readonly kind: 'scalar'; readonly text: string; readonly construct?: Construct };

/** What the model says about one member element behind a FieldPlan. */
interface MemberDecl {
  readonly type: TypeRef;
  readonly ref?: QName;
  readonly repeatedByGroup?: boolean;
  /** Set for a message part given by `type=`. */
  readonly partType?: boolean;
}

class OurSide {
  private readonly byRef = new Map<string, TypePlan>();
  private readonly byDescriptor = new Map<string, TypePlan>();
  private readonly byId = new Map<string, TypePlan>();
  private readonly defs = new Map<string, TypeDef>();
  private readonly elements = new Map<string, ElementDef>();

  constructor(
    readonly group: GroupPlan,
    readonly model: ServiceModel,
  ) {
    for (const plan of group.types) {
      this.byRef.set(`${plan.file}#${plan.name}`, plan);
      this.byDescriptor.set(plan.descriptor, plan);
      this.byId.set(plan.id, plan);
    }
    for (const def of model.types) this.defs.set(def.id, def);
    for (const element of model.elements) this.elements.set(qnameKey(element.name), element);
  }

  def(id: string): TypeDef {
    return this.defs.get(id)!;
  }

  baseOf(plan: RecordTypePlan): RecordTypePlan | undefined {
    return plan.base && (this.byDescriptor.get(plan.base.descriptor) as RecordTypePlan);
  }

  /** Effective members of a record: the base's first (as on the wire), then its own. */
  recordMembers(plan: RecordTypePlan): OurMember[] {
    const base = this.baseOf(plan);
    const inherited = base ? this.recordMembers(base) : [];
    const def = this.def(plan.id);
    const decls = def.kind === 'complex' ? def.elements : [];
    if (decls.length !== plan.fields.length) throw new Error(`${nameOf(plan)}: ${plan.fields.length} fields, ${decls.length} elements`);
    const own: OurMember[] = plan.fields.map((field, index) => this.member(nameOf(plan), field, decls[index]));
    for (const attribute of plan.attributes) {
      own.push({ owner: nameOf(plan), name: `@${attribute.name}`, kind: 'attribute', repeated: false, node: { kind: 'scalar', text: this.resolve(attribute.type) } });
    }
    if (plan.text) own.push({ owner: nameOf(plan), name: '$value', kind: 'text', repeated: false, node: { kind: 'scalar', text: this.resolve(plan.text.type) } });
    if (plan.any) own.push({ owner: nameOf(plan), name: '$any', kind: 'any', repeated: false, node: { kind: 'scalar', text: 'unknown' } });
    return [...inherited, ...own];
  }

  member(owner: string, field: FieldPlan, decl?: MemberDecl): OurMember {
    const node = this.node(field, decl);
    return {
      owner,
      name: field.name,
      kind: 'element',
      repeated: field.repeated,
      repeatedBy: field.repeated && decl ? (decl.repeatedByGroup ? 'repeating group' : decl.ref ? 'element ref' : 'element') : undefined,
      node: node.kind === 'object' && decl?.partType ? { ...node, construct: 'complex type= part' } : node,
    };
  }

  objectNode(plan: RecordTypePlan): OurNode {
    return { kind: 'object', key: nameOf(plan), identity: nameOf(plan), plan, members: () => this.recordMembers(plan) };
  }

  /** What one value of a member is, read off the member's descriptor and TypeScript type. */
  node(field: FieldPlan, decl?: MemberDecl): OurNode {
    if (field.descriptor.kind === 'type') {
      const plan = this.byDescriptor.get(field.descriptor.descriptor)!;
      switch (plan.shape) {
        case 'record':
          return this.objectNode(plan);
        case 'array':
          return { kind: 'collection', plan };
        case 'dictionary':
          return { kind: 'dictionary', plan };
        case 'simple':
          throw new Error(`the simple type ${nameOf(plan)} has a complex descriptor`);
      }
    }
    const item = this.itemType(field);
    const plan = item.kind === 'ref' ? this.byRef.get(`${item.file}#${item.name}`) : undefined;
    if (field.descriptor.kind === 'list') return { kind: 'list', text: this.resolve(item), plan };
    return { kind: 'scalar', text: this.resolve(item), construct: decl && this.useConstruct(decl.type) };
  }

  /** The built-in or simple type a scalar member has, as a construct. */
  private useConstruct(reference: TypeRef): Construct | undefined {
    if (reference.kind === 'builtin') return `xs:${reference.name}`;
    const def = this.def(reference.id);
    if (def.kind !== 'simple') return undefined;
    if (def.enumeration) return 'enumeration';
    if (!def.name) return 'inline simple type';
    return builtin(def.name.local) ? 'named simple type with a built-in name' : 'named simple type';
  }

  /** The TypeScript type of one item of a member: without the `[]` of repetition and the `| null` of nillable. */
  private itemType(field: FieldPlan): TsType {
    let type = field.type;
    if (field.repeated && type.kind === 'array') type = type.item;
    if (field.nillable && type.kind === 'union') {
      const members = type.members.filter((member) => !(member.kind === 'keyword' && member.name === 'null'));
      type = members.length === 1 ? members[0]! : { kind: 'union', members };
    }
    return type;
  }

  /** Follows simple type aliases (`char` → `number`) down to what TypeScript sees, as text. */
  resolve(type: TsType): string {
    const seen = new Set<TypePlan>();
    for (let plan = type.kind === 'ref' ? this.byRef.get(`${type.file}#${type.name}`) : undefined; plan?.shape === 'simple' && !seen.has(plan); ) {
      seen.add(plan);
      type = plan.type;
      plan = type.kind === 'ref' ? this.byRef.get(`${type.file}#${type.name}`) : undefined;
    }
    return formatType(type);
  }

  planOfDescriptor(descriptor: string): TypePlan {
    return this.byDescriptor.get(descriptor)!;
  }

  /** The planned type a type reference names, if any. */
  planOfRef(reference: TypeRef | undefined): TypePlan | undefined {
    return reference?.kind === 'type' ? this.byId.get(reference.id) : undefined;
  }

  /**
   * The planned complex types a type holds: its own plan, or — for a type nothing planned (the
   * anonymous type of an element no method sends) — the plans of its members' types.
   */
  plansOfRef(reference: TypeRef | undefined, seen = new Set<string>()): TypePlan[] {
    if (!reference || reference.kind === 'builtin' || seen.has(reference.id)) return [];
    seen.add(reference.id);
    const plan = this.byId.get(reference.id);
    if (plan) return [plan];
    const def = this.def(reference.id);
    if (def.kind !== 'complex') return [];
    return def.elements.flatMap((member) => this.plansOfRef(member.type, seen));
  }

  /** The planned types a message part holds: its element's type, or its own type. */
  plansOfPart(part: PartDef): TypePlan[] {
    return this.plansOfRef(part.type ?? this.element(part.element!)?.type);
  }

  element(name: QName): ElementDef | undefined {
    return this.elements.get(qnameKey(name));
  }

  /** Complex types a type's values contain: its base, its members' types, its items and values. */
  edges(plan: TypePlan): TypePlan[] {
    const fieldPlan = (field: FieldPlan) => (field.descriptor.kind === 'type' ? [this.planOfDescriptor(field.descriptor.descriptor)] : []);
    switch (plan.shape) {
      case 'record': {
        const base = this.baseOf(plan);
        return [...(base ? [base] : []), ...plan.fields.flatMap(fieldPlan)];
      }
      case 'array':
        return fieldPlan(plan.item);
      case 'dictionary':
        return [...fieldPlan(plan.key), ...fieldPlan(plan.value)];
      case 'simple':
        return [];
    }
  }

  /** Every complex type reachable from some, following `edges`. */
  closure(roots: Iterable<TypePlan>): Set<TypePlan> {
    const seen = new Set<TypePlan>();
    const stack = [...roots];
    for (let plan = stack.pop(); plan; plan = stack.pop()) {
      if (seen.has(plan)) continue;
      seen.add(plan);
      stack.push(...this.edges(plan));
    }
    return seen;
  }

  /** The interface an agent is made of. */
  interfaceOf(agent: AgentPlan): InterfaceDef {
    return this.model.interfaces.find((def) => def.source === agent.source && def.name.local === agent.service)!;
  }

  /**
   * The element declarations behind a message's FieldPlans: the wrapper element's content (its
   * type's base chain first), or one per body part.
   */
  messageDecls(message: MessageDef | undefined, plan: MessagePlan, rpc: boolean): (MemberDecl | undefined)[] {
    if (!message) return plan.fields.map(() => undefined);
    const parts = message.body;
    if (!rpc && plan.wrapper && parts.length === 1 && parts[0]!.element) {
      const element = this.element(parts[0]!.element);
      const type = element?.type.kind === 'type' ? this.def(element.type.id) : undefined;
      if (type?.kind !== 'complex') return plan.fields.map(() => undefined);
      const chain: ComplexTypeDef[] = [type];
      for (let current = type; current.base; ) chain.unshift((current = this.def(current.base) as ComplexTypeDef));
      const decls = chain.flatMap((t) => t.elements);
      return decls.length === plan.fields.length ? decls : plan.fields.map(() => undefined);
    }
    if (parts.length !== plan.fields.length) return plan.fields.map(() => undefined);
    return parts.map((part): MemberDecl | undefined => {
      if (part.element) return this.element(part.element);
      return { type: part.type!, partType: true };
    });
  }
}

/** A type's name as differences show it: qualified (`Module_Name`) where several modules declare the name. */
function nameOf(plan: TypePlan): string {
  return plan.descriptor;
}

/** A WSDL definition by qualified name; failing that, the only one with that local name (as the resolver does). */
function byQName<T extends { name: QName }>(list: readonly T[], name: QName): T | undefined {
  const exact = list.find((item) => qnameKey(item.name) === qnameKey(name));
  if (exact) return exact;
  const byLocal = list.filter((item) => item.name.local === name.local);
  return byLocal.length === 1 ? byLocal[0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Their side

type TheirNode = { readonly kind: 'object'; readonly def: Definition } | { readonly kind: 'scalar'; readonly property: DefinitionProperty & { kind: 'PRIMITIVE' } };

function theirNode(property: DefinitionProperty): TheirNode {
  return property.kind === 'REFERENCE' ? { kind: 'object', def: property.ref } : { kind: 'scalar', property };
}

function describeDefinition(def: Definition): string {
  const members = def.properties.map((p) => `${p.name}${p.isArray ? '[]' : ''}: ${p.kind === 'REFERENCE' ? p.ref.name : p.type}`);
  return `${def.name} { ${members.join('; ')} }`.replace('{  }', '{}');
}

/** A scalar of theirs with what node-soap said about it (`xsd:unsignedInt`, `Age|xsd:int|0,120`, …). */
function describeScalar(property: DefinitionProperty & { kind: 'PRIMITIVE' }): string {
  return property.description && property.description !== property.type ? `${property.type} (${property.description})` : property.type;
}

function describeTheirs(node: TheirNode): string {
  return node.kind === 'object' ? `object ${describeDefinition(node.def)}` : `scalar ${describeScalar(node.property)}`;
}

// ---------------------------------------------------------------------------------------------
// The walk

class Walk {
  readonly differences: Difference[] = [];
  readonly pairings: Pairing[] = [];
  readonly operations: string[] = [];
  private readonly seenDifferences = new Set<string>();
  private readonly visited = new Set<string>();
  /** Which of our identities each of their definitions was paired with. */
  private readonly pairedWith = new Map<Definition, Set<string>>();
  private readonly pairedOurs = new Set<string>();
  /** Where the walk stopped, and at which difference: below these, types were not compared. */
  private readonly ourStops = new Map<TypePlan, string>();
  private readonly theirStops = new Map<Definition, string>();

  constructor(
    private readonly ours: OurSide,
    private readonly theirs: ParsedWsdl,
  ) {}

  run(): void {
    this.compareOperations();
    this.checkCounterparts();
  }

  private differ(where: string, aspect: Aspect, ours: string, theirs: string, extra: { construct?: Construct; cause?: string } = {}): string {
    const key = keyOf({ where, aspect });
    if (this.seenDifferences.has(key)) return key;
    this.seenDifferences.add(key);
    this.differences.push({ where, aspect, ours, theirs, ...(extra.construct && { construct: extra.construct }), ...(extra.cause && { cause: extra.cause }) });
    return key;
  }

  private stopOurs(plan: TypePlan | undefined, at: string): void {
    if (plan && !this.ourStops.has(plan)) this.ourStops.set(plan, at);
  }

  private stopTheirs(def: Definition | null | undefined, at: string): void {
    if (def && !this.theirStops.has(def)) this.theirStops.set(def, at);
  }

  /** Our agents against their ports: a port speaks the binding of one portType, which is one agent. */
  private compareOperations(): void {
    const { model, group } = this.ours;
    const seenAgents = new Set<string>();
    const compared = new Set<string>();
    for (const port of this.theirs.ports) {
      const ourPort = model.services.flatMap((s) => s.ports).find((p) => p.name === port.sourceName);
      const binding = ourPort && byQName(model.bindings, ourPort.binding);
      const def = binding && model.interfaces.find((i) => qnameKey(i.name) === qnameKey(binding.portType));
      const agent = def && group.agents.find((a) => a.source === def.source && a.service === def.name.local);
      if (!agent || !def) {
        const at = this.differ(`port ${port.sourceName}`, 'operation', 'no agent', `port with ${port.methods.length} methods`);
        for (const method of port.methods) {
          this.stopTheirs(method.paramDefinition, at);
          this.stopTheirs(method.returnDefinition, at);
        }
        continue;
      }
      seenAgents.add(agent.name);
      for (const method of port.methods) {
        const operation = agent.operations.find((o) => o.name === method.name);
        const where = `${agent.name}.${method.name}`;
        const modelOperation = def.operations.find((o) => o.name === method.name);
        if (!operation) {
          const construct = modelOperation && !modelOperation.input ? 'output-only operation' : undefined;
          const at = this.differ(where, 'operation', 'absent', 'present', { construct });
          this.stopTheirs(method.paramDefinition, at);
          this.stopTheirs(method.returnDefinition, at);
          if (modelOperation) for (const plan of this.operationPlans(modelOperation)) this.stopOurs(plan, at);
          continue;
        }
        if (!compared.has(where)) this.operations.push(where);
        compared.add(where);
        const rpc = modelOperation?.style === 'rpc';
        this.compareMessage(`${operation.name} input`, operation.input, modelOperation?.input, rpc, method.paramDefinition);
        const output = `${operation.name} output`;
        if (operation.output) {
          this.compareMessage(output, operation.output, modelOperation?.output, rpc, method.returnDefinition);
        } else if (method.returnDefinition) {
          const at = this.differ(output, 'operation', 'one-way (no output)', describeDefinition(method.returnDefinition));
          this.stopTheirs(method.returnDefinition, at);
        }
      }
      for (const operation of agent.operations) {
        if (port.methods.some((m) => m.name === operation.name)) continue;
        const at = this.differ(`${agent.name}.${operation.name}`, 'operation', 'present', 'absent');
        for (const plan of this.methodPlans(agent, operation)) this.stopOurs(plan, at);
      }
    }
    for (const agent of group.agents) {
      if (seenAgents.has(agent.name)) continue;
      const construct = this.whyNoPort(agent);
      const at = this.differ(agent.name, 'operation', 'agent', 'no port', { construct });
      for (const operation of agent.operations) for (const plan of this.methodPlans(agent, operation)) this.stopOurs(plan, at);
    }
  }

  private whyNoPort(agent: AgentPlan): Construct | undefined {
    const def = this.ours.interfaceOf(agent);
    const source = this.ours.model.sources.find((s) => s.name === def.source)!;
    if (def.loc.file !== source.files[0]) return 'imported WSDL';
    if (def.binding && !def.port) return 'no wsdl:port';
    return undefined;
  }

  /** The complex types a method's messages hold directly (its members' types, and a named wrapper type). */
  private methodPlans(agent: AgentPlan, operation: OperationPlan): TypePlan[] {
    const messages = [operation.input, ...(operation.output ? [operation.output] : [])];
    const plans: TypePlan[] = [];
    for (const message of messages) {
      for (const field of message.fields) {
        const node = this.ours.node(field);
        if (node.kind === 'object' && node.plan) plans.push(node.plan);
        if (node.kind === 'collection' || node.kind === 'dictionary') plans.push(node.plan);
      }
    }
    const modelOperation = this.ours.interfaceOf(agent).operations.find((o) => o.name === operation.name);
    return [...plans, ...(modelOperation ? this.operationPlans(modelOperation) : [])];
  }

  /** The complex types a portType operation's messages hold (for operations we make no method of). */
  private operationPlans(operation: OperationDef): TypePlan[] {
    const messages = [operation.input, operation.output];
    return messages.flatMap((message) => (message ? message.body.flatMap((part) => this.ours.plansOfPart(part)) : []));
  }

  private compareMessage(key: string, plan: MessagePlan, message: MessageDef | undefined, rpc: boolean, def: Definition | null): void {
    const decls = this.ours.messageDecls(message, plan, rpc);
    const parts = message?.body ?? [];
    const wrapperElement = !rpc && parts.length === 1 ? parts[0]!.element : undefined;

    // a wrapper element's named type is the type of the whole message: paired with it
    const wrapperDecl = wrapperElement && this.ours.element(wrapperElement);
    const wrapperPlan = plan.wrapper && !rpc ? this.ours.planOfRef(wrapperDecl?.type) : undefined;
    if (wrapperPlan) this.pairedOurs.add(nameOf(wrapperPlan));

    // wsdl-tsclient has no definition for a message without parts; nor have we members then
    if (!def) {
      if (plan.fields.length > 0) {
        const at = this.differ(key, 'kind', `${plan.fields.length} members`, 'no definition');
        for (const field of plan.fields) {
          const node = this.ours.node(field);
          if (node.kind === 'object') this.stopOurs(node.plan, at);
        }
      }
      return;
    }

    // one element part that we keep as one value: their definition is that element's content
    if (!plan.wrapper && wrapperElement && plan.fields.length === 1) {
      const [field] = plan.fields as [FieldPlan];
      const member = this.ours.member(key, field, decls[0]);
      const node: OurNode =
        member.node.kind === 'scalar' && member.node.construct !== 'xs:anyType' ? { ...member.node, construct: 'message element of a simple type' } : member.node;
      this.compareNodes(`${key}.${field.name}`, node, { kind: 'object', def });
      return;
    }

    const identity = wrapperElement && plan.wrapper ? `element ${qnameKey(wrapperElement)}` : message ? `message ${qnameKey(message.message)}` : key;
    const members = () => plan.fields.map((field, index) => this.ours.member(key, field, decls[index]));
    this.compareNodes(key, { kind: 'object', key, identity, members }, { kind: 'object', def });
  }

  /** Pairs an object of ours with a definition of theirs and compares their members. */
  private compareObjects(node: OurNode & { kind: 'object' }, def: Definition): void {
    if (!this.firstVisit(node.key, def)) return;
    this.pair(node.key, node.identity, def);
    if (node.plan) {
      const record = node.plan;
      if (record.choices.length > 0) {
        const alternatives = record.fields.filter((f) => f.choice).map((f) => `${f.choice!.group}.${f.choice!.branch}: ${f.name}`);
        this.differ(node.key, 'choice', `union of alternatives (${alternatives.join(', ')})`, 'every member on its own', { construct: 'xs:choice' });
      }
    }
    this.compareMembers(node.key, node.members(), def.properties);
  }

  /** False when this pair was compared already (types refer to each other, and to themselves). */
  private firstVisit(key: string, def: Definition): boolean {
    const visit = `${key}\u0000${this.theirs.definitions.indexOf(def)}`;
    if (this.visited.has(visit)) return false;
    this.visited.add(visit);
    return true;
  }

  private pair(key: string, identity: string, def: Definition): void {
    this.pairings.push({ ours: key, theirs: def.name });
    this.pairedOurs.add(key);
    const identities = this.pairedWith.get(def) ?? new Set<string>();
    identities.add(identity);
    this.pairedWith.set(def, identities);
  }

  private compareMembers(key: string, members: OurMember[], properties: DefinitionProperty[]): void {
    const theirsByName = new Map(properties.map((p) => [p.name, p]));
    const elements = members.filter((m) => m.kind === 'element');
    const oursByName = new Map(elements.map((m) => [m.name, m]));
    for (const member of members) {
      const where = `${member.owner}.${member.name}`;
      if (member.kind !== 'element') {
        const construct = member.kind === 'attribute' ? 'attribute' : member.kind === 'any' ? 'xs:any' : 'simpleContent';
        this.differ(where, 'only in ours', `${member.name}: ${member.node.kind === 'scalar' ? member.node.text : member.node.kind}`, `not in ${key}`, { construct });
        continue;
      }
      const property = theirsByName.get(member.name);
      if (!property) {
        const at = this.differ(where, 'only in ours', `${member.name}${member.repeated ? '[]' : ''}`, `not in ${key}`);
        this.stopOursNode(member.node, at);
        continue;
      }
      if (member.repeated !== (property.isArray ?? false)) {
        this.differ(where, 'repeated', String(member.repeated), String(property.isArray ?? false), { construct: member.repeatedBy });
      }
      this.compareNodes(where, member.node, theirNode(property));
    }
    for (const property of properties) {
      if (oursByName.has(property.name)) continue;
      const at = this.differ(`${key}.${property.name}`, 'only in theirs', `not in ${key}`, property.sourceName);
      if (property.kind === 'REFERENCE') this.stopTheirs(property.ref, at);
    }
    const oursOrder = elements.map((m) => m.name).filter((name) => theirsByName.has(name));
    const theirsOrder = properties.map((p) => p.name).filter((name) => oursByName.has(name));
    if (oursOrder.join() !== theirsOrder.join()) this.differ(key, 'order', oursOrder.join(', '), theirsOrder.join(', '));
  }

  private stopOursNode(node: OurNode, at: string): void {
    if (node.kind === 'object') this.stopOurs(node.plan, at);
    if (node.kind === 'collection' || node.kind === 'dictionary') this.stopOurs(node.plan, at);
  }

  /** Compares what one value holds; `where` names the member (or message) that holds it. */
  private compareNodes(where: string, ours: OurNode, theirs: TheirNode): void {
    switch (ours.kind) {
      case 'object': {
        if (theirs.kind === 'object') {
          this.compareObjects(ours, theirs.def);
          return;
        }
        const record = ours.plan;
        const construct = record?.text ? 'simpleContent' : ours.construct;
        const at = this.differ(where, 'kind', `object ${ours.key}`, describeTheirs(theirs), { construct });
        this.stopOurs(ours.plan, at);
        // what both sides still say about a simpleContent value: its text
        if (record?.text) this.compareNodes(`${where}.$value`, { kind: 'scalar', text: this.ours.resolve(record.text.type) }, theirs);
        return;
      }

      case 'collection': {
        const { plan } = ours;
        const item = plan.item;
        const def = this.ours.def(plan.id);
        const construct = def.kind === 'complex' && def.encodedArray ? 'SOAP-encoded array' : 'ArrayOf wrapper';
        const at = this.differ(nameOf(plan), 'collection', `${nameOf(plan)} = ${formatType(plan.type)}`, describeTheirs(theirs), { construct });
        if (theirs.kind !== 'object') {
          this.stopOurs(plan, at);
          return;
        }
        if (!this.firstVisit(nameOf(plan), theirs.def)) return;
        // their wrapper definition against the collection's item element, and on into the items
        this.pair(nameOf(plan), nameOf(plan), theirs.def);
        const [decl] = def.kind === 'complex' ? def.elements : [];
        this.compareMembers(nameOf(plan), [this.ours.member(nameOf(plan), item, decl)], theirs.def.properties);
        return;
      }

      case 'dictionary': {
        const { plan } = ours;
        const { entry, key, value } = plan;
        const at = this.differ(nameOf(plan), 'dictionary', `${nameOf(plan)} = ${formatType(plan.type)}`, describeTheirs(theirs), { construct: 'WCF dictionary' });
        if (theirs.kind !== 'object') {
          this.stopOurs(plan, at);
          return;
        }
        if (!this.firstVisit(nameOf(plan), theirs.def)) return;
        // their wrapper against the entry element, their entry against our key and value
        this.pair(nameOf(plan), nameOf(plan), theirs.def);
        const entryKey = `${nameOf(plan)} entry`;
        const entryNode: OurNode = {
          kind: 'object',
          key: entryKey,
          identity: entryKey,
          members: () => [this.ours.member(entryKey, key), this.ours.member(entryKey, value)],
        };
        this.compareMembers(nameOf(plan), [{ owner: nameOf(plan), name: entry.name, kind: 'element', repeated: true, node: entryNode }], theirs.def.properties);
        return;
      }

      case 'list': {
        const at = (ours.plan && nameOf(ours.plan)) ?? where;
        this.differ(at, 'kind', `xs:list ${ours.text}`, describeTheirs(theirs), { construct: 'xs:list' });
        if (theirs.kind === 'object') this.pair(at, at, theirs.def);
        return;
      }

      case 'scalar':
        if (theirs.kind === 'object') {
          const at = this.differ(where, 'kind', `scalar ${ours.text}`, describeTheirs(theirs), { construct: ours.construct });
          this.stopTheirs(theirs.def, at);
        } else if (ours.text !== theirs.property.type) {
          this.differ(where, 'scalar type', ours.text, describeScalar(theirs.property), { construct: ours.construct });
        }
        return;
    }
  }

  /** Every complex type of ours met some definition of theirs, and every definition of theirs one of ours. */
  private checkCounterparts(): void {
    const { group } = this.ours;
    const paired = group.types.filter((plan) => this.pairedOurs.has(nameOf(plan)));
    const bases = new Set<TypePlan>();
    for (const plan of paired) {
      for (let base = plan.shape === 'record' ? this.ours.baseOf(plan) : undefined; base; base = this.ours.baseOf(base)) bases.add(base);
    }
    const ourCauses = this.causes(this.ourStops, (plan) => this.ours.edges(plan));
    const reach = this.reach();
    for (const plan of group.types) {
      if (plan.shape === 'simple' || this.pairedOurs.has(nameOf(plan))) continue;
      const ours = `${plan.shape} ${nameOf(plan)}`;
      if (bases.has(plan)) this.differ(nameOf(plan), 'no counterpart', ours, 'no definition', { construct: 'extension base' });
      else if (ourCauses.has(plan)) this.differ(nameOf(plan), 'no counterpart', ours, 'no definition', { cause: ourCauses.get(plan) });
      else this.differ(nameOf(plan), 'no counterpart', ours, 'no definition', { construct: reach(plan) });
    }
    const theirCauses = this.causes(this.theirStops, (def) => def.properties.flatMap((p) => (p.kind === 'REFERENCE' ? [p.ref] : [])));
    for (const def of this.theirs.definitions) {
      const identities = this.pairedWith.get(def);
      if (!identities) this.differ(`theirs ${def.name}`, 'no counterpart', 'no type', describeDefinition(def), { cause: theirCauses.get(def) });
      else if (identities.size > 1) this.differ(`theirs ${def.name}`, 'kind', [...identities].join(' and '), 'one definition');
    }
  }

  /** For everything below a stop (and not paired itself), the difference the walk stopped at. */
  private causes<T>(stops: Map<T, string>, edges: (node: T) => T[]): Map<T, string> {
    const causes = new Map<T, string>();
    for (const [root, at] of stops) {
      const stack = [root];
      for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
        if (causes.has(node)) continue;
        causes.set(node, at);
        stack.push(...edges(node));
      }
    }
    return causes;
  }

  /** How our model reaches a complex type no walk reached: the classification of `no counterpart`. */
  private reach(): (plan: TypePlan) => Construct | undefined {
    const { group, model } = this.ours;
    const methods = this.ours.closure(group.agents.flatMap((agent) => agent.operations.flatMap((operation) => this.methodPlans(agent, operation))));
    const headerFields = group.agents.flatMap((agent) => [...agent.requestHeaders, ...agent.responseHeaders]);
    const headers = this.ours.closure(
      headerFields.flatMap((field): TypePlan[] => {
        const node = this.ours.node(field);
        return node.kind === 'object' && node.plan ? [node.plan] : node.kind === 'collection' || node.kind === 'dictionary' ? [node.plan] : [];
      }),
    );
    const operations = model.interfaces.flatMap((def) => def.operations);
    const faults = this.ours.closure(operations.flatMap((o) => o.faults.flatMap((f) => f.parts.flatMap((p) => this.ours.plansOfPart(p)))));
    const withMethod = new Set(group.agents.flatMap((agent) => agent.operations.map((operation) => `${agent.source} ${agent.service} ${operation.name}`)));
    const withoutMethod = this.ours.closure(
      model.interfaces.flatMap((def) =>
        def.operations
          .filter((operation) => !withMethod.has(`${def.source} ${def.name.local} ${operation.name}`))
          .flatMap((operation) => this.operationPlans(operation)),
      ),
    );
    return (plan) => {
      if (methods.has(plan)) return undefined; // reached by a method, yet not paired: left for review
      if (headers.has(plan)) return 'header';
      if (faults.has(plan)) return 'fault';
      if (withoutMethod.has(plan)) return 'no method';
      return 'unused';
    };
  }

  reached(): number {
    return this.pairedWith.size;
  }
}

export function compare({ model, group, theirs }: Sides): Comparison {
  const walk = new Walk(new OurSide(group, model), theirs);
  walk.run();
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
  const construct = difference.construct ? ` {${difference.construct}}` : '';
  const cause = difference.cause ? ` (below ${difference.cause})` : '';
  return `${keyOf(difference)}${construct}${detail}${cause}`;
}
