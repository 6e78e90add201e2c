/** XML Schema (`xs:schema`) → model. One call per schema element, inline or in its own file. */
import type { Element } from '@xmldom/xmldom';
import { WsdlError } from '../errors.js';
import { builtin, typeUseOf } from '../model/builtins.js';
import {
  LEGACY_XSD_NAMESPACES,
  SOAP_ENCODING_NAMESPACES,
  WSDL_NS,
  WCF_SERIALIZATION_NS,
  XSD_NS,
  type AttributeDecl,
  type AttributeUse,
  type ComplexType,
  type ElementDecl,
  type NamedAttributeGroup,
  type NamedGroup,
  type Particle,
  type QName,
  type Schema,
  type SchemaType,
  type SimpleType,
  type SourceLocation,
  type TypeUse,
} from './document.js';
import { attribute, childElements, documentationText, locationOf, nameAttribute, qnameAttribute, resolveQName } from './xml.js';

/** A reference from a schema to another schema document (`xs:import` / `xs:include`). */
export interface SchemaReference {
  readonly kind: 'import' | 'include';
  readonly namespace?: string;
  readonly schemaLocation?: string;
  readonly element: Element;
}

export interface ReadSchemaResult {
  readonly schema: Schema;
  readonly references: SchemaReference[];
  readonly warnings: { readonly message: string; readonly loc: SourceLocation }[];
  /** The namespaces of every QName the schema refers to (types, elements, attributes, groups). */
  readonly referencedNamespaces: ReadonlySet<string>;
}

/** Elements of XML Schema, including the drafts old WSDLs still use. */
export function isXsd(element: Element): boolean {
  return isXsdNamespace(element.namespaceURI ?? '');
}

function isXsdNamespace(namespace: string): boolean {
  return namespace === XSD_NS || LEGACY_XSD_NAMESPACES.includes(namespace);
}

/** Item types whose one-dimensional arrays are byte arrays: base64Binary values (SOAP 1.1 §5.2.3). */
const BYTES = new Set(['byte', 'unsignedByte']);

/** Nesting of model groups and anonymous types; a group and an anonymous type inside are two levels. */
const MAX_NESTING = 256;

/** What the JSDoc of a type holding a .NET DataSet says, after the type's own documentation. */
const DATA_SET_NOTE =
  'A .NET DataSet: its XML Schema (xs:schema) and then its data (usually a diffgr:diffgram), each kept as XML text in $any.';

function xsdChildren(parent: Element): Element[] {
  return childElements(parent).filter(isXsd);
}

function firstXsdChild(parent: Element, local: string): Element | undefined {
  return xsdChildren(parent).find((child) => child.localName === local);
}

/** Facets kept as documentation; enumeration is modelled, the rest only described. */
const DOCUMENTED_FACETS = new Set([
  'pattern',
  'minInclusive',
  'maxInclusive',
  'minExclusive',
  'maxExclusive',
  'length',
  'minLength',
  'maxLength',
  'totalDigits',
  'fractionDigits',
  'whiteSpace',
]);

/**
 * Reads one `xs:schema` element. `targetNamespaceOverride` serves `xs:include` of a schema
 * without a target namespace ("chameleon" include), which takes the includer's.
 */
export function readSchema(element: Element, file: string, targetNamespaceOverride?: string): ReadSchemaResult {
  const targetNamespace = targetNamespaceOverride ?? attribute(element, 'targetNamespace') ?? '';
  const warnings: ReadSchemaResult['warnings'] = [];
  const reader = new SchemaReader(file, targetNamespace, warnings, {
    elements: attribute(element, 'elementFormDefault') === 'qualified',
    attributes: attribute(element, 'attributeFormDefault') === 'qualified',
  });
  const elements: ElementDecl[] = [];
  const types: SchemaType[] = [];
  const groups: NamedGroup[] = [];
  const attributeGroups: NamedAttributeGroup[] = [];
  const attributes: AttributeDecl[] = [];
  const references: SchemaReference[] = [];

  for (const child of xsdChildren(element)) {
    switch (child.localName) {
      case 'element':
        elements.push(reader.element(child, true));
        break;
      case 'complexType':
        types.push(reader.complexType(child, reader.requiredName(child, 'complexType')));
        break;
      case 'simpleType':
        types.push(reader.simpleType(child, reader.requiredName(child, 'simpleType')));
        break;
      case 'group':
        groups.push(reader.namedGroup(child));
        break;
      case 'attributeGroup':
        attributeGroups.push(reader.namedAttributeGroup(child));
        break;
      case 'attribute':
        attributes.push(reader.attribute(child, true));
        break;
      case 'import':
      case 'include':
        references.push({
          kind: child.localName,
          namespace: attribute(child, 'namespace'),
          schemaLocation: attribute(child, 'schemaLocation'),
          element: child,
        });
        break;
      case 'redefine':
      case 'override':
        // read as the include it starts from; its changes to the included types are left out
        warnings.push({
          message: `xs:${child.localName} is not supported: "${attribute(child, 'schemaLocation') ?? ''}" is included as it is, without the changes made here`,
          loc: locationOf(file, child),
        });
        references.push({ kind: 'include', schemaLocation: attribute(child, 'schemaLocation'), element: child });
        break;
      default:
        // annotation, notation
        break;
    }
  }

  return {
    schema: {
      targetNamespace,
      elementFormDefault: reader.qualified.elements ? 'qualified' : 'unqualified',
      file,
      elements,
      types,
      groups,
      attributeGroups,
      attributes,
      loc: locationOf(file, element),
    },
    references,
    warnings,
    referencedNamespaces: reader.referencedNamespaces,
  };
}

class SchemaReader {
  readonly referencedNamespaces = new Set<string>();
  /** How deep the model groups and types being read are nested. */
  private depth = 0;

  constructor(
    private readonly file: string,
    private readonly targetNamespace: string,
    private readonly warnings: ReadSchemaResult['warnings'],
    readonly qualified: { readonly elements: boolean; readonly attributes: boolean },
  ) {}

  requiredName(element: Element, construct: string): QName {
    const name = nameAttribute(element);
    if (!name) throw new WsdlError(`a top-level xs:${construct} needs a name attribute`, locationOf(this.file, element));
    return { ns: this.targetNamespace, local: name };
  }

  element(element: Element, global: boolean): ElementDecl {
    const loc = locationOf(this.file, element);
    const minOccurs = global ? 1 : this.minOccurs(element);
    const maxOccurs = global ? 1 : this.maxOccurs(element);
    const documentation = this.documentation(element);
    const ref = this.qname(element, 'ref');
    if (ref) {
      if (global) throw new WsdlError('a top-level xs:element cannot use ref', loc);
      return { name: ref.local, ns: ref.ns, ref, minOccurs, maxOccurs, nillable: false, documentation, loc };
    }
    const name = nameAttribute(element);
    if (!name) throw new WsdlError('xs:element needs a name or a ref attribute', loc);
    const form = attribute(element, 'form');
    const qualified = form ? form === 'qualified' : this.qualified.elements;
    return {
      name,
      ns: global || qualified ? this.targetNamespace : '',
      type: this.typeOf(element, `element "${name}"`),
      minOccurs,
      maxOccurs,
      nillable: attribute(element, 'nillable') === 'true',
      documentation,
      loc,
    };
  }

  attribute(element: Element, global: boolean): AttributeDecl {
    const loc = locationOf(this.file, element);
    const use = attribute(element, 'use');
    const base = {
      required: use === 'required',
      ...(use === 'prohibited' ? { prohibited: true } : {}),
      defaultValue: attribute(element, 'default'),
      fixed: attribute(element, 'fixed'),
      documentation: this.documentation(element),
      loc,
    };
    const ref = this.qname(element, 'ref');
    if (ref) return { ...base, name: ref.local, ns: ref.ns, ref };
    const name = nameAttribute(element);
    if (!name) throw new WsdlError('xs:attribute needs a name or a ref attribute', loc);
    const form = attribute(element, 'form');
    const qualified = global || (form ? form === 'qualified' : this.qualified.attributes);
    const type = this.typeOf(element, `attribute "${name}"`, { kind: 'builtin', name: 'anySimpleType' });
    if (type.kind === 'inline' && type.type.kind !== 'simple') {
      throw new WsdlError(`attribute "${name}" has a complex type; attributes hold simple values only`, loc);
    }
    return { ...base, name, ns: qualified ? this.targetNamespace : '', type };
  }

  /** The type of an element or attribute: its `type` attribute or inline type; xs:anyType otherwise. */
  private typeOf(element: Element, what: string, fallback: TypeUse = { kind: 'builtin', name: 'anyType' }): TypeUse {
    const named = this.qname(element, 'type');
    const inline = xsdChildren(element).filter((child) => child.localName === 'complexType' || child.localName === 'simpleType');
    if (named && inline.length > 0) {
      throw new WsdlError(`${what} has both a type attribute and an inline type`, locationOf(this.file, element));
    }
    if (named) return typeUseOf(named);
    if (inline.length > 0) {
      const inner = inline[0];
      return { kind: 'inline', type: inner.localName === 'complexType' ? this.complexType(inner) : this.simpleType(inner) };
    }
    return fallback;
  }

  private qname(element: Element, name: string): QName | undefined {
    const qname = qnameAttribute(element, name, this.file);
    if (qname) this.referencedNamespaces.add(qname.ns);
    if (qname && qname.ns === '' && name !== 'ref' && builtin(qname.local)) {
      this.warnings.push({
        message: `${name}="${qname.local}" names no namespace; it is read as the built-in xs:${qname.local}`,
        loc: locationOf(this.file, element),
      });
    }
    return qname;
  }

  complexType(element: Element, name?: QName): ComplexType {
    return this.nested(element, () => this.readComplexType(element, name));
  }

  private readComplexType(element: Element, name?: QName): ComplexType {
    const loc = locationOf(this.file, element);
    let base: QName | undefined;
    let derivation: 'extension' | 'restriction' | undefined;
    let content: Particle | undefined;
    let simpleContent: TypeUse | undefined;
    let mixed = attribute(element, 'mixed') === 'true';
    const attributes: AttributeUse[] = [];
    let anyAttribute = false;

    /** Model group and attributes, as they appear directly in a type or a derivation. */
    const readBody = (parent: Element) => {
      for (const child of xsdChildren(parent)) {
        switch (child.localName) {
          case 'sequence':
          case 'choice':
          case 'all':
          case 'group':
            content = this.particle(child);
            break;
          case 'attribute':
            attributes.push({ kind: 'attribute', attribute: this.attribute(child, false) });
            break;
          case 'attributeGroup':
            attributes.push(this.attributeGroupRef(child));
            break;
          case 'anyAttribute':
            anyAttribute = true;
            break;
          default:
            // annotation; facets of a simpleContent restriction (only documentation)
            break;
        }
      }
    };

    const contentElement = xsdChildren(element).find((c) => c.localName === 'complexContent' || c.localName === 'simpleContent');
    if (contentElement) {
      if (attribute(contentElement, 'mixed') === 'true') mixed = true;
      const derived = xsdChildren(contentElement).find((c) => c.localName === 'extension' || c.localName === 'restriction');
      if (!derived) throw new WsdlError(`xs:${contentElement.localName} needs an xs:extension or xs:restriction`, locationOf(this.file, contentElement));
      const baseName = this.qname(derived, 'base');
      if (!baseName) throw new WsdlError(`xs:${derived.localName} needs a base attribute`, locationOf(this.file, derived));
      derivation = derived.localName as 'extension' | 'restriction';
      if (derivation === 'restriction' && SOAP_ENCODING_NAMESPACES.includes(baseName.ns) && baseName.local === 'Array') {
        return this.encodedArray(element, derived, name);
      }
      if (contentElement.localName === 'simpleContent') {
        simpleContent = typeUseOf(baseName);
      } else if (typeUseOf(baseName).kind === 'named') {
        base = baseName; // xs:anyType as base adds nothing
      }
      readBody(derived);
    } else {
      readBody(element);
    }

    return {
      kind: 'complex',
      name,
      base,
      derivation,
      content,
      simpleContent,
      attributes,
      anyAttribute,
      mixed,
      isDictionary: this.isWcfDictionary(element),
      documentation: content && holdsInlineSchema(content) ? joinText(this.documentation(element), DATA_SET_NOTE) : this.documentation(element),
      loc,
    };
  }

  /**
   * A SOAP-encoded array: `restriction base="soapenc:Array"` whose item type is given by the
   * `wsdl:arrayType` of its `soapenc:arrayType` attribute (`xsd:string[]`), and whose item
   * element is named by its own sequence, if it has one (`item` otherwise).
   */
  private encodedArray(element: Element, restriction: Element, name: QName | undefined): ComplexType {
    const loc = locationOf(this.file, element);
    const declared = xsdChildren(restriction)
      .filter((child) => child.localName === 'attribute')
      .map((child) => child.getAttributeNS(WSDL_NS, 'arrayType') ? ([child, child.getAttributeNS(WSDL_NS, 'arrayType')!] as const) : undefined)
      .find((found) => found !== undefined);
    const sequence = xsdChildren(restriction).find((child) => child.localName === 'sequence' || child.localName === 'all');
    const itemElement = sequence && xsdChildren(sequence).find((child) => child.localName === 'element');
    let itemType: TypeUse = { kind: 'builtin', name: 'anyType' };
    if (declared) itemType = this.arrayItemType(...declared);
    else if (itemElement) itemType = this.element(itemElement, false).type ?? itemType;
    return {
      ...encodedArrayOf(itemType, itemElement ? locationOf(this.file, itemElement) : loc, loc, (itemElement && nameAttribute(itemElement)) ?? 'item'),
      name,
      documentation: this.documentation(element),
    };
  }

  /**
   * The item type a `wsdl:arrayType` names (SOAP 1.1 §5.4.2: a type, then one rank per array
   * level, this array's own last). `xsd:int[][]` is an array of `xsd:int[]`: each rank before the
   * last nests an array in the items, innermost first. An array of bytes nested so is one
   * base64Binary value, as §5.2.3 recommends and as Axis sends `byte[][]` (its
   * `ArrayOf_xsd_base64Binary`). A multi-dimensional rank (`[,]`) is sent as its items in
   * row-major order, so it is read as a flat list of them.
   */
  private arrayItemType(attributeElement: Element, arrayType: string): TypeUse {
    const what = `wsdl:arrayType="${arrayType}"`;
    const parsed = /^\s*([^\s[\]]+)\s*((?:\[[\d,\s]*\]\s*)*)$/.exec(arrayType);
    if (!parsed) throw new WsdlError(`${what} is not a type name followed by array ranks (such as xsd:string[])`, locationOf(this.file, attributeElement));
    const [, typeName, rankText] = parsed;
    const ranks = rankText.match(/\[[^\]]*\]/g) ?? ['[]'];
    for (const rank of ranks.filter((r) => r.includes(','))) {
      this.warnings.push({
        message: `${what}: a ${rank.split(',').length}-dimensional array is read as its items in row-major order (its dimensions, given in soapenc:arrayType when sent, are not kept)`,
        loc: locationOf(this.file, attributeElement),
      });
    }
    const loc = locationOf(this.file, attributeElement);
    let itemType = typeUseOf(this.resolveQName(attributeElement, typeName, what));
    for (let level = 0; level < ranks.length - 1; level++) {
      const ofBytes = itemType.kind === 'builtin' && BYTES.has(itemType.name) && !ranks[level]!.includes(',');
      itemType = ofBytes ? { kind: 'builtin', name: 'base64Binary' } : { kind: 'inline', type: encodedArrayOf(itemType, loc, loc) };
    }
    return itemType;
  }

  /** A model group, group reference, element or wildcard, with nesting kept. */
  private particle(element: Element): Particle {
    return this.nested(element, () => this.readParticle(element));
  }

  private readParticle(element: Element): Particle {
    const loc = locationOf(this.file, element);
    const minOccurs = this.minOccurs(element);
    const maxOccurs = this.maxOccurs(element);
    switch (element.localName) {
      case 'element': {
        const declared = this.element(element, false);
        // .NET writes a DataSet as `<s:element ref="s:schema"/><s:any/>`: its schema, then its data
        if (declared.ref?.local === 'schema' && isXsdNamespace(declared.ref.ns)) return { kind: 'any', minOccurs, maxOccurs, inlineSchema: true, loc };
        return { kind: 'element', element: declared };
      }
      case 'any':
        return { kind: 'any', minOccurs, maxOccurs, loc };
      case 'group': {
        const ref = this.qname(element, 'ref');
        if (!ref) throw new WsdlError('a local xs:group needs a ref attribute', loc);
        return { kind: 'groupRef', ref, minOccurs, maxOccurs, loc };
      }
      case 'sequence':
      case 'choice':
      case 'all':
        return {
          kind: element.localName,
          particles: xsdChildren(element)
            .filter((child) => ['element', 'any', 'group', 'sequence', 'choice', 'all'].includes(child.localName ?? ''))
            .map((child) => this.particle(child)),
          minOccurs,
          maxOccurs,
          loc,
        };
      default:
        throw new WsdlError(`unexpected xs:${element.localName} in a content model`, loc);
    }
  }

  namedGroup(element: Element): NamedGroup {
    const name = this.requiredName(element, 'group');
    const model = xsdChildren(element).find((c) => c.localName === 'sequence' || c.localName === 'choice' || c.localName === 'all');
    if (!model) throw new WsdlError(`xs:group "${name.local}" needs a sequence, choice or all`, locationOf(this.file, element));
    return { name, particle: this.particle(model), loc: locationOf(this.file, element) };
  }

  namedAttributeGroup(element: Element): NamedAttributeGroup {
    const attributes: AttributeUse[] = [];
    let anyAttribute = false;
    for (const child of xsdChildren(element)) {
      if (child.localName === 'attribute') attributes.push({ kind: 'attribute', attribute: this.attribute(child, false) });
      else if (child.localName === 'attributeGroup') attributes.push(this.attributeGroupRef(child));
      else if (child.localName === 'anyAttribute') anyAttribute = true;
    }
    return { name: this.requiredName(element, 'attributeGroup'), attributes, anyAttribute, loc: locationOf(this.file, element) };
  }

  private attributeGroupRef(element: Element): AttributeUse {
    const ref = this.qname(element, 'ref');
    if (!ref) throw new WsdlError('a local xs:attributeGroup needs a ref attribute', locationOf(this.file, element));
    return { kind: 'attributeGroupRef', ref, loc: locationOf(this.file, element) };
  }

  simpleType(element: Element, name?: QName): SimpleType {
    return this.nested(element, () => this.readSimpleType(element, name));
  }

  private readSimpleType(element: Element, name?: QName): SimpleType {
    const loc = locationOf(this.file, element);
    const documentation = this.documentation(element);
    const derivation = xsdChildren(element).find((c) => c.localName !== 'annotation');
    if (!derivation) throw new WsdlError('xs:simpleType needs a restriction, list or union', loc);
    const inlineSimple = () => {
      const inner = firstXsdChild(derivation, 'simpleType');
      return inner ? ({ kind: 'inline', type: this.simpleType(inner) } as const) : undefined;
    };

    switch (derivation.localName) {
      case 'restriction': {
        const baseName = this.qname(derivation, 'base');
        const base = baseName ? typeUseOf(baseName) : inlineSimple();
        if (!base) throw new WsdlError('xs:restriction needs a base attribute or an inline xs:simpleType', locationOf(this.file, derivation));
        const enumeration: string[] = [];
        const facets: { name: string; value: string }[] = [];
        for (const facet of xsdChildren(derivation)) {
          const value = attribute(facet, 'value') ?? '';
          if (facet.localName === 'enumeration') enumeration.push(value);
          else if (facet.localName && DOCUMENTED_FACETS.has(facet.localName)) facets.push({ name: facet.localName, value });
        }
        return {
          kind: 'simple',
          name,
          variety: 'atomic',
          base,
          enumeration: enumeration.length > 0 ? enumeration : undefined,
          facets,
          documentation,
          loc,
        };
      }
      case 'list': {
        const itemName = this.qname(derivation, 'itemType');
        const itemType = itemName ? typeUseOf(itemName) : inlineSimple();
        if (!itemType) throw new WsdlError('xs:list needs an itemType attribute or an inline xs:simpleType', locationOf(this.file, derivation));
        return { kind: 'simple', name, variety: 'list', itemType, facets: [], documentation, loc };
      }
      case 'union': {
        const memberTypes: TypeUse[] = (attribute(derivation, 'memberTypes') ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map((value) => typeUseOf(this.resolveQName(derivation, value, `memberTypes="${value}"`)));
        for (const inner of xsdChildren(derivation)) {
          if (inner.localName === 'simpleType') memberTypes.push({ kind: 'inline', type: this.simpleType(inner) });
        }
        return { kind: 'simple', name, variety: 'union', memberTypes, facets: [], documentation, loc };
      }
      default:
        throw new WsdlError(`unexpected xs:${derivation.localName} in xs:simpleType`, locationOf(this.file, derivation));
    }
  }

  /** A QName in an attribute value that holds more than one (memberTypes) or more than a QName. */
  private resolveQName(element: Element, value: string, what: string): QName {
    const qname = resolveQName(element, value, this.file, what);
    this.referencedNamespaces.add(qname.ns);
    return qname;
  }

  /**
   * Reads nested markup one level deeper. Model groups and anonymous types nested beyond
   * MAX_NESTING are refused: every later stage walks them recursively, and no generated agent
   * reads messages nested that deep anyway.
   */
  private nested<T>(element: Element, read: () => T): T {
    if (this.depth >= MAX_NESTING) {
      throw new WsdlError(
        `model groups and anonymous types are nested more than ${MAX_NESTING} levels deep here (generated agents read at most 256 levels of elements)`,
        locationOf(this.file, element),
      );
    }
    this.depth++;
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  private minOccurs(element: Element): number {
    const value = attribute(element, 'minOccurs');
    return value === undefined ? 1 : this.occursNumber(element, 'minOccurs', value);
  }

  private maxOccurs(element: Element): number | 'unbounded' {
    const value = attribute(element, 'maxOccurs');
    if (value === undefined) return 1;
    return value === 'unbounded' ? 'unbounded' : this.occursNumber(element, 'maxOccurs', value);
  }

  private occursNumber(element: Element, name: string, value: string): number {
    if (!/^\d+$/.test(value)) {
      throw new WsdlError(`${name}="${value}" is not a non-negative integer`, locationOf(this.file, element));
    }
    return Number(value);
  }

  private documentation(element: Element): string | undefined {
    const annotation = firstXsdChild(element, 'annotation');
    return annotation ? documentationText(firstXsdChild(annotation, 'documentation')) : undefined;
  }

  private isWcfDictionary(element: Element): boolean {
    const annotation = firstXsdChild(element, 'annotation');
    const appinfo = annotation && firstXsdChild(annotation, 'appinfo');
    const flag = appinfo && childElements(appinfo).find((c) => c.namespaceURI === WCF_SERIALIZATION_NS && c.localName === 'IsDictionary');
    return (flag?.textContent ?? '').trim() === 'true';
  }
}

/** An encoded array type of `itemType`: one repeated, nillable, unqualified item element. */
function encodedArrayOf(itemType: TypeUse, itemLoc: SourceLocation, loc: SourceLocation, itemName = 'item'): ComplexType {
  const item: ElementDecl = { name: itemName, ns: '', type: itemType, minOccurs: 0, maxOccurs: 'unbounded', nillable: true, loc: itemLoc };
  return {
    kind: 'complex',
    content: { kind: 'sequence', particles: [{ kind: 'element', element: item }], minOccurs: 1, maxOccurs: 1, loc },
    attributes: [],
    anyAttribute: false,
    mixed: false,
    isDictionary: false,
    encodedArray: true,
    loc,
  };
}

/** Whether a content model has `<xs:element ref="xs:schema"/>` (read as a wildcard), not counting nested types. */
function holdsInlineSchema(particle: Particle): boolean {
  if (particle.kind === 'any') return particle.inlineSchema === true;
  return (particle.kind === 'sequence' || particle.kind === 'choice' || particle.kind === 'all') && particle.particles.some(holdsInlineSchema);
}

function joinText(first: string | undefined, second: string): string {
  return first ? `${first} ${second}` : second;
}
