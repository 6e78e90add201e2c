/** An index over the schemas generated together: lookups by QName, with merge checks. */
import { WsdlError, formatLocation } from '../errors.js';
import {
  formatQName,
  qnameKey,
  type AttributeDecl,
  type ElementDecl,
  type NamedAttributeGroup,
  type NamedGroup,
  type QName,
  type Schema,
  type SchemaType,
  type SourceLocation,
  type TypeUse,
} from '../read/document.js';

/**
 * What a lookup does about a reference to something not declared: throw the error (strict), or
 * warn and let the lookup fall back (`instead` says how).
 */
export type Forgive = (error: WsdlError, instead: string) => void;

/** The built-in a reference to an undeclared type or element stands in for: anything. */
const UNKNOWN: TypeUse = { kind: 'builtin', name: 'anyType' };

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
  constructor(
    readonly schemas: readonly Schema[],
    private readonly forgive: Forgive,
  ) {
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

  /** A named group; undefined when it is not declared and that is forgiven (its members are left out). */
  group(name: QName, usedAt: SourceLocation): NamedGroup | undefined {
    return this.declared(this.groups, name, 'group', usedAt, "its members are left out");
  }

  /** A named attribute group; undefined when it is not declared and that is forgiven. */
  attributeGroup(name: QName, usedAt: SourceLocation): NamedAttributeGroup | undefined {
    return this.declared(this.attributeGroups, name, 'attributeGroup', usedAt, 'its attributes are left out');
  }

  /** An attribute's own declaration merged with the global attribute it refers to, if any. */
  resolveAttribute(attribute: AttributeDecl): AttributeDecl & { type: TypeUse } {
    if (!attribute.ref) return attribute as AttributeDecl & { type: TypeUse };
    const target = this.declared(this.attributes, attribute.ref, 'attribute', attribute.loc, 'it is typed string');
    if (!target) return { ...attribute, type: { kind: 'builtin', name: 'anySimpleType' } };
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
   * only one sensible reading. A name that is neither is xs:anyType, when that is forgiven.
   */
  typeReference(name: QName, usedAt: SourceLocation): { use: TypeUse; viaElement?: ElementDecl } {
    if (this.types.has(qnameKey(name))) return { use: { kind: 'named', name } };
    const element = this.elements.get(qnameKey(name));
    if (element?.type) return { use: element.type, viaElement: element };
    this.declared(this.types, name, 'type', usedAt, 'it is typed unknown');
    return { use: UNKNOWN };
  }

  /** A global element a message part names; undefined when it is not declared and that is forgiven. */
  element(name: QName, usedAt: SourceLocation): ElementDecl | undefined {
    return this.declared(this.elements, name, 'element', usedAt, 'the part is typed unknown');
  }

  /** An element's own declaration merged with the global element it refers to, if any. */
  resolveElement(element: ElementDecl): ElementDecl & { type: TypeUse } {
    if (!element.ref) return element as ElementDecl & { type: TypeUse };
    const target = this.declared(this.elements, element.ref, 'element', element.loc, 'the member is typed unknown');
    if (!target) return { ...element, type: UNKNOWN };
    return {
      ...element,
      type: target.type!,
      nillable: target.nillable,
      documentation: element.documentation ?? target.documentation,
    };
  }

  /** A declaration by name; when missing, the error at the place that wanted it, forgiven or not. */
  private declared<T>(map: ReadonlyMap<string, T>, name: QName, what: string, usedAt: SourceLocation, instead: string): T | undefined {
    const found = map.get(qnameKey(name));
    if (found === undefined) this.forgive(new WsdlError(`the ${what} ${formatQName(name)} is not declared in any schema`, usedAt), instead);
    return found;
  }
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
