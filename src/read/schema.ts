/** XML Schema (`xs:schema`) → model. One call per schema element, inline or in its own file. */
import type { Element } from '@xmldom/xmldom';
import { WsdlError } from '../errors.js';
import {
  WCF_SERIALIZATION_NS,
  XSD_NS,
  type ComplexType,
  type ElementDecl,
  type QName,
  type Schema,
  type SchemaType,
  type SimpleType,
  type TypeUse,
  type UnsupportedConstruct,
} from '../model/model.js';
import {
  attribute,
  childElements,
  documentationText,
  firstChildNamed,
  isElement,
  locationOf,
  qnameAttribute,
} from './xml.js';

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
  const elementFormDefault = attribute(element, 'elementFormDefault') === 'qualified' ? 'qualified' : 'unqualified';
  const reader = new SchemaReader(file, targetNamespace, elementFormDefault);
  const elements: ElementDecl[] = [];
  const types: SchemaType[] = [];
  const references: SchemaReference[] = [];

  for (const child of childElements(element)) {
    if (child.namespaceURI !== XSD_NS) continue; // foreign annotations are allowed anywhere
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
      case 'import':
      case 'include':
        references.push({
          kind: child.localName,
          namespace: attribute(child, 'namespace'),
          schemaLocation: attribute(child, 'schemaLocation'),
          element: child,
        });
        break;
      case 'annotation':
      case 'attribute': // global attribute declarations only matter where a type uses them
      case 'notation':
        break;
      default:
        // groups, attributeGroups, redefine: modelled where they are used; unknown here
        break;
    }
  }

  return {
    schema: {
      targetNamespace,
      elementFormDefault,
      file,
      elements,
      types,
      loc: locationOf(file, element),
    },
    references,
  };
}

class SchemaReader {
  constructor(
    private readonly file: string,
    private readonly targetNamespace: string,
    private readonly elementFormDefault: 'qualified' | 'unqualified',
  ) {}

  requiredName(element: Element, construct: string): QName {
    const name = attribute(element, 'name');
    if (!name) throw new WsdlError(`a top-level xs:${construct} needs a name attribute`, locationOf(this.file, element));
    return { ns: this.targetNamespace, local: name };
  }

  element(element: Element, global: boolean): ElementDecl {
    const loc = locationOf(this.file, element);
    const minOccurs = global ? 1 : this.minOccurs(element);
    const maxOccurs = global ? 1 : this.maxOccurs(element);
    const documentation = this.documentation(element);
    const ref = qnameAttribute(element, 'ref', this.file);
    if (ref) {
      if (global) throw new WsdlError('a top-level xs:element cannot use ref', loc);
      return { name: ref.local, ns: ref.ns, ref, minOccurs, maxOccurs, nillable: false, documentation, loc };
    }
    const name = attribute(element, 'name');
    if (!name) throw new WsdlError('xs:element needs a name or a ref attribute', loc);
    const form = attribute(element, 'form') ?? this.elementFormDefault;
    const ns = global || form === 'qualified' ? this.targetNamespace : '';
    return {
      name,
      ns,
      type: this.typeOf(element, `element "${name}"`),
      minOccurs,
      maxOccurs,
      nillable: attribute(element, 'nillable') === 'true',
      documentation,
      loc,
    };
  }

  /** The type of an element or attribute: its `type` attribute or inline type; xs:anyType otherwise. */
  private typeOf(element: Element, what: string): TypeUse {
    const named = qnameAttribute(element, 'type', this.file);
    const inline = childElements(element).filter(
      (child) => isElement(child, XSD_NS, 'complexType') || isElement(child, XSD_NS, 'simpleType'),
    );
    if (named && inline.length > 0) {
      throw new WsdlError(`${what} has both a type attribute and an inline type`, locationOf(this.file, element));
    }
    if (named) return this.typeUse(named);
    if (inline.length > 0) {
      const inner = inline[0];
      return {
        kind: 'inline',
        type: inner.localName === 'complexType' ? this.complexType(inner) : this.simpleType(inner),
      };
    }
    return { kind: 'builtin', name: 'anyType' };
  }

  private typeUse(name: QName): TypeUse {
    return name.ns === XSD_NS ? { kind: 'builtin', name: name.local } : { kind: 'named', name };
  }

  complexType(element: Element, name?: QName): ComplexType {
    const loc = locationOf(this.file, element);
    const elements: ElementDecl[] = [];
    const unsupported: UnsupportedConstruct[] = [];
    let base: QName | undefined;
    let mixed = attribute(element, 'mixed') === 'true';

    const readContent = (parent: Element) => {
      for (const child of childElements(parent)) {
        if (child.namespaceURI !== XSD_NS) continue;
        switch (child.localName) {
          case 'sequence':
          case 'all':
            this.particles(child, elements, unsupported, false);
            break;
          case 'choice':
            unsupported.push({ construct: 'xs:choice (members read as optional)', loc: locationOf(this.file, child) });
            this.particles(child, elements, unsupported, true);
            break;
          case 'annotation':
            break;
          default:
            unsupported.push({ construct: `xs:${child.localName}`, loc: locationOf(this.file, child) });
        }
      }
    };

    for (const child of childElements(element)) {
      if (child.namespaceURI !== XSD_NS) continue;
      if (child.localName === 'complexContent') {
        if (attribute(child, 'mixed') === 'true') mixed = true;
        const derivation = childElements(child).find((c) => c.namespaceURI === XSD_NS && c.localName !== 'annotation');
        if (derivation && derivation.localName === 'extension') {
          base = qnameAttribute(derivation, 'base', this.file);
          if (!base) throw new WsdlError('xs:extension needs a base attribute', locationOf(this.file, derivation));
          if (base.ns === XSD_NS && base.local === 'anyType') base = undefined;
          readContent(derivation);
        } else if (derivation) {
          unsupported.push({ construct: `xs:complexContent/xs:${derivation.localName}`, loc: locationOf(this.file, derivation) });
        }
      } else if (child.localName === 'simpleContent') {
        unsupported.push({ construct: 'xs:simpleContent', loc: locationOf(this.file, child) });
      } else if (child.localName !== 'annotation') {
        readContent(element);
        break;
      }
    }

    return {
      kind: 'complex',
      name,
      base,
      elements,
      mixed,
      isDictionary: this.isWcfDictionary(element),
      documentation: this.documentation(element),
      unsupported,
      loc,
    };
  }

  /** Elements of a model group, flattened in document order; nested groups keep their order. */
  private particles(group: Element, into: ElementDecl[], unsupported: UnsupportedConstruct[], optional: boolean): void {
    const groupOptional = optional || this.minOccurs(group) === 0;
    const groupRepeats = this.maxOccurs(group) !== 1;
    if (groupRepeats) {
      unsupported.push({ construct: `a repeating xs:${group.localName}`, loc: locationOf(this.file, group) });
    }
    for (const child of childElements(group)) {
      if (child.namespaceURI !== XSD_NS) continue;
      switch (child.localName) {
        case 'element': {
          const decl = this.element(child, false);
          into.push(groupOptional && decl.minOccurs > 0 ? { ...decl, minOccurs: 0 } : decl);
          break;
        }
        case 'sequence':
        case 'all':
          this.particles(child, into, unsupported, groupOptional);
          break;
        case 'choice':
          unsupported.push({ construct: 'xs:choice (members read as optional)', loc: locationOf(this.file, child) });
          this.particles(child, into, unsupported, true);
          break;
        case 'annotation':
          break;
        default:
          unsupported.push({ construct: `xs:${child.localName}`, loc: locationOf(this.file, child) });
      }
    }
  }

  simpleType(element: Element, name?: QName): SimpleType {
    const loc = locationOf(this.file, element);
    const documentation = this.documentation(element);
    const derivation = childElements(element).find((c) => c.namespaceURI === XSD_NS && c.localName !== 'annotation');
    if (!derivation) throw new WsdlError('xs:simpleType needs a restriction, list or union', loc);
    const inlineSimple = () => {
      const inner = firstChildNamed(derivation, XSD_NS, 'simpleType');
      return inner ? ({ kind: 'inline', type: this.simpleType(inner) } as const) : undefined;
    };

    switch (derivation.localName) {
      case 'restriction': {
        const baseName = qnameAttribute(derivation, 'base', this.file);
        const base = baseName ? this.typeUse(baseName) : inlineSimple();
        if (!base) throw new WsdlError('xs:restriction needs a base attribute or an inline xs:simpleType', locationOf(this.file, derivation));
        const enumeration: string[] = [];
        const facets: { name: string; value: string }[] = [];
        for (const facet of childElements(derivation)) {
          if (facet.namespaceURI !== XSD_NS) continue;
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
        const itemName = qnameAttribute(derivation, 'itemType', this.file);
        const itemType = itemName ? this.typeUse(itemName) : inlineSimple();
        if (!itemType) throw new WsdlError('xs:list needs an itemType attribute or an inline xs:simpleType', locationOf(this.file, derivation));
        return { kind: 'simple', name, variety: 'list', itemType, facets: [], documentation, loc };
      }
      case 'union': {
        const memberTypes: TypeUse[] = (attribute(derivation, 'memberTypes') ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map((value) => {
            const colon = value.indexOf(':');
            const prefix = colon >= 0 ? value.slice(0, colon) : null;
            const ns = derivation.lookupNamespaceURI(prefix) ?? '';
            return this.typeUse({ ns, local: colon >= 0 ? value.slice(colon + 1) : value });
          });
        for (const inner of childElements(derivation)) {
          if (isElement(inner, XSD_NS, 'simpleType')) memberTypes.push({ kind: 'inline', type: this.simpleType(inner) });
        }
        return { kind: 'simple', name, variety: 'union', memberTypes, facets: [], documentation, loc };
      }
      default:
        throw new WsdlError(`unexpected xs:${derivation.localName} in xs:simpleType`, locationOf(this.file, derivation));
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
    const annotation = firstChildNamed(element, XSD_NS, 'annotation');
    return annotation ? documentationText(firstChildNamed(annotation, XSD_NS, 'documentation')) : undefined;
  }

  private isWcfDictionary(element: Element): boolean {
    const annotation = firstChildNamed(element, XSD_NS, 'annotation');
    const appinfo = annotation && firstChildNamed(annotation, XSD_NS, 'appinfo');
    const flag = appinfo && firstChildNamed(appinfo, WCF_SERIALIZATION_NS, 'IsDictionary');
    return (flag?.textContent ?? '').trim() === 'true';
  }
}
