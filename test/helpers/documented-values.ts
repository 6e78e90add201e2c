/**
 * Turns the values written in SuperOffice's documented example XML into JavaScript values, from
 * the examples' own `xsi:type` annotations: an oracle that does not use our reader or descriptors.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XSD = 'http://www.w3.org/2001/XMLSchema';
const ENVELOPES = new Set(['http://www.w3.org/2003/05/soap-envelope', 'http://schemas.xmlsoap.org/soap/envelope/']);

const NUMBERS = new Set(['int', 'short', 'long', 'byte', 'unsignedInt', 'unsignedShort', 'unsignedLong', 'unsignedByte', 'decimal', 'double', 'float', 'integer']);

export interface DocumentedMessage {
  /** Header entries by local name. */
  readonly headers: Record<string, unknown>;
  /** The body wrapper's local name. */
  readonly wrapper: string;
  /** The wrapper's children, by local name, in document order. */
  readonly members: [string, unknown][];
}

/** The local names of the simple types declared as xs:list in a WSDL (their values are arrays). */
export function listTypeNames(wsdl: string): Set<string> {
  const document = new DOMParser().parseFromString(wsdl, 'text/xml');
  const names = new Set<string>();
  const simpleTypes = document.getElementsByTagNameNS(XSD, 'simpleType');
  for (let i = 0; i < simpleTypes.length; i++) {
    const type = simpleTypes.item(i)!;
    if (type.getAttribute('name') && type.getElementsByTagNameNS(XSD, 'list').length > 0) names.add(type.getAttribute('name')!);
  }
  return names;
}

export function readDocumentedMessage(xml: string, listTypes: Set<string>): DocumentedMessage {
  const envelope = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
  const headers: Record<string, unknown> = {};
  let body: Element | undefined;
  for (const child of elements(envelope)) {
    if (ENVELOPES.has(child.namespaceURI ?? '') && child.localName === 'Body') body = child;
    else if (ENVELOPES.has(child.namespaceURI ?? '') && child.localName === 'Header') for (const entry of elements(child)) headers[entry.localName!] = valueOf(entry, listTypes);
    else headers[child.localName!] = valueOf(child, listTypes);
  }
  const [wrapper] = elements(body!);
  return {
    headers,
    wrapper: wrapper.localName!,
    members: elements(wrapper).map((member) => [member.localName!, valueOf(member, listTypes)]),
  };
}

function elements(parent: Element): Element[] {
  const result: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) result.push(node as Element);
  return result;
}

function valueOf(element: Element, listTypes: Set<string>): unknown {
  if (element.getAttributeNS(XSI, 'nil') === 'true') return null;
  const text = element.textContent ?? '';
  const children = elements(element);
  const xsiType = element.getAttributeNS(XSI, 'type') ?? '';
  const [prefix, local] = xsiType.includes(':') ? xsiType.split(':') : ['', xsiType];
  if (prefix === 'xsd') {
    if (NUMBERS.has(local)) return Number(text);
    if (local === 'boolean') return text.trim() === 'true';
    if (local === 'dateTime') return new Date(text);
    if (local === 'base64Binary') return Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0));
    return text;
  }
  if (local.startsWith('ArrayOf')) return children.map((child) => valueOf(child, listTypes));
  if (listTypes.has(local)) return text.split(/\s+/).filter(Boolean);
  if (children.length === 0) return text;
  return Object.fromEntries(children.map((child) => [child.localName!, valueOf(child, listTypes)]));
}
