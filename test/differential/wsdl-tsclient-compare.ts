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
import { planGroup, type AgentPlan, type FieldPlan, type GroupPlan, type MessagePlan, type OperationPlan, type TypePlan } from '../../src/emit/plan.js';
import { builtin, typeUseOf } from '../../src/model/builtins.js';
import { flattenContent } from '../../src/model/content.js';
import {
  qnameKey,
  type Binding,
  type BindingOperation,
  type ComplexType,
  type ElementDecl,
  type Message,
  type MessagePart,
  type Operation,
  type QName,
  type SchemaType,
  type TypeUse,
  type WsdlDocument,
} from '../../src/model/model.js';
import { SchemaSet } from '../../src/model/schema-set.js';
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
  readonly document: WsdlDocument;
  readonly group: GroupPlan;
  readonly theirs: ParsedWsdl;
}

/** Reads the WSDL both ways: our loader and planner, and wsdl-tsclient's parser (no file output). */
export async function readBothWays(wsdlFile: string): Promise<Sides> {
  const document = loadWsdl(wsdlFile);
  const group = planGroup([document], (file) => path.basename(file));
  const theirs = await readTheirs(wsdlFile);
  return { document, group, theirs };
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
      readonly plan?: TypePlan;
      readonly members: () => OurMember[];
      /** Set when the object is a message part given by `type=`. */
      readonly construct?: Construct;
    }
  | { readonly kind: 'collection'; readonly plan: TypePlan }
  | { readonly kind: 'dictionary'; readonly plan: TypePlan }
  | { readonly kind: 'list'; readonly text: string; readonly plan?: TypePlan }
  | { readonly kind: 'scalar'; readonly text: string; readonly construct?: Construct };

/** What the schema says about one member element: its declaration and its effective maxOccurs. */
interface MemberDecl {
  readonly element: ElementDecl;
  readonly maxOccurs: number | 'unbounded';
  /** Set for a message part given by `type=`. */
  readonly partType?: QName;
}

class OurSide {
  private readonly byName = new Map<string, TypePlan>();
  private readonly bySource = new Map<SchemaType, TypePlan>();
  readonly schemas: SchemaSet;

  constructor(
    readonly group: GroupPlan,
    readonly document: WsdlDocument,
  ) {
    for (const plan of group.types) {
      this.byName.set(plan.name, plan);
      this.bySource.set(plan.source, plan);
    }
    this.schemas = new SchemaSet(document.schemas);
  }

  /** Effective members of a record: the base's first (as on the wire), then its own. */
  recordMembers(plan: TypePlan): OurMember[] {
    const record = this.group.record(plan);
    const inherited = record.base ? this.recordMembers(record.base) : [];
    const decls = this.flatDecls(plan.source);
    if (decls.length !== record.fields.length) throw new Error(`${plan.name}: ${record.fields.length} fields, ${decls.length} elements`);
    const own: OurMember[] = record.fields.map((field, index) => this.member(plan.name, field, decls[index]));
    for (const attribute of record.attributes) {
      own.push({ owner: plan.name, name: `@${attribute.name}`, kind: 'attribute', repeated: false, node: { kind: 'scalar', text: this.resolve(attribute.type.text) } });
    }
    if (record.text) own.push({ owner: plan.name, name: '$value', kind: 'text', repeated: false, node: { kind: 'scalar', text: this.resolve(record.text.type.text) } });
    if (record.any) own.push({ owner: plan.name, name: '$any', kind: 'any', repeated: false, node: { kind: 'scalar', text: 'unknown' } });
    return [...inherited, ...own];
  }

  /** The element declarations of a complex type's own content, in the order of its FieldPlans. */
  private flatDecls(type: SchemaType): MemberDecl[] {
    if (type.kind !== 'complex') return [];
    return flattenContent(type, this.schemas).elements.map((flat) => ({ element: flat.element, maxOccurs: flat.maxOccurs }));
  }

  member(owner: string, field: FieldPlan, decl?: MemberDecl): OurMember {
    const node = this.node(field, decl);
    return {
      owner,
      name: field.name,
      kind: 'element',
      repeated: field.repeated,
      repeatedBy: field.repeated && decl ? this.repeatedBy(decl) : undefined,
      node: node.kind === 'object' && decl?.partType ? { ...node, construct: 'complex type= part' } : node,
    };
  }

  private repeatedBy(decl: MemberDecl): Construct {
    if (decl.maxOccurs !== decl.element.maxOccurs) return 'repeating group';
    return decl.element.ref ? 'element ref' : 'element';
  }

  objectNode(plan: TypePlan): OurNode {
    return { kind: 'object', key: plan.name, identity: plan.name, plan, members: () => this.recordMembers(plan) };
  }

  /** What one value of a member is, read off the member's descriptor and TypeScript type. */
  node(field: FieldPlan, decl?: MemberDecl): OurNode {
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
    return { kind: 'scalar', text: this.resolve(text), construct: decl && this.scalarConstruct(decl) };
  }

  /** The built-in or simple type a scalar member has, as a construct. */
  private scalarConstruct(decl: MemberDecl): Construct | undefined {
    if (decl.partType) return this.useConstruct(typeUseOf(decl.partType));
    const element = decl.element.ref ? this.schemas.resolveElement(decl.element) : decl.element;
    return element.type && this.useConstruct(element.type);
  }

  private useConstruct(given: TypeUse, depth = 0): Construct | undefined {
    if (depth > 8) return undefined;
    switch (given.kind) {
      case 'builtin':
        return `xs:${given.name}`;
      case 'named': {
        const type = this.schemas.findType(given.name);
        if (!type) {
          // a reference to an element used as a type: its type is meant (the planner warns)
          const element = this.findElement(given.name);
          return element?.type && this.useConstruct(element.type, depth + 1);
        }
        if (type.kind !== 'simple') return undefined;
        if (type.enumeration) return 'enumeration';
        return builtin(given.name.local) ? 'named simple type with a built-in name' : 'named simple type';
      }
      case 'inline':
        if (given.type.kind !== 'simple') return undefined;
        return given.type.enumeration ? 'enumeration' : 'inline simple type';
    }
  }

  /** The TypeScript type of one item of a member: without the `[]` of repetition and the `| null` of nillable. */
  private itemText(field: FieldPlan): string {
    let text = field.type.text;
    if (field.repeated) text = text.replace(/\[\]$/, '').replace(/^\((.*)\)$/, '$1');
    if (field.nillable) text = text.replace(/ \| null$/, '');
    return text;
  }

  /** Follows simple type aliases (`char` → `number`) down to what TypeScript sees. */
  resolve(text: string): string {
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

  planOf(type: SchemaType): TypePlan | undefined {
    return this.bySource.get(type);
  }

  /** The planned complex type a type use names (an element's or a part's), if any. */
  planOfUse(use: TypeUse | undefined): TypePlan | undefined {
    if (!use) return undefined;
    if (use.kind === 'inline') return this.planOf(use.type);
    if (use.kind === 'named') {
      const type = this.schemas.findType(use.name);
      return type ? this.planOf(type) : undefined;
    }
    return undefined;
  }

  /**
   * The planned complex types a type use holds: its own plan, or — for a type nothing planned
   * (the anonymous type of an element no method sends) — the plans of its members' types.
   */
  plansOfUse(use: TypeUse | undefined, seen = new Set<SchemaType>()): TypePlan[] {
    if (!use || use.kind === 'builtin') return [];
    const type = use.kind === 'inline' ? use.type : this.schemas.findType(use.name);
    // a reference to an element used as a type: its type is meant (the planner warns)
    if (!type) return use.kind === 'named' ? this.plansOfUse(this.findElement(use.name)?.type, seen) : [];
    if (seen.has(type)) return [];
    seen.add(type);
    const plan = this.planOf(type);
    if (plan) return [plan];
    if (type.kind !== 'complex') return [];
    return flattenContent(type, this.schemas).elements.flatMap((flat) => this.plansOfUse(this.schemas.resolveElement(flat.element).type, seen));
  }

  /** The planned types a message part holds: its element's type, or its own type. */
  plansOfPart(part: MessagePart): TypePlan[] {
    if (part.type) return this.plansOfUse(typeUseOf(part.type));
    return this.plansOfUse(this.findElement(part.element!)?.type);
  }

  findElement(name: QName): ElementDecl | undefined {
    return this.document.schemas.flatMap((s) => s.elements).find((e) => e.ns === name.ns && e.name === name.local);
  }

  /** Complex types a type's values contain: its base, its members' types, its items and values. */
  edges(plan: TypePlan): TypePlan[] {
    const fieldPlan = (field: FieldPlan) => {
      const complex = /^\(\) => (\w+)\$$/.exec(field.descriptor);
      return complex ? [this.plan(complex[1])] : [];
    };
    switch (plan.shape) {
      case 'record': {
        const record = this.group.record(plan);
        return [...(record.base ? [record.base] : []), ...record.fields.flatMap(fieldPlan)];
      }
      case 'array':
        return fieldPlan(this.group.arrayItem(plan));
      case 'dictionary': {
        const { key, value } = this.group.dictionary(plan);
        return [...fieldPlan(key), ...fieldPlan(value)];
      }
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

  // -------------------------------------------------------------------------------------------
  // The WSDL side of our model: what the planner looked up, looked up the same way

  /** A WSDL definition by qualified name; failing that, the only one with that local name (as the planner does). */
  byQName<T extends { name: QName }>(list: readonly T[], name: QName): T | undefined {
    const exact = list.find((item) => qnameKey(item.name) === qnameKey(name));
    if (exact) return exact;
    const byLocal = list.filter((item) => item.name.local === name.local);
    return byLocal.length === 1 ? byLocal[0] : undefined;
  }

  message(name: QName | undefined): Message | undefined {
    return name && this.byQName(this.document.messages, name);
  }

  /** The binding the agent speaks: the first port's whose binding is for its portType, else the first such binding. */
  bindingOf(agent: AgentPlan): Binding | undefined {
    const isOurs = (binding: Binding) =>
      binding.soapVersion !== undefined && this.byQName(this.document.portTypes, binding.portType) === agent.portType;
    for (const port of this.document.services.flatMap((s) => s.ports)) {
      const binding = this.byQName(this.document.bindings, port.binding);
      if (binding && isOurs(binding)) return binding;
    }
    return this.document.bindings.find(isOurs);
  }

  /** The parts of a message that travel in the body (not bound as soap:header, and named by soap:body parts). */
  bodyParts(message: Message, bound: BindingOperation['input']): MessagePart[] {
    const headerParts = new Set((bound?.headers ?? []).filter((h) => this.message(h.message) === message).map((h) => h.part));
    return message.parts.filter((part) => !headerParts.has(part.name) && (!bound?.bodyParts || bound.bodyParts.includes(part.name)));
  }

  /**
   * The element declarations behind a message's FieldPlans: the wrapper element's content (its
   * type's base chain first), or one per body part.
   */
  messageDecls(message: Message | undefined, plan: MessagePlan, bound: BindingOperation['input'], rpc: boolean): (MemberDecl | undefined)[] {
    if (!message) return plan.fields.map(() => undefined);
    const parts = this.bodyParts(message, bound);
    if (!rpc && plan.wrapper && parts.length === 1 && parts[0].element) {
      const element = this.findElement(parts[0].element);
      const use = element?.type;
      const type = use?.kind === 'inline' ? use.type : use?.kind === 'named' ? this.schemas.findType(use.name) : undefined;
      if (type?.kind !== 'complex') return plan.fields.map(() => undefined);
      const chain: ComplexType[] = [...this.schemas.baseChain(type), type];
      const decls = chain.flatMap((t) => this.flatDecls(t));
      return decls.length === plan.fields.length ? decls : plan.fields.map(() => undefined);
    }
    if (parts.length !== plan.fields.length) return plan.fields.map(() => undefined);
    return parts.map((part): MemberDecl | undefined => {
      if (part.element) {
        const element = this.findElement(part.element);
        return element && { element, maxOccurs: element.maxOccurs };
      }
      const synthetic: ElementDecl = { name: part.name, ns: '', minOccurs: 1, maxOccurs: 1, nillable: false, loc: part.loc, type: typeUseOf(part.type!) };
      return { element: synthetic, maxOccurs: 1, partType: part.type };
    });
  }
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
    const { document, group } = this.ours;
    const seenAgents = new Set<string>();
    const compared = new Set<string>();
    for (const port of this.theirs.ports) {
      const ourPort = document.services.flatMap((s) => s.ports).find((p) => p.name === port.sourceName);
      const binding = ourPort && this.ours.byQName(document.bindings, ourPort.binding);
      const portType = binding && this.ours.byQName(document.portTypes, binding.portType);
      const agent = portType && group.agents.find((a) => a.portType === portType);
      if (!agent || !binding) {
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
        if (!operation) {
          const modelOperation = portType.operations.find((o) => o.name === method.name);
          const construct = modelOperation && !modelOperation.input ? 'output-only operation' : undefined;
          const at = this.differ(where, 'operation', 'absent', 'present', { construct });
          this.stopTheirs(method.paramDefinition, at);
          this.stopTheirs(method.returnDefinition, at);
          if (modelOperation) for (const plan of this.operationPlans(modelOperation)) this.stopOurs(plan, at);
          continue;
        }
        if (!compared.has(where)) this.operations.push(where);
        compared.add(where);
        const bound = binding.operations.find((o) => o.name === operation.name);
        const modelOperation = portType.operations.find((o) => o.name === operation.name);
        const rpc = bound?.style === 'rpc';
        this.compareMessage(`${operation.name} input`, operation.input, this.ours.message(modelOperation?.input), bound?.input, rpc, method.paramDefinition);
        const output = `${operation.name} output`;
        if (operation.output) {
          this.compareMessage(output, operation.output, this.ours.message(modelOperation?.output), bound?.output, rpc, method.returnDefinition);
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
    const { document } = this.ours;
    if (agent.portType.loc.file !== document.file) return 'imported WSDL';
    const binding = this.ours.bindingOf(agent);
    const ports = document.services.flatMap((s) => s.ports);
    if (binding && !ports.some((p) => this.ours.byQName(document.bindings, p.binding) === binding)) return 'no wsdl:port';
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
    const modelOperation = agent.portType.operations.find((o) => o.name === operation.name);
    return [...plans, ...(modelOperation ? this.operationPlans(modelOperation) : [])];
  }

  /** The complex types a portType operation's messages hold (for operations we make no method of). */
  private operationPlans(operation: Operation): TypePlan[] {
    const messages = [operation.input, operation.output].map((name) => this.ours.message(name));
    return messages.flatMap((message) => (message ? message.parts.flatMap((part) => this.ours.plansOfPart(part)) : []));
  }

  private compareMessage(
    key: string,
    plan: MessagePlan,
    message: Message | undefined,
    bound: BindingOperation['input'],
    rpc: boolean,
    def: Definition | null,
  ): void {
    const decls = this.ours.messageDecls(message, plan, bound, rpc);
    const parts = message ? this.ours.bodyParts(message, bound) : [];
    const wrapperElement = !rpc && parts.length === 1 ? parts[0].element : undefined;

    // a wrapper element's named type is the type of the whole message: paired with it
    const wrapperDecl = wrapperElement && this.ours.findElement(wrapperElement);
    const wrapperPlan = plan.wrapper && !rpc ? this.ours.planOfUse(wrapperDecl?.type) : undefined;
    if (wrapperPlan) this.pairedOurs.add(wrapperPlan.name);

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
      const [field] = plan.fields;
      const member = this.ours.member(key, field, decls[0]);
      const node: OurNode =
        member.node.kind === 'scalar' && member.node.construct !== 'xs:anyType' ? { ...member.node, construct: 'message element of a simple type' } : member.node;
      this.compareNodes(`${key}.${field.name}`, node, { kind: 'object', def });
      return;
    }

    const identity = wrapperElement && plan.wrapper ? `element ${qnameKey(wrapperElement)}` : message ? `message ${qnameKey(message.name)}` : key;
    const members = () => plan.fields.map((field, index) => this.ours.member(key, field, decls[index]));
    this.compareNodes(key, { kind: 'object', key, identity, members }, { kind: 'object', def });
  }

  /** Pairs an object of ours with a definition of theirs and compares their members. */
  private compareObjects(node: OurNode & { kind: 'object' }, def: Definition): void {
    if (!this.firstVisit(node.key, def)) return;
    this.pair(node.key, node.identity, def);
    if (node.plan) {
      const record = this.ours.group.record(node.plan);
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
        const record = ours.plan && this.ours.group.record(ours.plan);
        const construct = record?.text ? 'simpleContent' : ours.construct;
        const at = this.differ(where, 'kind', `object ${ours.key}`, describeTheirs(theirs), { construct });
        this.stopOurs(ours.plan, at);
        // what both sides still say about a simpleContent value: its text
        if (record?.text) this.compareNodes(`${where}.$value`, { kind: 'scalar', text: this.ours.resolve(record.text.type.text) }, theirs);
        return;
      }

      case 'collection': {
        const { plan } = ours;
        const item = this.ours.group.arrayItem(plan);
        const construct = plan.source.kind === 'complex' && plan.source.encodedArray ? 'SOAP-encoded array' : 'ArrayOf wrapper';
        const at = this.differ(plan.name, 'collection', `${plan.name} = ${this.ours.group.alias(plan).text}`, describeTheirs(theirs), { construct });
        if (theirs.kind !== 'object') {
          this.stopOurs(plan, at);
          return;
        }
        if (!this.firstVisit(plan.name, theirs.def)) return;
        // their wrapper definition against the collection's item element, and on into the items
        this.pair(plan.name, plan.name, theirs.def);
        const [decl] = plan.source.kind === 'complex' ? flattenContent(plan.source, this.ours.schemas).elements : [];
        this.compareMembers(plan.name, [this.ours.member(plan.name, item, decl && { element: decl.element, maxOccurs: decl.maxOccurs })], theirs.def.properties);
        return;
      }

      case 'dictionary': {
        const { plan } = ours;
        const { entry, key, value } = this.ours.group.dictionary(plan);
        const at = this.differ(plan.name, 'dictionary', `${plan.name} = ${this.ours.group.alias(plan).text}`, describeTheirs(theirs), { construct: 'WCF dictionary' });
        if (theirs.kind !== 'object') {
          this.stopOurs(plan, at);
          return;
        }
        if (!this.firstVisit(plan.name, theirs.def)) return;
        // their wrapper against the entry element, their entry against our key and value
        this.pair(plan.name, plan.name, theirs.def);
        const entryKey = `${plan.name} entry`;
        const entryNode: OurNode = {
          kind: 'object',
          key: entryKey,
          identity: entryKey,
          members: () => [this.ours.member(entryKey, key), this.ours.member(entryKey, value)],
        };
        this.compareMembers(plan.name, [{ owner: plan.name, name: entry.name, kind: 'element', repeated: true, node: entryNode }], theirs.def.properties);
        return;
      }

      case 'list': {
        const at = ours.plan?.name ?? where;
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
    const paired = group.types.filter((plan) => this.pairedOurs.has(plan.name));
    const bases = new Set<TypePlan>();
    for (const plan of paired) {
      for (let base = plan.shape === 'record' ? group.record(plan).base : undefined; base; base = group.record(base).base) bases.add(base);
    }
    const ourCauses = this.causes(this.ourStops, (plan) => this.ours.edges(plan));
    const reach = this.reach();
    for (const plan of group.types) {
      if (plan.shape === 'simple' || this.pairedOurs.has(plan.name)) continue;
      const ours = `${plan.shape} ${plan.name}`;
      if (bases.has(plan)) this.differ(plan.name, 'no counterpart', ours, 'no definition', { construct: 'extension base' });
      else if (ourCauses.has(plan)) this.differ(plan.name, 'no counterpart', ours, 'no definition', { cause: ourCauses.get(plan) });
      else this.differ(plan.name, 'no counterpart', ours, 'no definition', { construct: reach(plan) });
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
    const { group, document } = this.ours;
    const methods = this.ours.closure(group.agents.flatMap((agent) => agent.operations.flatMap((operation) => this.methodPlans(agent, operation))));
    const headerFields = group.agents.flatMap((agent) => [...agent.requestHeaders, ...agent.responseHeaders]);
    const headers = this.ours.closure(
      headerFields.flatMap((field) => {
        const node = this.ours.node(field);
        return node.kind === 'object' && node.plan ? [node.plan] : node.kind === 'collection' || node.kind === 'dictionary' ? [node.plan] : [];
      }),
    );
    const operations = document.portTypes.flatMap((portType) => portType.operations);
    const partsOf = (name: QName | undefined) => this.ours.message(name)?.parts ?? [];
    const faults = this.ours.closure(operations.flatMap((o) => o.faults.flatMap((f) => partsOf(f.message).flatMap((p) => this.ours.plansOfPart(p)))));
    const withMethod = new Set(group.agents.flatMap((agent) => agent.operations.map((operation) => `${qnameKey(agent.portType.name)} ${operation.name}`)));
    const withoutMethod = this.ours.closure(
      document.portTypes.flatMap((portType) =>
        portType.operations
          .filter((operation) => !withMethod.has(`${qnameKey(portType.name)} ${operation.name}`))
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

export function compare({ document, group, theirs }: Sides): Comparison {
  const walk = new Walk(new OurSide(group, document), theirs);
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
