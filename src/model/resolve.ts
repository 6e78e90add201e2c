/**
 * WSDL documents as read → the resolved service model. Every reference is followed here, once:
 * binding → portType → message → part, element and attribute references, groups, bases, the
 * types of elements and attributes. A reference that leads nowhere is an error at the place that
 * makes it; what is accepted although not quite right is a warning.
 */
import { WsdlError } from '../errors.js';
import { builtin, typeUseOf, type ScalarKind } from './builtins.js';
import { flattenContent } from './content.js';
import {
  formatQName,
  qnameKey,
  type Binding,
  type BindingMessage,
  type ComplexType,
  type Message,
  type MessagePart,
  type Particle,
  type Operation,
  type PortType,
  type QName,
  type Schema,
  type SchemaType,
  type SimpleType,
  type SourceLocation,
  type TypeUse,
  type WsdlDocument,
} from '../read/document.js';
import type {
  AnonymousPlace,
  BindingDef,
  ComplexTypeDef,
  ElementDef,
  InterfaceDef,
  MessageDef,
  ModelWarning,
  OperationDef,
  PartDef,
  ServiceModel,
  SimpleTypeDef,
  TypeDef,
  TypeRef,
} from './model.js';
import { SchemaSet } from './schema-set.js';

export interface ResolveOptions {
  /** The name a WSDL file has in output (progress lines, preambles); its path by default. */
  readonly sourceName?: (file: string) => string;
  /**
   * Refuse a reference to a type, element, attribute or group that no schema declares, instead
   * of typing what refers to it `unknown` (or leaving the group out) with a warning.
   */
  readonly strict?: boolean;
}

/** Resolves WSDL documents generated together; their schemas are merged (shared types once). */
export function resolveModel(documents: readonly WsdlDocument[], options: ResolveOptions = {}): ServiceModel {
  return new Resolver(documents, options.sourceName ?? ((file) => file), options.strict ?? false).model();
}

class Resolver {
  private readonly schemas: SchemaSet;
  private readonly warnings: ModelWarning[] = [];
  private readonly warned = new Set<string>();
  /** Every type declared, raw declaration → its id (anonymous ones by where they are). */
  private readonly ids = new Map<SchemaType, string>();
  private readonly declarations = new Map<string, SchemaType>();
  private readonly places = new Map<SchemaType, AnonymousPlace>();
  private readonly types = new Map<string, TypeDef>();
  private readonly scalars = new Map<string, ScalarKind>();
  /** Global elements that message parts name but no schema declares (when that is forgiven), as `xs:anyType`. */
  private readonly standIns = new Map<string, ElementDef>();

  constructor(
    private readonly documents: readonly WsdlDocument[],
    private readonly sourceName: (file: string) => string,
    private readonly strict: boolean,
  ) {
    this.schemas = new SchemaSet(dedupeSchemas(documents.flatMap((d) => d.schemas)), (error, instead) => this.forgive(error, instead));
    for (const document of documents) for (const warning of document.warnings) this.warn(warning.message, warning.loc);
  }

  model(): ServiceModel {
    this.assignIds();
    // every declaration is resolved, used or not: a broken schema is reported where it is broken
    for (const [type, id] of this.ids) this.types.set(id, this.typeDef(type, id));
    for (const def of this.types.values()) this.checkDerivation(def);
    const declared = this.schemas.globalElements().map((element): ElementDef => ({
      name: { ns: element.ns, local: element.name },
      type: this.ref(element.type!, element.loc),
      nillable: element.nillable,
      documentation: element.documentation,
      loc: element.loc,
    }));
    this.checkUnusedDeclarations();
    const interfaces = this.documents.flatMap((document) => this.interfaces(document));
    const bindings = this.documents.flatMap((document) =>
      document.bindings.map((binding) => this.bindingDef(binding, this.byName(document.portTypes, binding.portType, 'portType', binding.loc)!)),
    );
    const elements = [...declared, ...this.standIns.values()];
    return {
      sources: this.documents.map((document) => ({
        name: this.sourceName(document.file),
        files: document.files,
        declares: declarationsOf(document),
        catalogSchemas: document.catalogSchemas,
      })),
      interfaces,
      services: this.documents.flatMap((document) =>
        document.services.map((service) => ({
          name: service.name,
          documentation: service.documentation,
          ports: service.ports.map((port) => ({ name: port.name, binding: port.binding, address: port.address, loc: port.loc })),
          loc: service.loc,
        })),
      ),
      bindings,
      elements,
      types: [...this.types.values()],
      warnings: this.warnings,
    };
  }

  /**
   * Groups, attribute groups and global attributes are resolved where types use them; these
   * checks reach those no type uses, so they are reported broken where they are broken.
   */
  private checkUnusedDeclarations(): void {
    for (const group of this.schemas.globalGroups()) {
      const flat = flattenContent(groupHolder(group.particle, group.loc), this.schemas);
      for (const member of flat.elements) this.ref(member.element.type, member.element.loc);
    }
    for (const group of this.schemas.globalAttributeGroups()) {
      const holder = { ...groupHolder(undefined, group.loc), attributes: group.attributes, anyAttribute: group.anyAttribute };
      for (const attribute of flattenContent(holder, this.schemas).attributes) this.ref(attribute.type, attribute.loc);
    }
    for (const attribute of this.schemas.globalAttributes()) this.ref(attribute.type!, attribute.loc);
  }

  /** A reference to something not declared: the error under `strict`, otherwise a warning saying what is done instead. */
  private forgive(error: WsdlError, instead: string): void {
    if (this.strict || !error.loc) throw error;
    this.warn(`${error.problem}; ${instead}`, error.loc);
  }

  private warn(message: string, loc?: SourceLocation): void {
    const key = `${message}@${loc?.file}:${loc?.line}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push(loc ? { message, loc } : { message });
  }

  // -------------------------------------------------------------------------------------------
  // Ids: named types by name, anonymous ones by the place they are declared in

  private assignIds(): void {
    for (const type of this.schemas.namedTypes()) {
      this.identify(type, qnameKey(type.name!));
      this.walkType(type, { owner: { kind: 'type', name: type.name! }, path: [] });
    }
    for (const element of this.schemas.globalElements()) {
      const place: AnonymousPlace = { owner: { kind: 'element', name: { ns: element.ns, local: element.name } }, path: [] };
      if (element.type?.kind === 'inline') this.anonymous(element.type.type, place);
    }
    for (const group of this.schemas.globalGroups()) {
      this.walkParticle(group.particle, { owner: { kind: 'group', name: group.name }, path: [] }, new Map());
    }
    for (const group of this.schemas.globalAttributeGroups()) {
      const place: AnonymousPlace = { owner: { kind: 'attributeGroup', name: group.name }, path: [] };
      for (const use of group.attributes) {
        if (use.kind === 'attribute' && use.attribute.type?.kind === 'inline') this.anonymous(use.attribute.type.type, within(place, `@${use.attribute.name}`));
      }
    }
    for (const attribute of this.schemas.globalAttributes()) {
      if (attribute.type?.kind === 'inline') {
        this.anonymous(attribute.type.type, { owner: { kind: 'attribute', name: { ns: attribute.ns, local: attribute.name } }, path: [] });
      }
    }
  }

  private anonymous(type: SchemaType, place: AnonymousPlace): void {
    const { owner, path } = place;
    this.identify(type, `${qnameKey(owner.name)}${owner.kind === 'type' ? '' : `@${owner.kind}`}${path.map((step) => `/${step}`).join('')}`);
    this.places.set(type, place);
    this.walkType(type, place);
  }

  private walkType(type: SchemaType, place: AnonymousPlace): void {
    if (type.kind === 'complex') {
      if (type.content) this.walkParticle(type.content, place, new Map());
      for (const use of type.attributes) {
        if (use.kind === 'attribute' && use.attribute.type?.kind === 'inline') this.anonymous(use.attribute.type.type, within(place, `@${use.attribute.name}`));
      }
      return;
    }
    const inline = (use: TypeUse | undefined, step: string) => {
      if (use?.kind === 'inline') this.anonymous(use.type, within(place, step));
    };
    inline(type.base, '#base');
    inline(type.itemType, '#item');
    type.memberTypes?.forEach((member, index) => inline(member, `#member${index + 1}`));
  }

  /** Inline types of a content model's elements, named by element; a repeated name gets `[n]`. */
  private walkParticle(particle: Particle, place: AnonymousPlace, seen: Map<string, number>): void {
    if (particle.kind === 'element') {
      const type = particle.element.type;
      if (type?.kind !== 'inline') return;
      const count = (seen.get(particle.element.name) ?? 0) + 1;
      seen.set(particle.element.name, count);
      this.anonymous(type.type, within(place, count === 1 ? particle.element.name : `${particle.element.name}[${count}]`));
    } else if (particle.kind === 'sequence' || particle.kind === 'choice' || particle.kind === 'all') {
      for (const child of particle.particles) this.walkParticle(child, place, seen);
    }
  }

  private identify(type: SchemaType, id: string): void {
    this.ids.set(type, id);
    this.declarations.set(id, type);
  }

  private idOf(type: SchemaType): string {
    const id = this.ids.get(type);
    if (id === undefined) throw new Error(`internal error: a type at ${type.loc.file}:${type.loc.line} was never given an id`);
    return id;
  }

  // -------------------------------------------------------------------------------------------
  // Types

  /** A type use as a reference: built-ins checked, elements-as-types replaced by their type. */
  private ref(use: TypeUse, loc: SourceLocation, via: readonly string[] = []): TypeRef {
    switch (use.kind) {
      case 'builtin':
        if (builtin(use.name)) return { kind: 'builtin', name: use.name };
        this.forgive(new WsdlError(`xs:${use.name} is not a type of XML Schema`, loc), 'it is typed unknown');
        return { kind: 'builtin', name: 'anyType' };
      case 'inline':
        return { kind: 'type', id: this.idOf(use.type) };
      case 'named': {
        const reference = this.schemas.typeReference(use.name, loc);
        if (!reference.viaElement) return reference.use.kind === 'named' ? { kind: 'type', id: qnameKey(use.name) } : this.ref(reference.use, loc);
        const key = qnameKey(use.name);
        if (via.includes(key)) throw new WsdlError(`${formatQName(use.name)} is an element whose type is itself an element that leads back to it`, loc);
        this.warn(`${formatQName(use.name)} is an element, not a type; its type is used`, loc);
        return this.ref(reference.use, loc, [...via, key]);
      }
    }
  }

  private typeDef(type: SchemaType, id: string): TypeDef {
    const place = this.places.get(type);
    const common: TypeDefCommon = {
      id,
      name: type.name,
      anonymous: place,
      ns: type.name?.ns ?? this.namespaceOf(type),
      documentation: type.documentation,
      loc: type.loc,
    };
    return type.kind === 'complex' ? this.complexDef(type, common) : this.simpleDef(type, common);
  }

  private namespaceOf(type: SchemaType): string {
    const place = this.places.get(type);
    return place ? place.owner.name.ns : '';
  }

  private complexDef(type: ComplexType, common: TypeDefCommon): ComplexTypeDef {
    const flat = flattenContent(type, this.schemas);
    let base = type.base ? this.complexBase(type.base, type.loc) : undefined;
    let derivation = type.derivation;
    let text: TypeRef | undefined;
    if (type.simpleContent) {
      const content = this.ref(type.simpleContent, type.loc);
      const target = content.kind === 'type' ? this.declarationOf(content.id) : undefined;
      // simpleContent over a complex type (itself with simple content) inherits its text and attributes
      if (target?.kind === 'complex') {
        base = content.kind === 'type' ? content.id : undefined;
        derivation = 'extension';
      } else {
        text = content;
      }
    }
    const attributes = flat.attributes.map((attribute) => {
      const attributeType = this.ref(attribute.type, attribute.loc);
      if (attributeType.kind === 'type' && this.declarationOf(attributeType.id)?.kind === 'complex') {
        throw new WsdlError(`attribute "${attribute.name}" has a complex type; attributes hold simple values only`, attribute.loc);
      }
      return {
        name: attribute.name,
        ns: attribute.ns,
        type: attributeType,
        required: attribute.required,
        defaultValue: attribute.defaultValue,
        fixed: attribute.fixed,
        documentation: attribute.documentation,
        loc: attribute.loc,
      };
    });
    return {
      kind: 'complex',
      ...common,
      base: base,
      derivation: base ? derivation : undefined,
      elements: flat.elements.map((member) => ({
        name: member.element.name,
        ns: member.element.ns,
        type: this.ref(member.element.type, member.element.loc),
        minOccurs: member.minOccurs,
        maxOccurs: member.maxOccurs,
        nillable: member.element.nillable,
        documentation: member.element.documentation,
        choice: member.choice,
        ref: member.element.ref,
        repeatedByGroup: member.maxOccurs !== member.element.maxOccurs || undefined,
        loc: member.element.loc,
      })),
      choices: flat.choices,
      anyElement: flat.anyElement,
      attributes,
      prohibitedAttributes: flat.prohibitedAttributes,
      anyAttribute: flat.anyAttribute,
      text: text,
      mixed: type.mixed,
      isDictionary: type.isDictionary,
      encodedArray: type.encodedArray === true,
      approximations: flat.approximations,
    };
  }

  /** The raw declaration behind a type id (named or anonymous). */
  private declarationOf(id: string): SchemaType | undefined {
    return this.declarations.get(id);
  }

  /** The id of a complex base; undefined when it is (or stands in for) xs:anyType, which adds nothing. */
  private complexBase(name: QName, loc: SourceLocation): string | undefined {
    const reference = this.ref({ kind: 'named', name }, loc);
    if (reference.kind === 'builtin' && reference.name === 'anyType') return undefined;
    const target = reference.kind === 'type' ? this.declarationOf(reference.id) : undefined;
    if (reference.kind !== 'type' || target?.kind !== 'complex') throw new WsdlError(`${formatQName(name)} is a simple type where a complex type is needed`, loc);
    return reference.id;
  }

  private simpleDef(type: SimpleType, common: TypeDefCommon): SimpleTypeDef {
    const simple = (use: TypeUse | undefined) => (use ? this.simpleRef(use, type.loc) : undefined);
    const base = simple(type.base);
    return {
      kind: 'simple',
      ...common,
      variety: type.variety,
      base: base,
      itemType: simple(type.itemType),
      memberTypes: type.memberTypes?.map((member) => this.simpleRef(member, type.loc)),
      enumeration: type.enumeration,
      facets: type.facets,
      scalar: 'string', // set by checkDerivation, once every type is known
      builtinList: type.variety === 'atomic' && base?.kind === 'builtin' && builtin(base.name)?.list === true,
    };
  }

  private simpleRef(use: TypeUse, loc: SourceLocation): TypeRef {
    const reference = this.ref(use, loc);
    if (reference.kind === 'type' && this.declarationOf(reference.id)?.kind === 'complex') {
      const name = use.kind === 'named' ? formatQName(use.name) : 'a complex type';
      throw new WsdlError(`${name} is a complex type where a simple type is needed`, loc);
    }
    return reference;
  }

  /** Derivation chains end: no type derives from itself, and each simple type gets its scalar. */
  private checkDerivation(def: TypeDef): void {
    if (def.kind === 'simple') {
      (def as { scalar: ScalarKind }).scalar = this.scalarOf(def.id, []);
      return;
    }
    const chain = [def.id];
    for (let current: TypeDef | undefined = def; current?.kind === 'complex' && current.base; ) {
      if (chain.includes(current.base)) {
        throw new WsdlError(`${def.name ? formatQName(def.name) : 'this type'} derives from itself (${[...chain, current.base].map(shortId).join(' → ')})`, def.loc);
      }
      chain.push(current.base);
      current = this.types.get(current.base);
    }
  }

  /**
   * The run-time scalar of a simple type: its base's, a union's members' when they agree
   * (else string). `path` holds the types being derived, so a true cycle is an error while two
   * members restricting the same type are not.
   */
  private scalarOf(id: string, path: readonly string[]): ScalarKind {
    const known = this.scalars.get(id);
    if (known) return known;
    const def = this.types.get(id);
    if (def?.kind !== 'simple') return 'string';
    if (path.includes(id)) {
      const what = def.name ? formatQName(def.name) : 'this simple type';
      throw new WsdlError(`${what} derives from itself (${[...path.slice(path.indexOf(id)), id].map(shortId).join(' → ')})`, def.loc);
    }
    const inner = [...path, id];
    const of = (reference: TypeRef): ScalarKind =>
      reference.kind === 'builtin' ? builtin(reference.name)!.scalar : this.scalarOf(reference.id, inner);
    let scalar: ScalarKind = 'string';
    if (def.variety === 'atomic' && def.base) scalar = of(def.base);
    else if (def.variety === 'list' && def.itemType) scalar = of(def.itemType);
    else if (def.variety === 'union') {
      const members = new Set((def.memberTypes ?? []).map(of));
      // integers of either size are integers: the larger carries both
      if (members.size === 2 && members.has('integer') && members.has('bigInteger')) members.delete('integer');
      scalar = members.size === 1 ? [...members][0]! : 'string';
    }
    this.scalars.set(id, scalar);
    return scalar;
  }

  // -------------------------------------------------------------------------------------------
  // Interfaces: portType + the binding an agent speaks

  private interfaces(document: WsdlDocument): InterfaceDef[] {
    for (const binding of document.bindings) {
      if (!this.byName(document.portTypes, binding.portType, 'portType', binding.loc)) {
        throw new WsdlError(`wsdl:binding "${binding.name.local}" is of the portType ${formatQName(binding.portType)}, which is not declared`, binding.loc);
      }
    }
    const ports = document.services.flatMap((service) =>
      service.ports.map((port) => {
        const binding = this.byName(document.bindings, port.binding, 'binding', port.loc);
        if (!binding) throw new WsdlError(`wsdl:port "${port.name}" names the binding ${formatQName(port.binding)}, which is not declared`, port.loc);
        return { service: service.name, port, binding };
      }),
    );
    return document.portTypes.map((portType) => {
      const isOurs = (binding: Binding) =>
        binding.soapVersion !== undefined && this.byName(document.portTypes, binding.portType, 'portType', binding.loc) === portType;
      const viaPort = ports.find((candidate) => isOurs(candidate.binding));
      const binding = viaPort?.binding ?? document.bindings.find(isOurs);
      const names = new Set<string>();
      const operations = portType.operations.map((operation) => {
        if (names.has(operation.name)) {
          // WSDL 1.1 allows overloading by message name; WS-I and every generated client do not
          throw new WsdlError(`portType ${portType.name.local} has a second operation named "${operation.name}" (overloaded operations are not supported)`, operation.loc);
        }
        names.add(operation.name);
        return this.operation(document, operation, binding);
      });
      return {
        name: portType.name,
        source: this.sourceName(document.file),
        documentation: portType.documentation,
        binding: binding && { ...this.bindingDef(binding, portType), soapVersion: binding.soapVersion! },
        port: viaPort && { service: viaPort.service, name: viaPort.port.name, address: viaPort.port.address, loc: viaPort.port.loc },
        operations,
        loc: portType.loc,
      };
    });
  }

  private bindingDef(binding: Binding, portType: PortType): BindingDef {
    return {
      name: binding.name,
      portType: portType.name,
      soapVersion: binding.soapVersion,
      style: binding.style,
      policies: binding.policies,
      ...(binding.usernameTokenPassword ? { usernameTokenPassword: binding.usernameTokenPassword } : {}),
      loc: binding.loc,
    };
  }

  private operation(document: WsdlDocument, operation: Operation, binding: Binding | undefined): OperationDef {
    const bound = binding?.operations.find((o) => o.name === operation.name);
    // an output-only operation is never called, so its binding is not needed
    if (binding && !bound && operation.input) throw new WsdlError(`operation "${operation.name}" is missing from binding ${binding.name.local}`, binding.loc);
    const message = (name: QName | undefined, boundMessage: BindingMessage | undefined) =>
      name && this.messageDef(document, this.message(document, name, operation.loc), boundMessage);
    return {
      name: operation.name,
      documentation: operation.documentation,
      soapAction: bound?.soapAction || undefined,
      style: bound?.style ?? binding?.style ?? 'document',
      input: message(operation.input, bound?.input),
      output: message(operation.output, bound?.output),
      // faults are documentation to an agent (it reports any SOAP fault), so a broken one is not fatal
      faults: operation.faults.flatMap((fault) => {
        const faultMessage = this.byName(document.messages, fault.message, 'message', operation.loc);
        if (!faultMessage) {
          this.warn(`the fault "${fault.name}" names the message ${formatQName(fault.message)}, which is not declared; the fault is left out`, operation.loc);
          return [];
        }
        try {
          return [{ name: fault.name, message: faultMessage.name, parts: faultMessage.parts.map((part) => this.part(part)) }];
        } catch (error) {
          if (!(error instanceof WsdlError)) throw error;
          this.warn(`the fault "${fault.name}" is left out: ${error.problem}`, error.loc ?? operation.loc);
          return [];
        }
      }),
      loc: operation.loc,
    };
  }

  private message(document: WsdlDocument, name: QName, loc: SourceLocation): Message {
    const message = this.byName(document.messages, name, 'message', loc);
    if (!message) throw new WsdlError(`the message ${formatQName(name)} is not declared`, loc);
    return message;
  }

  private messageDef(document: WsdlDocument, message: Message, bound: BindingMessage | undefined): MessageDef {
    const headers = (bound?.headers ?? []).map((header) => {
      const headerMessage = this.message(document, header.message, header.loc);
      const part = headerMessage.parts.find((p) => p.name === header.part);
      if (!part) throw new WsdlError(`soap:header names the part "${header.part}", which ${formatQName(header.message)} does not have`, header.loc);
      return { headerMessage, def: { message: headerMessage.name, part: this.part(part), use: header.use, loc: header.loc } };
    });
    const headerParts = new Set(headers.filter((header) => header.headerMessage === message).map((header) => header.def.part.name));
    const body = message.parts.filter((part) => !headerParts.has(part.name) && (!bound?.bodyParts || bound.bodyParts.includes(part.name)));
    return {
      message: message.name,
      use: bound?.use ?? 'literal',
      namespace: bound?.namespace,
      encodingStyle: bound?.encodingStyle,
      body: body.map((part) => this.part(part)),
      headers: headers.map((header) => header.def),
      loc: message.loc,
    };
  }

  private part(part: MessagePart): PartDef {
    if (part.element) {
      const key = qnameKey(part.element);
      if (!this.schemas.element(part.element, part.loc) && !this.standIns.has(key)) {
        this.standIns.set(key, { name: part.element, type: { kind: 'builtin', name: 'anyType' }, nillable: false, loc: part.loc });
      }
      return { name: part.name, element: part.element, loc: part.loc };
    }
    return { name: part.name, type: this.ref(typeUseOf(part.type!), part.loc), loc: part.loc };
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
    this.warn(`the ${what} ${formatQName(name)} is not declared; using ${formatQName(byLocal[0]!.name)}, the only ${what} named "${name.local}"`, loc);
    return byLocal[0];
  }
}

/** What every type definition has. */
type TypeDefCommon = Pick<TypeDef, 'id' | 'name' | 'anonymous' | 'ns' | 'documentation' | 'loc'>;

function within(place: AnonymousPlace, step: string): AnonymousPlace {
  return { owner: place.owner, path: [...place.path, step] };
}

/** An id without its namespace, for messages. */
function shortId(id: string): string {
  return id.replace(/^\{[^}]*\}/, '');
}

/** A named group as a type holding it, so its content can be flattened (and its references checked). */
function groupHolder(particle: Particle | undefined, loc: SourceLocation): ComplexType {
  return { kind: 'complex', content: particle, attributes: [], anyAttribute: false, mixed: false, isDictionary: false, loc };
}

function declarationsOf(document: WsdlDocument): string[] {
  const keys = document.schemas.flatMap((schema) => [
    ...schema.types.map((type) => qnameKey(type.name!)),
    ...schema.elements.map((element) => qnameKey({ ns: element.ns, local: element.name })),
    ...schema.groups.map((group) => qnameKey(group.name)),
    ...schema.attributeGroups.map((group) => qnameKey(group.name)),
    ...schema.attributes.map((attribute) => qnameKey({ ns: attribute.ns, local: attribute.name })),
  ]);
  return [...new Set(keys)];
}

/** The same imported XSD file read by several WSDLs is one schema. */
function dedupeSchemas(schemas: readonly Schema[]): Schema[] {
  const seen = new Set<string>();
  return schemas.filter((schema) => {
    const key = `${schema.file}:${schema.loc.line}:${schema.loc.column}:${schema.targetNamespace}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
