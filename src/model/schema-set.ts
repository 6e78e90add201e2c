/** An index over the schemas generated together: lookups by QName, with merge checks. */
import { WsdlError, formatLocation } from '../errors.js';
import {
  formatQName,
  qnameKey,
  type AttributeDecl,
  type ComplexType,
  type ElementDecl,
  type NamedAttributeGroup,
  type NamedGroup,
  type QName,
  type Schema,
  type SchemaType,
  type SourceLocation,
  type TypeUse,
} from '../read/document.js';

export class SchemaSet {
  private readonly types = new Map<string, { type: SchemaType; namespace: string }>();
  private readonly elements = new Map<string, ElementDecl>();
  private readonly groups = new Map<string, NamedGroup>();
  private readonly attributeGroups = new Map<string, NamedAttributeGroup>();
  private readonly attributes = new Map<string, AttributeDecl>();

  /**
   * Schemas of one namespace may arrive several times (SuperOffice repeats its shared types in
   * every agent's WSDL). A repeat is merged when it says the same; a different declaration under
   * the same name is an error naming both places.
   */
  constructor(readonly schemas: readonly Schema[]) {
    for (const schema of schemas) {
      for (const type of schema.types) {
        const name = type.name!;
        const key = qnameKey(name);
        const existing = this.types.get(key);
        if (!existing) this.types.set(key, { type, namespace: schema.targetNamespace });
        else checkSame(existing.type, type, `type ${formatQName(name)}`);
      }
      for (const element of schema.elements) addOnce(this.elements, { ns: element.ns, local: element.name }, element, 'element');
      for (const attribute of schema.attributes) addOnce(this.attributes, { ns: attribute.ns, local: attribute.name }, attribute, 'attribute');
      for (const group of schema.groups) addOnce(this.groups, group.name, group, 'group');
      for (const group of schema.attributeGroups) addOnce(this.attributeGroups, group.name, group, 'attributeGroup');
    }
  }

  group(name: QName, usedAt: SourceLocation): NamedGroup {
    return declared(this.groups, name, 'group', usedAt);
  }

  attributeGroup(name: QName, usedAt: SourceLocation): NamedAttributeGroup {
    return declared(this.attributeGroups, name, 'attributeGroup', usedAt);
  }

  /** An attribute's own declaration merged with the global attribute it refers to, if any. */
  resolveAttribute(attribute: AttributeDecl): AttributeDecl & { type: TypeUse } {
    if (!attribute.ref) return attribute as AttributeDecl & { type: TypeUse };
    const target = declared(this.attributes, attribute.ref, 'attribute', attribute.loc);
    return { ...attribute, type: target.type!, documentation: attribute.documentation ?? target.documentation };
  }

  /** Named types, in the order their schemas were read (a repeated declaration once). */
  namedTypes(): SchemaType[] {
    return [...this.types.values()].map((entry) => entry.type);
  }

  globalElements(): ElementDecl[] {
    return [...this.elements.values()];
  }

  globalGroups(): NamedGroup[] {
    return [...this.groups.values()];
  }

  globalAttributeGroups(): NamedAttributeGroup[] {
    return [...this.attributeGroups.values()];
  }

  globalAttributes(): AttributeDecl[] {
    return [...this.attributes.values()];
  }

  /**
   * What a `type="…"` reference stands for. A name that is no type but a global element is taken
   * as that element's type (`viaElement` says so): a common slip in hand-written schemas, with
   * only one sensible reading.
   */
  typeReference(name: QName, usedAt: SourceLocation): { use: TypeUse; viaElement?: ElementDecl } {
    if (this.findType(name)) return { use: { kind: 'named', name } };
    const element = this.elements.get(qnameKey(name));
    if (element?.type) return { use: element.type, viaElement: element };
    this.type(name, usedAt); // throws: not declared
    throw new Error('unreachable');
  }

  findType(name: QName): SchemaType | undefined {
    return this.types.get(qnameKey(name))?.type;
  }

  type(name: QName, usedAt: SourceLocation): SchemaType {
    return declared(this.types, name, 'type', usedAt).type;
  }

  complexType(name: QName, usedAt: SourceLocation): ComplexType {
    const type = this.type(name, usedAt);
    if (type.kind !== 'complex') throw new WsdlError(`${formatQName(name)} is a simple type where a complex type is needed`, usedAt);
    return type;
  }

  element(name: QName, usedAt: SourceLocation): ElementDecl {
    return declared(this.elements, name, 'element', usedAt);
  }

  /** An element's own declaration merged with the global element it refers to, if any. */
  resolveElement(element: ElementDecl): ElementDecl & { type: TypeUse } {
    if (!element.ref) return element as ElementDecl & { type: TypeUse };
    const target = this.element(element.ref, element.loc);
    return {
      ...element,
      type: target.type!,
      nillable: target.nillable,
      documentation: element.documentation ?? target.documentation,
    };
  }
}

/** A declaration by name, or the error saying it is missing, at the place that wanted it. */
function declared<T>(map: ReadonlyMap<string, T>, name: QName, what: string, usedAt: SourceLocation): T {
  const found = map.get(qnameKey(name));
  if (found === undefined) throw new WsdlError(`the ${what} ${formatQName(name)} is not declared in any schema`, usedAt);
  return found;
}

function addOnce<T extends { loc: SourceLocation }>(map: Map<string, T>, name: QName, value: T, what: string): void {
  const key = qnameKey(name);
  const existing = map.get(key);
  if (!existing) map.set(key, value);
  else checkSame(existing, value, `${what} ${formatQName(name)}`);
}

function checkSame(first: { loc: SourceLocation }, second: { loc: SourceLocation }, what: string): void {
  if (comparable(first) !== comparable(second)) {
    throw new WsdlError(`${what} is declared differently here than at ${formatLocation(first.loc)}`, second.loc);
  }
}

/** A declaration as JSON without source locations and documentation, for sameness checks. */
function comparable(value: unknown): string {
  return JSON.stringify(value, (key, item) => (key === 'loc' || key === 'documentation' ? undefined : item));
}
