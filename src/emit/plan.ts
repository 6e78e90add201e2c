/**
 * Plans one output folder ("group"): which TypeScript types exist under which names in which
 * modules, and what every agent method sends and returns. Emitters only print a plan.
 */
import { WsdlError, type Warning } from '../errors.js';
import { builtin, typeUseOf, type ScalarKind } from '../model/builtins.js';
import {
  SOAP_ENCODING_NAMESPACES,
  XSD_NS,
  formatQName,
  qnameKey,
  type Binding,
  type ComplexType,
  type ElementDecl,
  type HeaderRef,
  type Message,
  type MessagePart,
  type Operation,
  type Port,
  type PortType,
  type QName,
  type SchemaType,
  type SimpleType,
  type SourceLocation,
  type TypeUse,
  type WsdlDocument,
} from '../model/model.js';
import { UniqueNames, camelCase, identifier, parameterName, typeName } from '../model/names.js';
import { flattenContent, type ChoiceGroup, type FlatContent } from '../model/content.js';
import { SchemaSet } from '../model/schema-set.js';
import { arrayOf, literal, named, nullable, recordOf, tsType, union, type NamedTypeRef, type TsType } from './ts-type.js';

/** Names the runtime exports through every group index; generated names must not take them. */
export const RUNTIME_EXPORTS = [
  'SoapAgent',
  'AgentOptions',
  'CallOptions',
  'FetchLike',
  'FetchResponseLike',
  'ServiceError',
  'SoapEncodeError',
  'SoapError',
  'SoapFaultError',
  'SoapHttpError',
  'SoapResponseError',
  'SoapTransportError',
];

export interface ModulePlan {
  readonly ns: string;
  /** An identifier, unique in the group: the module's file name and its key in `ns` of descriptors. */
  readonly name: string;
  /** Relative to the group folder. */
  readonly file: string;
}

export type TypeShape = 'record' | 'array' | 'dictionary' | 'simple';

export interface TypePlan extends NamedTypeRef {
  readonly module: ModulePlan;
  readonly source: SchemaType;
  readonly shape: TypeShape;
}

export interface FieldPlan {
  readonly name: string;
  readonly ns: string;
  /** The TypeScript property key (the element name unless two members share it). */
  readonly prop: string;
  /** The member's full type: `| null` for nillable, `[]` for repeated. */
  readonly type: TsType;
  /** The descriptor `TypeDesc` as code: `'string'`, `() => Carrier$`, `{ kind: 'list', ... }`. */
  readonly descriptor: string;
  readonly optional: boolean;
  readonly repeated: boolean;
  readonly nillable: boolean;
  readonly documentation?: string;
  /** Member of a top-level xs:choice of its type: which choice, which alternative. */
  readonly choice?: { readonly group: number; readonly branch: number };
  /** For a part of a SOAP-encoded message: the `xsi:type` it is sent with. */
  readonly xsiType?: QName;
}

export interface AttributePlan {
  readonly name: string;
  readonly ns: string;
  readonly prop: string;
  readonly type: TsType;
  /** The descriptor's type as code: a scalar name or a list. */
  readonly descriptor: string;
  readonly optional: boolean;
  readonly documentation?: string;
}

/** The property that holds the text of a simpleContent type, and the one for xs:any content. */
export const TEXT_PROPERTY = '$value';
export const ANY_PROPERTY = '$any';

export interface RecordPlan {
  readonly base?: TypePlan;
  readonly fields: FieldPlan[];
  readonly attributes: AttributePlan[];
  /** simpleContent: the type of the element's text (property `$value`). */
  readonly text?: { readonly type: TsType; readonly descriptor: string };
  /** xs:any: undeclared child elements are kept as XML (property `$any`). */
  readonly any: boolean;
  readonly choices: readonly ChoiceGroup[];
  /** Printed as a type alias (an intersection with unions for choices), not an interface. */
  readonly alias: boolean;
}

export interface MessagePlan {
  /** `anyName`: an RPC response, whose wrapper's name SOAP calls "not significant". */
  readonly wrapper?: { readonly name: string; readonly ns: string; readonly anyName?: boolean };
  /** For use="encoded": the encodingStyle URI the wrapper declares. */
  readonly encoding?: string;
  readonly fields: FieldPlan[];
  /** Header keys (element names), in binding order. */
  readonly headers: string[];
}

export interface ParameterPlan {
  readonly name: string;
  readonly field: FieldPlan;
  /** Optional in the signature (only when no required parameter follows). */
  readonly optional: boolean;
}

export interface OperationPlan {
  readonly name: string;
  readonly methodName: string;
  readonly documentation?: string;
  readonly action?: string;
  readonly input: MessagePlan;
  readonly output?: MessagePlan & { readonly result: 'void' | 'single' | 'object' };
  readonly parameters: ParameterPlan[];
  readonly returnType: TsType;
}

export interface AgentPlan {
  readonly name: string;
  readonly file: string;
  readonly wsdlFile: string;
  readonly portType: PortType;
  readonly soapVersion: '1.1' | '1.2';
  readonly endpoint?: string;
  readonly documentation?: string;
  readonly requestHeaders: FieldPlan[];
  readonly responseHeaders: FieldPlan[];
  readonly statusHeaders?: { readonly error?: string; readonly success?: string };
  readonly operations: OperationPlan[];
  readonly requestHeadersName: string;
  readonly responseHeadersName: string;
  readonly callOptionsName: string;
  readonly serviceErrorName?: string;
}

export interface GroupPlan {
  readonly modules: ModulePlan[];
  readonly types: TypePlan[];
  readonly agents: AgentPlan[];
  readonly sources: string[];
  /** Members of record types (own members only; the base comes from `base`). */
  record(plan: TypePlan): RecordPlan;
  /** The item element of an array type. */
  arrayItem(plan: TypePlan): FieldPlan;
  /** Entry element, key and value of a dictionary type. */
  dictionary(plan: TypePlan): { entry: { name: string; ns: string }; key: FieldPlan; value: FieldPlan };
  /** The right-hand side of `export type X = ...` for simple, array and dictionary types. */
  alias(plan: TypePlan): TsType;
  /** For enumerations (and lists of an inline enumeration): the literal members, for printing. */
  enumeration(plan: TypePlan): { members: string[]; list: boolean } | undefined;
  readonly warnings: Warning[];
}

/** Plans a group from its WSDL documents (sorted by the caller for deterministic output). */
export function planGroup(documents: readonly WsdlDocument[], sourceName: (file: string) => string): GroupPlan {
  const schemas = new SchemaSet(dedupeSchemas(documents.flatMap((d) => d.schemas)));
  schemas.checkReferences();
  const planner = new Planner(schemas);
  for (const document of documents) for (const warning of document.warnings) planner.warn(warning.message, warning.loc);
  const agents = planner.planAgents(documents, sourceName);
  planner.planAllNamedTypes();
  return planner.result(agents, documents.map((d) => sourceName(d.file)));
}

/** The same imported XSD file read by several WSDLs is one schema. */
function dedupeSchemas<T extends { file: string; loc: SourceLocation; targetNamespace: string }>(schemas: T[]): T[] {
  const seen = new Set<string>();
  return schemas.filter((schema) => {
    const key = `${schema.file}:${schema.loc.line}:${schema.loc.column}:${schema.targetNamespace}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

class Planner {
  private readonly names = new UniqueNames(RUNTIME_EXPORTS);
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
  private claimNamedTypeNames(): void {
    const named = this.schemas
      .namedTypes()
      .slice()
      .sort((a, b) => compareQNames(a.name!, b.name!));
    for (const type of named) this.preclaimed.set(type, this.names.claim(typeName(type.name!.local)));
  }

  private readonly preclaimed = new Map<SchemaType, string>();

  private planFor(type: SchemaType, ns: string, suggestedName?: string): TypePlan {
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

  private flat(type: ComplexType): FlatContent {
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

  // -------------------------------------------------------------------------------------------
  // Agents

  planAgents(documents: readonly WsdlDocument[], sourceName: (file: string) => string): AgentPlan[] {
    // Agent names and their companions are claimed before any type name.
    const claimed: { document: WsdlDocument; portType: PortType; names: string[] }[] = [];
    const agentNames = new UniqueNames();
    for (const document of documents) {
      for (const binding of document.bindings) {
        if (!this.byName(document.portTypes, binding.portType, 'portType', binding.loc)) {
          throw new WsdlError(`wsdl:binding "${binding.name.local}" is of the portType ${formatQName(binding.portType)}, which is not declared`, binding.loc);
        }
      }
      for (const portType of document.portTypes) {
        const base = typeName(portType.name.local);
        const agent = `${base}Agent`;
        if (agentNames.has(agent)) {
          throw new WsdlError(`a second portType is named "${portType.name.local}" in this output folder`, portType.loc);
        }
        agentNames.claim(agent);
        const names = ['Agent', 'RequestHeaders', 'ResponseHeaders', 'CallOptions', 'ServiceError'].map((suffix) =>
          this.names.claim(`${base}${suffix}`),
        );
        claimed.push({ document, portType, names });
      }
    }
    this.claimNamedTypeNames();

    const agents: AgentPlan[] = [];
    for (const { document, portType, names } of claimed) {
      const agent = this.planAgent(document, portType, names, sourceName(document.file));
      if (agent) agents.push(agent);
    }
    return agents;
  }

  private planAgent(document: WsdlDocument, portType: PortType, names: string[], wsdlFile: string): AgentPlan | undefined {
    const [name, requestHeadersName, responseHeadersName, callOptionsName, serviceErrorName] = names;
    const found = this.bindingFor(document, portType);
    if (!found) {
      this.warn(`portType ${portType.name.local} has no SOAP binding, so no agent is generated for it`, portType.loc);
      return undefined;
    }
    const { binding, port } = found;
    const requestHeaders = new Map<string, FieldPlan>();
    const responseHeaders = new Map<string, FieldPlan>();
    const operationNames = new Map<string, Operation>();
    const operations = portType.operations.flatMap((operation) => {
      const twin = operationNames.get(operation.name);
      if (twin) {
        // WSDL 1.1 allows overloading by message name; WS-I and every generated client do not
        throw new WsdlError(`portType ${portType.name.local} has a second operation named "${operation.name}" (overloaded operations are not supported)`, operation.loc);
      }
      operationNames.set(operation.name, operation);
      if (!operation.input) {
        // notification and solicit-response operations are sent by the service, not called
        this.warn(`operation "${operation.name}" has no input message, so the agent has no method for it`, operation.loc);
        return [];
      }
      return [this.planOperation(document, binding, operation, requestHeaders, responseHeaders)];
    });
    const methodNames = new UniqueNames(['constructor', 'endpoint', 'withHeaders']);
    const renamed = operations.map((operation) => ({ ...operation, methodName: methodNames.claim(operation.methodName) }));

    const errorHeader = responseHeaders.get('ExceptionInfo');
    const successHeader = responseHeaders.get('Succeeded');
    const statusHeaders =
      errorHeader || successHeader?.descriptor === `'boolean'`
        ? {
            error: errorHeader ? 'ExceptionInfo' : undefined,
            success: successHeader?.descriptor === `'boolean'` ? 'Succeeded' : undefined,
          }
        : undefined;

    return {
      name,
      file: `${name}.ts`,
      wsdlFile,
      portType,
      soapVersion: binding.soapVersion!,
      endpoint: port?.address,
      documentation: portType.documentation,
      requestHeaders: [...requestHeaders.values()],
      responseHeaders: [...responseHeaders.values()],
      statusHeaders,
      operations: renamed,
      requestHeadersName,
      responseHeadersName,
      callOptionsName,
      serviceErrorName: statusHeaders ? serviceErrorName : undefined,
    };
  }

  /** The SOAP binding an agent speaks: the first port's (in document order), else the first binding. */
  private bindingFor(document: WsdlDocument, portType: PortType): { binding: Binding; port?: Port } | undefined {
    const isOurs = (binding: Binding) => {
      if (binding.soapVersion === undefined) return false;
      return this.byName(document.portTypes, binding.portType, 'portType', binding.loc) === portType;
    };
    for (const service of document.services) {
      for (const port of service.ports) {
        const binding = this.byName(document.bindings, port.binding, 'binding', port.loc);
        if (!binding) throw new WsdlError(`wsdl:port "${port.name}" names the binding ${formatQName(port.binding)}, which is not declared`, port.loc);
        if (isOurs(binding)) return { binding, port };
      }
    }
    const binding = document.bindings.find(isOurs);
    return binding && { binding };
  }

  /**
   * A WSDL definition by qualified name; failing that, the only one with that local name (WSDLs
   * that import definitions of another namespace often refer to them with the wrong prefix).
   */
  private byName<T extends { name: QName }>(list: readonly T[], name: QName, what: string, loc: SourceLocation): T | undefined {
    const exact = list.find((item) => qnameKey(item.name) === qnameKey(name));
    if (exact) return exact;
    const byLocal = list.filter((item) => item.name.local === name.local);
    if (byLocal.length !== 1) return undefined;
    this.warn(`the ${what} ${formatQName(name)} is not declared; using ${formatQName(byLocal[0].name)}, the only ${what} named "${name.local}"`, loc);
    return byLocal[0];
  }

  private planOperation(
    document: WsdlDocument,
    binding: Binding,
    operation: Operation,
    requestHeaders: Map<string, FieldPlan>,
    responseHeaders: Map<string, FieldPlan>,
  ): OperationPlan {
    const bound = binding.operations.find((o) => o.name === operation.name);
    if (!bound) throw new WsdlError(`operation "${operation.name}" is missing from binding ${binding.name.local}`, binding.loc);
    const style = bound.style;
    const inputMessage = this.message(document, operation.input!, operation.loc);
    const input = this.messagePlan(document, inputMessage, bound.input, style, operation.name, requestHeaders, binding.soapVersion!);
    const outputMessage = operation.output && this.message(document, operation.output, operation.loc);
    const outputBody =
      outputMessage && this.messagePlan(document, outputMessage, bound.output, style, `${operation.name}Response`, responseHeaders, binding.soapVersion!);
    const output =
      outputBody && {
        ...outputBody,
        result: outputBody.fields.length === 0 ? ('void' as const) : outputBody.fields.length === 1 ? ('single' as const) : ('object' as const),
      };

    const parameterNames = new UniqueNames(['options']);
    const lastRequired = input.fields.map((f) => !f.optional).lastIndexOf(true);
    const parameters = input.fields.map((field, index) => ({
      name: parameterNames.claim(parameterName(field.prop)),
      field,
      optional: field.optional && index > lastRequired,
    }));

    return {
      name: operation.name,
      methodName: camelCase(operation.name),
      documentation: operation.documentation,
      action: bound.soapAction || undefined,
      input,
      output,
      parameters,
      returnType: returnType(output),
    };
  }

  private message(document: WsdlDocument, name: QName, loc: SourceLocation): Message {
    const message = this.byName(document.messages, name, 'message', loc);
    if (!message) throw new WsdlError(`the message ${formatQName(name)} is not declared`, loc);
    return message;
  }

  private messagePlan(
    document: WsdlDocument,
    message: Message,
    bound: { use: 'literal' | 'encoded'; bodyParts?: string[]; namespace?: string; encodingStyle?: string; headers: HeaderRef[] } | undefined,
    style: 'document' | 'rpc',
    rpcWrapperName: string,
    headerFields: Map<string, FieldPlan>,
    soapVersion: '1.1' | '1.2',
  ): MessagePlan {
    const headers = (bound?.headers ?? []).map((header) => {
      const headerMessage = this.message(document, header.message, header.loc);
      const part = headerMessage.parts.find((p) => p.name === header.part);
      if (!part) throw new WsdlError(`soap:header names the part "${header.part}", which ${formatQName(header.message)} does not have`, header.loc);
      const field = this.partField(part, message.name.ns, style === 'rpc');
      const existing = headerFields.get(field.name);
      if (existing && existing.ns !== field.ns) {
        throw new WsdlError(`two different header elements are named "${field.name}"`, header.loc);
      }
      headerFields.set(field.name, existing ?? { ...field, optional: true });
      return field.name;
    });

    const headerParts = new Set(
      (bound?.headers ?? []).filter((h) => this.message(document, h.message, h.loc) === message).map((h) => h.part),
    );
    const bodyParts = message.parts.filter(
      (part) => !headerParts.has(part.name) && (!bound?.bodyParts || bound.bodyParts.includes(part.name)),
    );

    const encoded = bound?.use === 'encoded';
    if (style === 'rpc') {
      return {
        // without soap:body namespace, the WSDL's own namespace (what other SOAP stacks send)
        wrapper: { name: rpcWrapperName, ns: bound?.namespace ?? message.name.ns, anyName: rpcWrapperName.endsWith('Response') },
        // SOAP encoding: the wrapper names its encoding, and each part its type
        encoding: encoded ? bound?.encodingStyle?.split(/\s+/)[0] || SOAP_ENCODING_NAMESPACES[soapVersion === '1.2' ? 1 : 0] : undefined,
        fields: bodyParts.map((part) => {
          const field = this.partField(part, message.name.ns, true);
          return encoded ? { ...field, xsiType: this.partTypeName(part) } : field;
        }),
        headers,
      };
    }
    const wrapped = bodyParts.length === 1 && bodyParts[0].element ? this.wrapperMembers(bodyParts[0]) : undefined;
    if (wrapped) return { wrapper: wrapped.wrapper, fields: wrapped.fields, headers };
    return { fields: bodyParts.map((part) => this.partField(part, message.name.ns, false)), headers };
  }

  /**
   * Document/literal "wrapped": the single body part is an element whose type is a sequence of
   * elements only (through its bases too), so its members become the method's parameters (or
   * result). Anything else — attributes, text, wildcards — is passed as one value of the element.
   */
  private wrapperMembers(part: MessagePart): { wrapper: { name: string; ns: string }; fields: FieldPlan[] } | undefined {
    const element = this.schemas.element(part.element!, part.loc);
    const type = element.type!;
    const complex = type.kind === 'inline' ? type.type : type.kind === 'named' ? this.schemas.findType(type.name) : undefined;
    if (!complex || complex.kind !== 'complex') return undefined;
    const chain = [...this.schemas.baseChain(complex), complex];
    const wrappable = chain.every((t) => {
      const flat = this.flat(t);
      return !t.simpleContent && !t.mixed && t.derivation !== 'restriction' && flat.attributes.length === 0 && !flat.anyElement && !flat.anyAttribute;
    });
    if (!wrappable) return undefined;
    const plan = type.kind === 'named' ? this.planFor(complex, type.name.ns) : undefined;
    if (plan && plan.shape !== 'record') return undefined;
    const props = new UniqueNames();
    const fields = chain.flatMap((t) => {
      const flat = this.flat(t);
      for (const approximation of flat.approximations) this.warn(approximation.message, approximation.loc);
      if (flat.choices.length > 0) {
        this.warn(`the parameters of "${element.name}" come from an xs:choice; each alternative's members are optional parameters`, flat.choices[0].loc);
      }
      return flat.elements.map((member) =>
        this.field(member.element, element.ns, `${element.name}${identifier(member.element.name)}`, props, {
          minOccurs: member.choice ? 0 : member.minOccurs,
          maxOccurs: member.maxOccurs,
        }),
      );
    });
    return { wrapper: { name: element.name, ns: element.ns }, fields };
  }

  /** The type a part is sent as under SOAP encoding (`xsi:type`), when it has a name. */
  private partTypeName(part: MessagePart): QName | undefined {
    const use = part.type ? typeUseOf(part.type) : this.schemas.element(part.element!, part.loc).type;
    if (use?.kind === 'builtin') return { ns: XSD_NS, local: use.name };
    return use?.kind === 'named' ? use.name : undefined;
  }

  private partField(part: MessagePart, ns: string, rpc: boolean): FieldPlan {
    if (part.element) {
      const element = this.schemas.element(part.element, part.loc);
      return this.field(element, element.ns, identifier(element.name));
    }
    const synthetic: ElementDecl = {
      name: part.name,
      ns: rpc ? '' : ns,
      type: typeUseOf(part.type!),
      minOccurs: 1,
      maxOccurs: 1,
      nillable: false,
      loc: part.loc,
    };
    return this.field(synthetic, ns, identifier(part.name));
  }

  warn(message: string, loc?: SourceLocation): void {
    const key = `${message}@${loc?.file}:${loc?.line}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push({ message, loc });
  }
}

function returnType(output: OperationPlan['output']): TsType {
  if (!output || output.result === 'void') return tsType('void');
  if (output.result === 'single') {
    const [field] = output.fields;
    return field.optional && !field.repeated && !field.nillable ? nullable(field.type) : field.type;
  }
  const members = output.fields.map((field) => `${field.prop}${field.optional && !field.repeated ? '?' : ''}: ${field.type.text}`);
  return tsType(`{ ${members.join('; ')} }`, output.fields.flatMap((field) => field.type.refs));
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
