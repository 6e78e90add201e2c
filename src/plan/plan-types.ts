/**
 * Type planning: each model type a folder needs becomes a TypeScript declaration of some shape
 * (record, WCF collection, dictionary or simple) in its namespace's module, with its members.
 */
import { WsdlError, type Warning } from '../errors.js';
import { builtin, type BuiltinTsType, type ScalarKind } from '../model/builtins.js';
import type { ComplexTypeDef, MemberDef, ServiceModel, SimpleTypeDef, SourceLocation, TypeDef, TypeRef } from '../model/model.js';
import { UniqueNames, typeName, identifier } from './names.js';
import { assignNames, moduleNames, type NameRequest } from './naming.js';
import {
  ANY_PROPERTY,
  RUNTIME_EXPORTS,
  TEXT_PROPERTY,
  type AttributePlan,
  type DescriptorRef,
  type FieldPlan,
  type ModulePlan,
  type RecordTypePlan,
  type RuntimeScalar,
  type TypePlan,
} from './plan.js';
import type { CodeOptions } from './options.js';
import { arrayOf, builtinType, nullable, recordOf, ref, STRING, union, type TsType } from './ts-type.js';

type Shape = TypePlan['shape'];

/** A member element as the planner needs it: a record's member, a wrapper's child or a part. */
export interface MemberLike {
  readonly name: string;
  readonly ns: string;
  readonly type: TypeRef;
  readonly minOccurs: number;
  readonly maxOccurs: number | 'unbounded';
  readonly nillable: boolean;
  readonly documentation?: string;
  readonly choice?: { readonly group: number; readonly branch: number };
  readonly loc?: SourceLocation;
}

interface RecordProps {
  readonly fields: readonly string[];
  readonly kept: readonly AttributePlan[];
  readonly attributes: readonly string[];
  /** Every property of the record, its bases' included. */
  readonly all: readonly string[];
}

export class TypePlanner {
  readonly modules: ModulePlan[];
  private readonly moduleOf = new Map<string, ModulePlan>();
  private readonly defs = new Map<string, TypeDef>();
  private readonly names: Map<string, string>;
  private readonly descriptorNames = new Map<string, string>();
  readonly sharedNames: Set<string>;
  private readonly plans = new Map<string, TypePlan>();
  /** Types being planned: a collection met again inside itself is referred to by name. */
  private readonly inProgress = new Set<string>();
  readonly warnings: Warning[] = [];
  private readonly warned = new Set<string>();

  constructor(
    private readonly model: ServiceModel,
    agentNames: readonly string[],
    private readonly options: CodeOptions = {},
  ) {
    for (const def of model.types) this.defs.set(def.id, def);
    const namespaces = [...new Set(model.types.map((def) => def.ns))].sort();
    const names = moduleNames(namespaces);
    this.modules = namespaces
      .map((ns) => ({ ns, name: names.get(ns)!, file: `types/${names.get(ns)!}.ts` }))
      .sort((a, b) => compare(a.name, b.name));
    for (const module of this.modules) this.moduleOf.set(module.ns, module);
    this.names = this.typeNames();
    // names several modules declare (or an agent's module too) are qualified where they meet
    const declaredBy = new Map<string, Set<string>>();
    for (const def of model.types) {
      const name = this.names.get(def.id)!;
      const files = declaredBy.get(name) ?? new Set<string>();
      files.add(def.ns);
      declaredBy.set(name, files);
    }
    const agentNameSet = new Set(agentNames);
    this.sharedNames = new Set([...declaredBy].filter(([name, modules]) => modules.size > 1 || agentNameSet.has(name)).map(([name]) => name));
    for (const def of model.types) {
      const name = this.names.get(def.id)!;
      const qualified = this.sharedNames.has(name) ? `${this.moduleOf.get(def.ns)!.name}_${name}` : name;
      this.descriptorNames.set(def.id, qualified);
    }
  }

  /**
   * Type names, per module: a named type is named after itself, an anonymous one after where it
   * is declared (`PersonAddress`); named types win over anonymous ones. Every type of the module
   * takes part, used or not, so what a change makes used or unused renames nothing.
   */
  private typeNames(): Map<string, string> {
    const byModule = new Map<string, NameRequest[]>();
    for (const def of this.model.types) {
      const requests = byModule.get(def.ns) ?? [];
      // the prefix and suffix users choose go around the name the type would have
      const affixed = (name: string) => typeName(`${this.options.typePrefix ?? ''}${name}${this.options.typeSuffix ?? ''}`);
      if (def.name) requests.push({ key: def.id, candidates: [affixed(def.name.local)], rank: 0 });
      else {
        const { owner, path } = def.anonymous!;
        const steps = path.map((step) => identifier(step.replace(/^[@#]/, '').replace(/\[(\d+)\]$/, '$1')));
        requests.push({ key: def.id, candidates: [affixed(owner.name.local + steps.join('')), affixed([owner.name.local, ...steps].join('_'))], rank: 1 });
      }
      byModule.set(def.ns, requests);
    }
    const names = new Map<string, string>();
    const reserved = new Set(RUNTIME_EXPORTS);
    for (const requests of byModule.values()) for (const [key, name] of assignNames(requests, reserved)) names.set(key, name);
    return names;
  }

  warn(message: string, loc?: Warning['loc']): void {
    const key = `${message}@${loc?.file}:${loc?.line}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push(loc ? { message, loc } : { message });
  }

  def(id: string): TypeDef {
    return this.defs.get(id)!;
  }

  /** Every type planned so far, by name (then module). */
  planned(): TypePlan[] {
    return [...this.plans.values()].sort((a, b) => compare(a.name, b.name) || compare(a.file, b.file));
  }

  /** Plans every named type, whether an agent uses it or not. */
  planNamedTypes(): void {
    for (const def of [...this.model.types].sort((a, b) => compare(a.id, b.id))) if (def.name) this.plan(def);
  }

  plan(def: TypeDef): TypePlan {
    const existing = this.plans.get(def.id);
    if (existing) return existing;
    this.inProgress.add(def.id);
    const plan = this.describe(def);
    this.inProgress.delete(def.id);
    this.plans.set(def.id, plan);
    return plan;
  }

  private common(def: TypeDef) {
    return {
      id: def.id,
      name: this.names.get(def.id)!,
      file: this.moduleOf.get(def.ns)!.file,
      descriptor: this.descriptorNames.get(def.id)!,
      xmlName: def.name?.local,
      documentation: def.documentation,
      loc: def.loc,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Shapes

  shapeOf(def: TypeDef): Shape {
    if (def.kind === 'simple') return 'simple';
    if (this.dictionaryParts(def)) return 'dictionary';
    if (this.isArrayWrapper(def)) return 'array';
    return 'record';
  }

  /** Nothing but elements: no base, text, attributes, wildcards or choices. */
  private isPlainSequence(def: ComplexTypeDef): boolean {
    return (
      !def.base &&
      !def.text &&
      !def.mixed &&
      def.attributes.length === 0 &&
      !def.anyElement &&
      !def.anyAttribute &&
      def.choices.length === 0
    );
  }

  /** WCF collection types (`ArrayOfX`) and SOAP-encoded arrays: one repeated element, nothing else. */
  private isArrayWrapper(def: ComplexTypeDef): boolean {
    const [item, ...more] = def.elements;
    return (
      ((def.name?.local.startsWith('ArrayOf') ?? false) || def.encodedArray) &&
      this.isPlainSequence(def) &&
      item !== undefined &&
      more.length === 0 &&
      repeats(item.maxOccurs)
    );
  }

  /** WCF dictionaries: IsDictionary, one repeated entry element of exactly a key and a value. */
  private dictionaryParts(def: ComplexTypeDef): { entry: MemberDef; key: MemberDef; value: MemberDef } | undefined {
    if (!def.isDictionary || !this.isPlainSequence(def) || def.elements.length !== 1) return undefined;
    const entry = def.elements[0]!;
    if (entry.maxOccurs === 1 || entry.type.kind !== 'type') return undefined;
    const entryType = this.def(entry.type.id);
    if (entryType.kind !== 'complex' || !this.isPlainSequence(entryType) || entryType.elements.length !== 2) return undefined;
    const [key, value] = entryType.elements as [MemberDef, MemberDef];
    return { entry, key, value };
  }

  private describe(def: TypeDef): TypePlan {
    const common = this.common(def);
    if (def.kind === 'simple') {
      const listItem = def.variety === 'list' && def.itemType?.kind === 'type' ? this.def(def.itemType.id) : undefined;
      const enumerated = listItem?.kind === 'simple' && listItem.anonymous ? listItem : def;
      return {
        shape: 'simple',
        ...common,
        type: this.simpleTsType(def),
        enumeration:
          enumerated.variety === 'atomic' && enumerated.enumeration
            ? { members: this.enumerationMembers(enumerated), list: enumerated !== def }
            : undefined,
        facets: def.facets,
        list: def.variety === 'list',
      };
    }
    const dictionary = this.dictionaryParts(def);
    if (dictionary) {
      const key = this.field(dictionary.key);
      const value = this.field(dictionary.value);
      return {
        shape: 'dictionary',
        ...common,
        entry: { name: dictionary.entry.name, ns: dictionary.entry.ns },
        key,
        value,
        type: recordOf(value.type),
      };
    }
    if (this.isArrayWrapper(def)) {
      const item = this.field(def.elements[0]!);
      return { shape: 'array', ...common, item, type: item.type };
    }
    return this.record(def, common);
  }

  private record(def: ComplexTypeDef, common: ReturnType<TypePlanner['common']>): RecordTypePlan {
    for (const approximation of def.approximations) this.warn(`${common.name}: ${approximation.message}`, approximation.loc);
    if (def.mixed && !def.text) this.warn(`${common.name} has mixed content; the text between its elements is not kept`, def.loc);
    const baseId = inheritedBase(def);
    const base = baseId === undefined ? undefined : this.def(baseId);
    if (base && this.shapeOf(base) !== 'record') {
      throw new WsdlError(`${common.name} extends ${this.names.get(base.id)!}, a collection type, which is not supported`, def.loc);
    }
    const props = this.props(def);
    for (const attribute of def.attributes) {
      const prop = props.attributes[def.attributes.indexOf(attribute)]!;
      if (prop !== attribute.name) this.warn(`attribute "${attribute.name}" shares its name with a member; it is the property "${prop}"`, attribute.loc);
    }
    const text = def.text && this.value(def.text);
    return {
      shape: 'record',
      ...common,
      base: base && { type: this.namedRef(this.common(base)), descriptor: this.descriptorNames.get(base.id)! },
      fields: def.elements.map((member, index) => this.field(member, props.fields[index])),
      attributes: this.allAttributes(def).slice(base ? this.allAttributes(base).length : 0),
      text: text && { type: text.type, descriptor: text.descriptor },
      any: def.anyElement,
      choices: def.choices,
      alias: this.isChoiceAlias(def),
    };
  }

  /** A record with a choice, or extending one: printed as a type alias (an intersection). */
  private isChoiceAlias(def: ComplexTypeDef): boolean {
    const baseId = inheritedBase(def);
    const base = baseId === undefined ? undefined : this.def(baseId);
    return def.choices.length > 0 || (base?.kind === 'complex' && this.isChoiceAlias(base));
  }

  private readonly propsCache = new Map<string, RecordProps>();

  /**
   * Property names of a record's own members, clear of what its bases use: elements first, then
   * attributes kept from a restricted base, then its own attributes. A function of the record and
   * its bases' member names only.
   */
  private props(def: ComplexTypeDef): RecordProps {
    const cached = this.propsCache.get(def.id);
    if (cached) return cached;
    const baseId = inheritedBase(def);
    const base = baseId === undefined ? undefined : this.def(baseId);
    const inherited = base?.kind === 'complex' ? this.props(base).all : [];
    const names = new UniqueNames([TEXT_PROPERTY, ANY_PROPERTY, ...inherited]);
    const fields = def.elements.map((member) => names.claim(member.name));
    // A restriction restates its elements but keeps every attribute of its base it does not
    // restate or prohibit (XML Schema 1.0, Structures 3.4.2).
    const restated = new Set([...def.attributes.map((a) => a.name), ...def.prohibitedAttributes]);
    const restricted = def.derivation === 'restriction' && def.base !== undefined ? this.def(def.base) : undefined;
    const kept = (restricted?.kind === 'complex' && this.shapeOf(restricted) === 'record' ? this.allAttributes(restricted) : [])
      .filter((attribute) => !restated.has(attribute.name))
      .map((attribute) => ({ ...attribute, prop: names.claim(attribute.prop) }));
    const attributes = def.attributes.map((attribute) => names.claim(attribute.name));
    const result = { fields, kept, attributes, all: [...inherited, ...fields, ...kept.map((a) => a.prop), ...attributes] };
    this.propsCache.set(def.id, result);
    return result;
  }

  /** A record's attributes, its bases' included, base first. */
  private allAttributes(def: TypeDef): AttributePlan[] {
    if (def.kind !== 'complex') return [];
    const baseId = inheritedBase(def);
    const props = this.props(def);
    const own = def.attributes.map((attribute, index): AttributePlan => {
      const value = this.value(attribute.type);
      return {
        name: attribute.name,
        ns: attribute.ns,
        prop: props.attributes[index]!,
        type: value.type,
        descriptor: value.descriptor,
        optional: !attribute.required,
        documentation: attribute.documentation,
        loc: attribute.loc,
      };
    });
    return [...(baseId === undefined ? [] : this.allAttributes(this.def(baseId))), ...props.kept, ...own];
  }

  /** A member element: its full TypeScript type (`| null`, `[]`) and its descriptor. */
  field(member: MemberLike, prop = member.name, occurs?: { minOccurs: number; maxOccurs: number | 'unbounded' }): FieldPlan {
    const value = this.value(member.type);
    const maxOccurs = occurs?.maxOccurs ?? member.maxOccurs;
    const repeated = maxOccurs !== 1;
    const itemType = member.nillable ? nullable(value.type) : value.type;
    if (prop !== member.name) this.warn(`two members are named "${member.name}"; the second is the property "${prop}"`, member.loc);
    return {
      name: member.name,
      ns: member.ns,
      prop,
      type: repeated ? arrayOf(itemType) : itemType,
      descriptor: value.descriptor,
      optional: (occurs?.minOccurs ?? member.minOccurs) === 0,
      repeated,
      nillable: member.nillable,
      documentation: member.documentation,
      choice: member.choice,
      schemaType: member.type.kind === 'builtin' ? `xs:${member.type.name}` : this.def(member.type.id).name?.local,
      loc: member.loc,
    };
  }

  /** The TypeScript type and descriptor of one value of a type. */
  value(reference: TypeRef): { type: TsType; descriptor: DescriptorRef } {
    if (reference.kind === 'builtin') {
      const found = builtin(reference.name)!;
      const { type, scalar } = this.carrier(found.scalar, found.tsType);
      return found.list ? { type: arrayOf(type), descriptor: { kind: 'list', item: scalar } } : { type, descriptor: { kind: 'scalar', scalar } };
    }
    const def = this.def(reference.id);
    if (def.kind === 'simple') {
      const type = def.name ? this.namedRef(this.plan(def)) : this.simpleTsType(def);
      return { type, descriptor: this.simpleDescriptor(def) };
    }
    const descriptor: DescriptorRef = { kind: 'type', descriptor: this.descriptorNames.get(def.id)! };
    if (this.inProgress.has(def.id)) return { type: this.namedRef(this.common(def)), descriptor };
    const plan = this.plan(def);
    // collections read best spelled out (`WebAppUsage[]`)
    return { type: plan.shape === 'array' || plan.shape === 'dictionary' ? plan.type : this.namedRef(plan), descriptor };
  }

  private namedRef(plan: { name: string; file: string }): TsType {
    return ref(plan.name, plan.file);
  }

  // -------------------------------------------------------------------------------------------
  // Simple types

  private simpleTsType(def: SimpleTypeDef): TsType {
    switch (def.variety) {
      case 'atomic':
        if (def.enumeration) return union(this.enumerationMembers(def).map((value) => ({ kind: 'literal', value })));
        return this.simpleUse(def.base!);
      case 'list':
        return arrayOf(this.simpleUse(def.itemType!));
      case 'union':
        return union(def.memberTypes!.map((member) => this.simpleUse(member)));
    }
  }

  /**
   * How values of a scalar are carried at run time and typed, as the options say: xs:dateTime as
   * `Date` or an ISO string, integers beyond 2^53 (xs:long and kin) as `number`, `bigint` or a
   * decimal string.
   */
  private carrier(scalar: ScalarKind, tsType: BuiltinTsType): { type: TsType; scalar: RuntimeScalar } {
    if (scalar === 'dateTime' && this.options.dates === 'string') return { type: STRING, scalar: 'dateTimeString' };
    if (scalar === 'bigInteger') {
      if (this.options.int64 === 'bigint') return { type: builtinType('bigint'), scalar: 'bigint' };
      if (this.options.int64 === 'string') return { type: STRING, scalar: 'integerString' };
      return { type: builtinType(tsType), scalar: 'integer' };
    }
    return { type: builtinType(tsType), scalar };
  }

  /** Literal members of an enumeration: numbers for numeric bases (carried as numbers), strings otherwise. */
  private enumerationMembers(def: SimpleTypeDef): (string | number)[] {
    const carried = this.carrier(def.scalar, 'number').scalar;
    const numeric = carried === 'integer' || carried === 'decimal' || carried === 'double';
    const members = def.enumeration!.map((value) => (numeric && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value));
    return [...new Set(members)];
  }

  private simpleUse(reference: TypeRef): TsType {
    if (reference.kind === 'builtin') {
      const found = builtin(reference.name)!;
      const { type } = this.carrier(found.scalar, found.tsType);
      return found.list ? arrayOf(type) : type;
    }
    const def = this.def(reference.id) as SimpleTypeDef;
    return def.name ? this.namedRef(this.plan(def)) : this.simpleTsType(def);
  }

  private simpleDescriptor(def: SimpleTypeDef): DescriptorRef {
    const scalar = this.carrier(def.scalar, 'number').scalar;
    if (def.variety === 'list' || def.builtinList) return { kind: 'list', item: def.builtinList ? 'string' : scalar };
    return { kind: 'scalar', scalar };
  }
}

/** The base a record inherits members from: an extension's (a restriction restates its content). */
function inheritedBase(def: ComplexTypeDef): string | undefined {
  return def.derivation !== 'restriction' ? def.base : undefined;
}

function repeats(maxOccurs: number | 'unbounded'): boolean {
  return maxOccurs !== 1 && maxOccurs !== 0;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
