/**
 * Structure-aware mutations of WSDL files, described as plain data so fast-check can generate,
 * replay and shrink them. Each works on the parsed document: it picks declarations and
 * references by index (modulo what the file has) and makes the kinds of breakage real WSDLs
 * and careless edits produce — derivation chains that loop, deleted, duplicated and swapped
 * declarations, references to themselves, groups that include themselves, lists of lists,
 * simpleContent over itself, a complex type restricting a simple one, deep nesting.
 */
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import fc from 'fast-check';

const XSD = 'http://www.w3.org/2001/XMLSchema';

export type WsdlMutation =
  /** A type/base/ref/itemType/memberTypes reference set to another declared name (its own type's included). */
  | { readonly kind: 'retarget'; readonly reference: number; readonly target: number }
  /** A type derived from another renamed to its base's name, or its base set to itself. */
  | { readonly kind: 'loopBase'; readonly type: number; readonly rename: boolean }
  /** Two named types swap names. */
  | { readonly kind: 'swapNames'; readonly first: number; readonly second: number }
  /** Two references swap what they name. */
  | { readonly kind: 'swapReferences'; readonly first: number; readonly second: number }
  | { readonly kind: 'delete'; readonly declaration: number }
  /** A declaration repeated, as it is or with its first child removed. */
  | { readonly kind: 'duplicate'; readonly declaration: number; readonly changed: boolean }
  /** New declarations that refer to themselves, directly or through each other. */
  | {
      readonly kind: 'add';
      readonly what:
        | 'elementRefItself'
        | 'elementTypedByItself'
        | 'groupIncludesItself'
        | 'attributeGroupIncludesItself'
        | 'listOfList'
        | 'unionOfLists'
        | 'unionOfItself'
        | 'simpleContentOverItself'
        | 'complexRestrictsSimple'
        | 'simpleRestrictsComplex'
        | 'extensionLoop';
    }
  /** An element nested `depth` anonymous types deep. */
  | { readonly kind: 'nest'; readonly depth: number };

const ADDITIONS = [
  'elementRefItself',
  'elementTypedByItself',
  'groupIncludesItself',
  'attributeGroupIncludesItself',
  'listOfList',
  'unionOfLists',
  'unionOfItself',
  'simpleContentOverItself',
  'complexRestrictsSimple',
  'simpleRestrictsComplex',
  'extensionLoop',
] as const;

export const wsdlMutation: fc.Arbitrary<WsdlMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('retarget' as const), reference: fc.nat(), target: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('loopBase' as const), type: fc.nat(), rename: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapNames' as const), first: fc.nat(), second: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swapReferences' as const), first: fc.nat(), second: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), declaration: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), declaration: fc.nat(), changed: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), what: fc.constantFrom(...ADDITIONS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nest' as const), depth: fc.constantFrom(20, 80, 300, 3000) }) },
);

const REFERENCE_ATTRIBUTES = ['type', 'base', 'ref', 'itemType', 'memberTypes'];
const DECLARATIONS = ['complexType', 'simpleType', 'element', 'group', 'attributeGroup', 'attribute'];

/** Applies the mutations in order to a WSDL's text; the result is text again (maybe no longer valid). */
export function mutateWsdl(text: string, mutations: readonly WsdlMutation[]): string {
  const document = new DOMParser().parseFromString(text, 'text/xml');
  for (const mutation of mutations) apply(document, mutation);
  return new XMLSerializer().serializeToString(document);
}

function apply(document: Document, mutation: WsdlMutation): void {
  const schemas = elementsNamed(document, 'schema');
  if (schemas.length === 0) return;
  const named = (local: string) => elementsNamed(document, local).filter((element) => element.hasAttribute('name') && isGlobal(element));
  const namedTypes = [...named('complexType'), ...named('simpleType')];
  const references = allElements(document).flatMap((element) =>
    REFERENCE_ATTRIBUTES.filter((attribute) => element.namespaceURI === XSD && element.hasAttribute(attribute)).map((attribute) => ({ element, attribute })),
  );
  const pick = <T>(list: readonly T[], index: number): T | undefined => (list.length === 0 ? undefined : list[index % list.length]);

  switch (mutation.kind) {
    case 'retarget': {
      const reference = pick(references, mutation.reference);
      const target = pick(DECLARATIONS.flatMap(named), mutation.target);
      if (reference && target) reference.element.setAttribute(reference.attribute, qualified(reference.element, target));
      return;
    }
    case 'loopBase': {
      const derived = namedTypes.filter((type) => derivationOf(type) !== undefined);
      const type = pick(derived, mutation.type);
      if (!type) return;
      const derivation = derivationOf(type)!;
      if (mutation.rename) type.setAttribute('name', localOf(derivation.getAttribute('base') ?? ''));
      else derivation.setAttribute('base', qualified(derivation, type));
      return;
    }
    case 'swapNames': {
      const first = pick(namedTypes, mutation.first);
      const second = pick(namedTypes, mutation.second);
      if (!first || !second) return;
      const name = first.getAttribute('name')!;
      first.setAttribute('name', second.getAttribute('name')!);
      second.setAttribute('name', name);
      return;
    }
    case 'swapReferences': {
      const first = pick(references, mutation.first);
      const second = pick(references, mutation.second);
      if (!first || !second) return;
      const value = first.element.getAttribute(first.attribute)!;
      first.element.setAttribute(first.attribute, second.element.getAttribute(second.attribute)!);
      second.element.setAttribute(second.attribute, value);
      return;
    }
    case 'delete': {
      const declaration = pick(DECLARATIONS.flatMap(named), mutation.declaration);
      declaration?.parentNode?.removeChild(declaration);
      return;
    }
    case 'duplicate': {
      const declaration = pick(DECLARATIONS.flatMap(named), mutation.declaration);
      if (!declaration) return;
      const copy = declaration.cloneNode(true) as Element;
      const firstChild = firstElementChild(copy);
      if (mutation.changed && firstChild) copy.removeChild(firstChild);
      declaration.parentNode?.insertBefore(copy, declaration.nextSibling);
      return;
    }
    case 'add':
      addDeclarations(document, schemas[0]!, mutation.what);
      return;
    case 'nest':
      nest(document, schemas[0]!, mutation.depth);
      return;
  }
}

/** XML Schema markup for each addition, in the schema's own namespace (prefix `fz`). */
const ADDED: Readonly<Record<(typeof ADDITIONS)[number], string>> = {
  elementRefItself: '<xs:element name="FzSelf"><xs:complexType><xs:sequence><xs:element ref="fz:FzSelf" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>',
  elementTypedByItself: '<xs:element name="FzTyped" type="fz:FzTyped"/><xs:complexType name="FzUser"><xs:sequence><xs:element name="A" type="fz:FzTyped"/></xs:sequence></xs:complexType>',
  groupIncludesItself:
    '<xs:group name="FzGroup"><xs:sequence><xs:element name="A" type="xs:string"/><xs:group ref="fz:FzGroup"/></xs:sequence></xs:group>' +
    '<xs:complexType name="FzGroupUser"><xs:sequence><xs:group ref="fz:FzGroup"/></xs:sequence></xs:complexType>',
  attributeGroupIncludesItself:
    '<xs:attributeGroup name="FzAttributes"><xs:attribute name="a" type="xs:string"/><xs:attributeGroup ref="fz:FzAttributes"/></xs:attributeGroup>' +
    '<xs:complexType name="FzAttributeUser"><xs:attributeGroup ref="fz:FzAttributes"/></xs:complexType>',
  listOfList:
    '<xs:simpleType name="FzList1"><xs:list itemType="fz:FzList2"/></xs:simpleType><xs:simpleType name="FzList2"><xs:list itemType="xs:int"/></xs:simpleType>' +
    '<xs:simpleType name="FzList3"><xs:list itemType="fz:FzList3"/></xs:simpleType>' +
    '<xs:complexType name="FzListUser"><xs:sequence><xs:element name="A" type="fz:FzList1"/><xs:element name="B" type="fz:FzList3"/></xs:sequence></xs:complexType>',
  unionOfLists:
    '<xs:simpleType name="FzUnion"><xs:union memberTypes="fz:FzInts xs:string"><xs:simpleType><xs:list itemType="xs:boolean"/></xs:simpleType></xs:union></xs:simpleType>' +
    '<xs:simpleType name="FzInts"><xs:list itemType="xs:int"/></xs:simpleType>' +
    '<xs:complexType name="FzUnionUser"><xs:sequence><xs:element name="A" type="fz:FzUnion"/></xs:sequence><xs:attribute name="b" type="fz:FzUnion"/></xs:complexType>',
  unionOfItself:
    '<xs:simpleType name="FzLoop"><xs:union memberTypes="xs:int fz:FzLoop2"/></xs:simpleType><xs:simpleType name="FzLoop2"><xs:restriction base="fz:FzLoop"/></xs:simpleType>',
  simpleContentOverItself:
    '<xs:complexType name="FzText"><xs:simpleContent><xs:extension base="fz:FzText"><xs:attribute name="a" type="xs:string"/></xs:extension></xs:simpleContent></xs:complexType>',
  complexRestrictsSimple:
    '<xs:simpleType name="FzCode"><xs:restriction base="xs:string"/></xs:simpleType>' +
    '<xs:complexType name="FzRestricted"><xs:complexContent><xs:restriction base="fz:FzCode"/></xs:complexContent></xs:complexType>',
  simpleRestrictsComplex:
    '<xs:complexType name="FzRecord"><xs:sequence><xs:element name="A" type="xs:string"/></xs:sequence></xs:complexType>' +
    '<xs:simpleType name="FzNarrow"><xs:restriction base="fz:FzRecord"/></xs:simpleType>' +
    '<xs:complexType name="FzNarrowUser"><xs:attribute name="a" type="fz:FzNarrow"/></xs:complexType>',
  extensionLoop:
    '<xs:complexType name="FzA"><xs:complexContent><xs:extension base="fz:FzB"><xs:sequence><xs:element name="A" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>' +
    '<xs:complexType name="FzB"><xs:complexContent><xs:extension base="fz:FzC"/></xs:complexContent></xs:complexType>' +
    '<xs:complexType name="FzC"><xs:complexContent><xs:restriction base="fz:FzA"/></xs:complexContent></xs:complexType>',
};

function addDeclarations(document: Document, schema: Element, what: (typeof ADDITIONS)[number]): void {
  bindFz(schema);
  const markup = `<x xmlns:xs="${XSD}" xmlns:fz="${schema.getAttribute('targetNamespace') ?? ''}">${ADDED[what]}</x>`;
  const fragment = new DOMParser().parseFromString(markup, 'text/xml').documentElement!;
  for (const child of childElements(fragment)) schema.appendChild(document.importNode(child, true));
}

/** `<xs:element name="FzDeep"><xs:complexType><xs:sequence><xs:element name="L1"><xs:complexType>…` */
function nest(document: Document, schema: Element, depth: number): void {
  const prefix = schema.prefix ? `${schema.prefix}:` : '';
  const open = (name: string) => `<${prefix}element name="${name}"><${prefix}complexType><${prefix}sequence>`;
  const close = `</${prefix}sequence></${prefix}complexType></${prefix}element>`;
  let markup = open('FzDeep');
  for (let level = 1; level < depth; level++) markup += open(`L${level}`);
  markup += `<${prefix}element name="Leaf" type="${prefix}string"/>${close.repeat(depth)}`;
  const wrapped = `<x xmlns${schema.prefix ? `:${schema.prefix}` : ''}="${XSD}">${markup}</x>`;
  const element = firstElementChild(new DOMParser().parseFromString(wrapped, 'text/xml').documentElement!)!;
  schema.appendChild(document.importNode(element, true));
}

function bindFz(schema: Element): void {
  if (!schema.hasAttribute('xmlns:fz')) schema.setAttribute('xmlns:fz', schema.getAttribute('targetNamespace') ?? '');
}

/** A QName for a declaration, with a prefix in scope at `from` (one is declared there if need be). */
function qualified(from: Element, declaration: Element): string {
  const schema = ancestorNamed(declaration, 'schema');
  const namespace = schema?.getAttribute('targetNamespace') ?? '';
  const name = declaration.getAttribute('name') ?? '';
  if (!namespace) return name;
  const prefix = from.lookupPrefix(namespace);
  if (prefix) return `${prefix}:${name}`;
  from.setAttribute('xmlns:fzt', namespace);
  return `fzt:${name}`;
}

function derivationOf(type: Element): Element | undefined {
  const content = childElements(type).find((child) => child.localName === 'complexContent' || child.localName === 'simpleContent');
  const holder = content ?? type;
  return childElements(holder).find((child) => (child.localName === 'extension' || child.localName === 'restriction') && child.hasAttribute('base'));
}

function isGlobal(element: Element): boolean {
  return (element.parentNode as Element | null)?.localName === 'schema';
}

function localOf(qname: string): string {
  return qname.slice(qname.indexOf(':') + 1);
}

function ancestorNamed(element: Element, local: string): Element | undefined {
  for (let node = element.parentNode; node; node = node.parentNode) {
    if (node.nodeType === 1 && (node as Element).localName === local && (node as Element).namespaceURI === XSD) return node as Element;
  }
  return undefined;
}

function elementsNamed(document: Document, local: string): Element[] {
  return Array.from(document.getElementsByTagNameNS(XSD, local));
}

function allElements(document: Document): Element[] {
  return Array.from(document.getElementsByTagName('*'));
}

function childElements(parent: Element): Element[] {
  const children: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) children.push(node as Element);
  return children;
}

function firstElementChild(parent: Element): Element | undefined {
  return childElements(parent)[0];
}
