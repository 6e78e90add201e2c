/**
 * Type planning: every schema type a group needs gets a TypeScript name, a module (one per target
 * namespace) and a shape — record, WCF collection, dictionary or simple — with its members.
 */
import { WsdlError, type Warning } from '../errors.js';
import { builtin, type ScalarKind } from '../model/builtins.js';
import { flattenContent, type FlatContent } from '../model/content.js';
import { formatQName, type ComplexType, type ElementDecl, type QName, type SchemaType, type SimpleType, type SourceLocation, type TypeUse } from '../model/model.js';
import { UniqueNames, identifier, typeName } from '../model/names.js';
import type { SchemaSet } from '../model/schema-set.js';
import {
  ANY_PROPERTY,
  RUNTIME_EXPORTS,
  TEXT_PROPERTY,
  type AgentPlan,
  type AttributePlan,
  type FieldPlan,
  type GroupPlan,
  type ModulePlan,
  type RecordPlan,
  type TypePlan,
  type TypeShape,
} from './plan-data.js';
import { arrayOf, literal, named, nullable, recordOf, tsType, union, type TsType } from './ts-type.js';

/** Decides the TypeScript name, module and shape of every schema type a group needs. */
export class TypePlanner {
  private readonly names = new UniqueNames(RUNTIME_EXPORTS);

  /** Claims a name in the group's one namespace of exported names. */
  claimName(name: string): string {
    return this.names.claim(name);
  }

  private readonly modules = new Map<string, ModulePlan>();
  private readonly typePlans = new Map<SchemaType, TypePlan>();
  private readonly records = new Map<TypePlan, RecordPlan>();
  private readonly arrayItems = new Map<TypePlan, FieldPlan>();
  private readonly dictionaries = new Map<TypePlan, { entry: { name: string; ns: string }; key: FieldPlan; value: FieldPlan }>();
  private readonly aliases = new Map<TypePlan, TsType>();
  private readonly enumerations = new Map<TypePlan, { members: string[]; list: boolean }>();
  private readonly warnings: Warning[] = [];
  private readonly warned = new Set<string>();
  private readonly moduleNames = new UniqueNames();

  constructor(private readonly schemas: SchemaSet) {
    this.planModules();
  }

  result(agents: AgentPlan[], sources: string[]): GroupPlan {
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    return {
      modules: [...this.modules.values()].sort(byName),
      types: [...this.typePlans.values()].sort(byName),
      agents,
      sources,
      record: (plan) => this.records.get(plan)!,
      arrayItem: (plan) => this.arrayItems.get(plan)!,
      dictionary: (plan) => this.dictionaries.get(plan)!,
      alias: (plan) => this.aliases.get(plan)!,
      enumeration: (plan) => this.enumerations.get(plan),
      warnings: this.warnings,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Modules and names

  /** One module per target namespace, named after the namespace's last meaningful segment. */
  private planModules(): void {
    const namespaces = [...new Set(this.schemas.schemas.map((s) => s.targetNamespace))].sort();
    const candidates = namespaces.map((ns) => ({ ns, segments: namespaceSegments(ns) }));
    for (const { ns, segments } of candidates) {
      // take as many trailing segments as it needs to be distinct from the other namespaces
      let count = 1;
      const nameOf = (segs: string[], n: number) => identifier(segs.slice(-n).join('_'));
      while (
        count < segments.length &&
        candidates.some((other) => other.ns !== ns && nameOf(other.segments, count) === nameOf(segments, count))
      ) {
        count++;
      }
      const name = this.moduleNames.claim(nameOf(segments, count));
      this.modules.set(ns, { ns, name, file: `types/${name}.ts` });
    }
  }

  private module(ns: string): ModulePlan {
    let module = this.modules.get(ns);
    if (!module) {
      const name = this.moduleNames.claim(identifier(namespaceSegments(ns).at(-1)!));
      module = { ns, name, file: `types/${name}.ts` };
      this.modules.set(ns, module);
    }
    return module;
  }

  planAllNamedTypes(): void {
    for (const type of this.schemas.namedTypes()) this.planFor(type, type.name!.ns);
  }

  /** Claims the names of named types first, so that anonymous types never take a clean name. */
  claimNamedTypeNames(): void {
    const named = this.schemas
      .namedTypes()
      .slice()
      .sort((a, b) => compareQNames(a.name!, b.name!));
    for (const type of named) this.preclaimed.set(type, this.names.claim(typeName(type.name!.local)));
  }

  private readonly preclaimed = new Map<SchemaType, string>();

  planFor(type: SchemaType, ns: string, suggestedName?: string): TypePlan {
    let plan = this.typePlans.get(type);
    if (plan) return plan;
    const name = this.preclaimed.get(type) ?? this.names.claim(typeName(suggestedName ?? type.name?.local ?? 'Anonymous'));
    const module = this.module(type.name?.ns ?? ns);
    plan = { name, file: module.file, module, source: type, shape: this.shapeOf(type) };
    this.typePlans.set(type, plan);
    this.describe(plan);
    return plan;
  }

  // -------------------------------------------------------------------------------------------
  // Types

  private shapeOf(type: SchemaType): TypeShape {
    if (type.kind === 'simple') return 'simple';
    if (this.dictionaryParts(type)) return 'dictionary';
    if (this.isArrayWrapper(type)) return 'array';
    return 'record';
  }

  private readonly flatContents = new Map<ComplexType, FlatContent>();

  flat(type: ComplexType): FlatContent {
    let flat = this.flatContents.get(type);
    if (!flat) this.flatContents.set(type, (flat = flattenContent(type, this.schemas)));
    return flat;
  }

  /** Nothing but elements: no base, text, attributes, wildcards or choices. */
  private isPlainSequence(type: ComplexType): boolean {
    const flat = this.flat(type);
    return (
      !type.base &&
      !type.simpleContent &&
      !type.mixed &&
      flat.attributes.length === 0 &&
      !flat.anyElement &&
      !flat.anyAttribute &&
      flat.choices.length === 0
    );
  }

  /** WCF collection types: `ArrayOfX` with one repeated element and nothing else. */
  private isArrayWrapper(type: ComplexType): boolean {
    const elements = this.flat(type).elements;
    return (
      ((type.name?.local.startsWith('ArrayOf') ?? false) || type.encodedArray === true) &&
      this.isPlainSequence(type) &&
      elements.length === 1 &&
      elements[0].maxOccurs !== 1 &&
      elements[0].maxOccurs !== 0
    );
  }

  /** WCF dictionaries: IsDictionary, one repeated entry element of exactly a key and a value. */
  private dictionaryParts(type: ComplexType): { entry: ElementDecl; key: ElementDecl; value: ElementDecl } | undefined {
    if (!type.isDictionary || !this.isPlainSequence(type) || this.flat(type).elements.length !== 1) return undefined;
    const [entry] = this.flat(type).elements;
    if (entry.maxOccurs === 1) return undefined;
    const use = this.resolveUse(entry.element.type, entry.element.loc);
    const entryType = use.kind === 'inline' ? use.type : use.kind === 'named' ? this.schemas.type(use.name, entry.element.loc) : undefined;
    if (entryType?.kind !== 'complex' || !this.isPlainSequence(entryType) || this.flat(entryType).elements.length !== 2) return undefined;
    const [key, value] = this.flat(entryType).elements.map((e) => e.element);
    return { entry: entry.element, key, value };
  }

  /** Works out what a plan needs printed: members, item, entries or alias. */
  private describe(plan: TypePlan): void {
    const type = plan.source;
    const ns = plan.module.ns;
    if (type.kind === 'simple') {
      this.aliases.set(plan, this.simpleTsType(type, ns));
      const listItem = type.variety === 'list' && type.itemType?.kind === 'inline' ? type.itemType.type : undefined;
      const enumerated = listItem?.kind === 'simple' ? listItem : type;
      if (enumerated.variety === 'atomic' && enumerated.enumeration) {
        this.enumerations.set(plan, { members: this.enumerationMembers(enumerated), list: enumerated !== type });
      }
      return;
    }
    switch (plan.shape) {
      case 'dictionary': {
        const parts = this.dictionaryParts(type)!;
        const key = this.field(parts.key, ns, `${plan.name}Key`);
        const value = this.field(parts.value, ns, `${plan.name}Value`);
        this.dictionaries.set(plan, { entry: { name: parts.entry.name, ns: parts.entry.ns }, key, value });
        this.aliases.set(plan, recordOf(value.type));
        return;
      }
      case 'array': {
        const item = this.field(this.flat(type).elements[0].element, ns, `${plan.name}Item`);
        this.arrayItems.set(plan, item);
        this.aliases.set(plan, item.type);
        return;
      }
      case 'record':
        this.records.set(plan, this.recordPlan(plan, type, ns));
    }
  }

  private recordPlan(plan: TypePlan, type: ComplexType, ns: string): RecordPlan {
    const flat = this.flat(type);
    for (const approximation of flat.approximations) this.warn(`${plan.name}: ${approximation.message}`, approximation.loc);
    if (type.mixed && !type.simpleContent) this.warn(`${plan.name} has mixed content; the text between its elements is not kept`, type.loc);

    // A restriction restates the content it keeps, so only an extension inherits.
    let baseType = type.base && type.derivation !== 'restriction' ? this.schemas.complexType(type.base, type.loc) : undefined;
    let text: RecordPlan['text'];
    if (type.simpleContent) {
      const content = this.resolveUse(type.simpleContent, type.loc);
      const contentType = content.kind === 'named' ? this.schemas.type(content.name, type.loc) : content.kind === 'inline' ? content.type : undefined;
      if (contentType?.kind === 'complex') baseType = contentType;
      else {
        const value = this.typeUse(content, ns, `${plan.name}Value`, type.loc);
        text = { type: value.ts, descriptor: value.descriptor };
      }
    }
    const base = baseType ? this.planFor(baseType, baseType.name?.ns ?? ns) : undefined;
    if (base && base.shape !== 'record') {
      throw new WsdlError(`${plan.name} extends ${base.name}, a collection type, which is not supported`, type.loc);
    }
    const baseRecord = base && this.records.get(base);
    const props = new UniqueNames([TEXT_PROPERTY, ANY_PROPERTY, ...(base ? this.allProps(base) : [])]);
    // A restriction restates its elements but keeps every attribute of its base it does not
    // restate or prohibit (XML Schema 1.0, Structures 3.4.2).
    const restated = new Set([...flat.attributes.map((a) => a.name), ...flat.prohibitedAttributes]);
    const restricted = type.base && type.derivation === 'restriction' ? this.planFor(this.schemas.complexType(type.base, type.loc), type.base.ns) : undefined;
    const keptAttributes = restricted?.shape === 'record' ? this.allAttributes(restricted).filter((a) => !restated.has(a.name)) : [];
    const fields = flat.elements.map((member) =>
      this.field(member.element, ns, `${plan.name}${identifier(member.element.name)}`, props, member),
    );
    const inheritedAttributes = keptAttributes.map((attribute) => ({ ...attribute, prop: props.claim(attribute.prop) }));
    const ownAttributes = flat.attributes.map((attribute): AttributePlan => {
      const value = this.typeUse(attribute.type, ns, `${plan.name}${identifier(attribute.name)}`, attribute.loc);
      if (value.descriptor.startsWith('() =>')) throw new WsdlError(`attribute "${attribute.name}" has a complex type; attributes hold simple values only`, attribute.loc);
      const prop = props.claim(attribute.name);
      if (prop !== attribute.name) this.warn(`attribute "${attribute.name}" shares its name with a member; it is the property "${prop}"`, attribute.loc);
      return {
        name: attribute.name,
        ns: attribute.ns,
        prop,
        type: value.ts,
        descriptor: value.descriptor,
        optional: !attribute.required,
        documentation: attribute.documentation,
      };
    });
    return {
      base,
      fields,
      attributes: [...inheritedAttributes, ...ownAttributes],
      text,
      any: flat.anyElement,
      choices: flat.choices,
      alias: flat.choices.length > 0 || (baseRecord?.alias ?? false),
    };
  }

  /** A record's attributes, its bases' included. */
  private allAttributes(plan: TypePlan): AttributePlan[] {
    const record = this.records.get(plan);
    if (!record) return [];
    return [...(record.base ? this.allAttributes(record.base) : []), ...record.attributes];
  }

  /** Property names a record and its bases already use. */
  private allProps(plan: TypePlan): string[] {
    const record = this.records.get(plan);
    if (!record) return [];
    return [...(record.base ? this.allProps(record.base) : []), ...record.fields.map((f) => f.prop), ...record.attributes.map((a) => a.prop)];
  }

  /** A member element: its full TypeScript type and its descriptor. */
  field(
    element: ElementDecl,
    ns: string,
    anonymousName: string,
    props?: UniqueNames,
    occurs?: { minOccurs: number; maxOccurs: number | 'unbounded'; choice?: { group: number; branch: number } },
  ): FieldPlan {
    const resolved = this.schemas.resolveElement(element);
    // a global element's anonymous type is named after the element, wherever it is first met
    const value = element.ref
      ? this.typeUse(resolved.type, element.ref.ns, identifier(element.ref.local), resolved.loc)
      : this.typeUse(resolved.type, ns, anonymousName, resolved.loc);
    const maxOccurs = occurs?.maxOccurs ?? resolved.maxOccurs;
    const repeated = maxOccurs !== 1;
    const nillable = resolved.nillable;
    const itemType = nillable ? nullable(value.ts) : value.ts;
    const prop = props ? props.claim(element.name) : element.name;
    if (prop !== element.name) {
      this.warn(`two members are named "${element.name}"; the second is the property "${prop}"`, element.loc);
    }
    return {
      name: resolved.name,
      ns: resolved.ns,
      prop,
      type: repeated ? arrayOf(itemType) : itemType,
      descriptor: value.descriptor,
      optional: (occurs?.minOccurs ?? resolved.minOccurs) === 0,
      repeated,
      nillable,
      documentation: resolved.documentation,
      choice: occurs?.choice,
    };
  }

  /** A type use with references to elements-as-types replaced by the element's type. */
  private resolveUse(use: TypeUse, loc: SourceLocation): TypeUse {
    if (use.kind !== 'named') return use;
    const reference = this.schemas.typeReference(use.name, loc);
    if (reference.viaElement) {
      this.warn(`${formatQName(use.name)} is an element, not a type; its type is used`, loc);
      return this.resolveUse(reference.use, loc);
    }
    return reference.use;
  }

  /** The TypeScript type and descriptor of one value of a type. */
  private typeUse(given: TypeUse, ns: string, anonymousName: string, loc: SourceLocation): { ts: TsType; descriptor: string } {
    const use = this.resolveUse(given, loc);
    switch (use.kind) {
      case 'builtin': {
        const found = this.builtin(use.name, loc);
        return found.list
          ? { ts: arrayOf(tsType(found.tsType)), descriptor: `{ kind: 'list', item: '${found.scalar}' }` }
          : { ts: tsType(found.tsType), descriptor: `'${found.scalar}'` };
      }
      case 'named':
        return this.planUse(this.planFor(this.schemas.type(use.name, loc), use.name.ns));
      case 'inline':
        if (use.type.kind === 'simple') return { ts: this.simpleTsType(use.type, ns), descriptor: this.simpleDescriptor(use.type, loc) };
        return this.planUse(this.planFor(use.type, ns, anonymousName));
    }
  }

  private planUse(plan: TypePlan): { ts: TsType; descriptor: string } {
    if (plan.source.kind === 'simple') {
      return { ts: named(plan), descriptor: this.simpleDescriptor(plan.source, plan.source.loc) };
    }
    const descriptor = `() => ${plan.name}$`;
    if (plan.shape === 'record') return { ts: named(plan), descriptor };
    // Collections read best spelled out (`WebAppUsage[]`); a collection met again while its own
    // item is being planned (it contains itself) is referred to by its alias instead.
    return { ts: this.aliases.get(plan) ?? named(plan), descriptor };
  }

  private builtin(name: string, loc: SourceLocation) {
    const found = builtin(name);
    if (!found) throw new WsdlError(`xs:${name} is not a type of XML Schema`, loc);
    return found;
  }

  // -------------------------------------------------------------------------------------------
  // Simple types

  private simpleTsType(type: SimpleType, ns: string): TsType {
    switch (type.variety) {
      case 'atomic': {
        if (type.enumeration) return tsType(this.enumerationMembers(type).join(' | '));
        return this.simpleUse(type.base!, ns, type.loc);
      }
      case 'list':
        return arrayOf(this.simpleUse(type.itemType!, ns, type.loc));
      case 'union':
        return union(type.memberTypes!.map((member) => this.simpleUse(member, ns, type.loc)));
    }
  }

  /** Literal types of an enumeration: numbers for numeric bases, strings otherwise. */
  private enumerationMembers(type: SimpleType): string[] {
    const scalar = this.scalarOf(type);
    const numeric = scalar === 'integer' || scalar === 'decimal' || scalar === 'double';
    const members = type.enumeration!.map((value) =>
      numeric && value.trim() !== '' && Number.isFinite(Number(value)) ? String(Number(value)) : literal(value),
    );
    return [...new Set(members)];
  }

  private simpleUse(given: TypeUse, ns: string, loc: SourceLocation): TsType {
    const use = this.resolveUse(given, loc);
    if (use.kind === 'builtin') {
      const found = this.builtin(use.name, loc);
      return found.list ? arrayOf(tsType(found.tsType)) : tsType(found.tsType);
    }
    if (use.kind === 'inline') {
      if (use.type.kind !== 'simple') throw new WsdlError('a complex type cannot derive a simple type', loc);
      return this.simpleTsType(use.type, ns);
    }
    const target = this.schemas.type(use.name, loc);
    if (target.kind !== 'simple') throw new WsdlError(`${formatQName(use.name)} is a complex type where a simple type is needed`, loc);
    return named(this.planFor(target, use.name.ns));
  }

  private simpleDescriptor(type: SimpleType, loc: SourceLocation): string {
    if (type.variety === 'list') return `{ kind: 'list', item: '${this.scalarOfUse(type.itemType!, loc, new Set())}' }`;
    const builtinList = type.variety === 'atomic' && this.builtinListBase(type);
    if (builtinList) return `{ kind: 'list', item: 'string' }`;
    return `'${this.scalarOf(type)}'`;
  }

  private builtinListBase(type: SimpleType): boolean {
    return type.base?.kind === 'builtin' && builtin(type.base.name)?.list === true;
  }

  /** The run-time scalar of an atomic or union simple type. */
  private scalarOf(type: SimpleType, seen = new Set<SimpleType>()): ScalarKind {
    if (seen.has(type)) throw new WsdlError('this simple type derives from itself', type.loc);
    seen.add(type);
    if (type.variety === 'atomic') return this.scalarOfUse(type.base!, type.loc, seen);
    if (type.variety === 'union') {
      const scalars = new Set(type.memberTypes!.map((member) => this.scalarOfUse(member, type.loc, seen)));
      return scalars.size === 1 ? [...scalars][0] : 'string';
    }
    return 'string';
  }

  private scalarOfUse(given: TypeUse, loc: SourceLocation, seen: Set<SimpleType>): ScalarKind {
    const use = this.resolveUse(given, loc);
    if (use.kind === 'builtin') return this.builtin(use.name, loc).scalar;
    const type = use.kind === 'inline' ? use.type : this.schemas.type(use.name, loc);
    if (type.kind !== 'simple') throw new WsdlError('a complex type is used where a simple type is needed', loc);
    return this.scalarOf(type, seen);
  }

  warn(message: string, loc?: SourceLocation): void {
    const key = `${message}@${loc?.file}:${loc?.line}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push({ message, loc });
  }
}

/** The meaningful segments of a namespace URI, last one most specific. */
function namespaceSegments(ns: string): string[] {
  if (!ns) return ['NoNamespace'];
  const withoutScheme = ns.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:(\/\/)?/, '');
  const segments = withoutScheme
    .split(/[/:#?]+/)
    .map((segment) => segment.replace(/\.(xsd|wsdl|xml)$/i, ''))
    .filter(Boolean);
  return segments.length > 0 ? segments : ['NoNamespace'];
}

function compareQNames(a: QName, b: QName): number {
  return a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : a.local < b.local ? -1 : a.local > b.local ? 1 : 0;
}

