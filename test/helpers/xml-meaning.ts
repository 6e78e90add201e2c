/**
 * Compares two SOAP messages on meaning: element namespaces, names, order, text and nil.
 *
 * Ignored, because the SuperOffice documentation examples differ from the WSDL binding there:
 * prefixes and namespace declarations, indentation, `xsi:type`, the SOAP 1.1 vs 1.2 envelope
 * namespace, and whether header entries sit inside `<Header>` or directly under `<Envelope>`.
 * Also `soap:encodingStyle`, which says how an RPC/encoded message is encoded, not what it holds
 * (node-soap leaves it out).
 * Whitespace-only text containing a line break, in an element without children, is layout too.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const ENVELOPE_NAMESPACES = new Set(['http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope']);
const ENVELOPE = 'soap-envelope';

export interface XmlMeaning {
  readonly ns: string;
  readonly name: string;
  readonly nil: boolean;
  /** Other attributes, `{ns}name=value`, sorted. */
  readonly attributes: string[];
  /** Text of an element without child elements; significant text between children otherwise. */
  readonly text: string;
  readonly children: XmlMeaning[];
}

export function parseMeaning(xml: string): XmlMeaning {
  const document = new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(message); } }).parseFromString(xml, 'text/xml');
  const root = document.documentElement;
  if (!root) throw new Error('no root element');
  return normaliseEnvelope(meaningOf(root));
}

function meaningOf(element: Element): XmlMeaning {
  const children: XmlMeaning[] = [];
  let text = '';
  let nil = false;
  const attributes: string[] = [];
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i)!;
    if (attribute.namespaceURI === XMLNS || attribute.name === 'xmlns') continue;
    if (attribute.namespaceURI === XSI && attribute.localName === 'type') continue;
    if (ENVELOPE_NAMESPACES.has(attribute.namespaceURI ?? '') && attribute.localName === 'encodingStyle') continue;
    if (attribute.namespaceURI === XSI && attribute.localName === 'nil') {
      nil = attribute.value.trim() === 'true' || attribute.value.trim() === '1';
      continue;
    }
    attributes.push(`{${attribute.namespaceURI ?? ''}}${attribute.localName}=${attribute.value}`);
  }
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) children.push(meaningOf(node as Element));
    else if (node.nodeType === 3 || node.nodeType === 4) text += node.nodeValue ?? '';
  }
  const layoutOnly = /^\s*$/.test(text) && (children.length > 0 || /[\r\n]/.test(text));
  const ns = element.namespaceURI ?? '';
  return {
    ns: ENVELOPE_NAMESPACES.has(ns) ? ENVELOPE : ns,
    name: element.localName ?? element.nodeName,
    nil,
    attributes: attributes.sort(),
    text: layoutOnly ? '' : text,
    children,
  };
}

/** Header entries move into one `<Header>`, wherever they were written. */
function normaliseEnvelope(envelope: XmlMeaning): XmlMeaning {
  if (envelope.ns !== ENVELOPE || envelope.name !== 'Envelope') return envelope;
  const headerEntries: XmlMeaning[] = [];
  const rest: XmlMeaning[] = [];
  for (const child of envelope.children) {
    if (child.ns === ENVELOPE && child.name === 'Header') headerEntries.push(...child.children);
    else if (child.ns === ENVELOPE && child.name === 'Body') rest.push(child);
    else headerEntries.push(child);
  }
  const header: XmlMeaning[] =
    headerEntries.length > 0 ? [{ ns: ENVELOPE, name: 'Header', nil: false, attributes: [], text: '', children: headerEntries }] : [];
  return { ...envelope, children: [...header, ...rest] };
}

/** Every difference in meaning, each naming where it is; empty when the messages mean the same. */
export function meaningDifferences(actualXml: string, expectedXml: string): string[] {
  const differences: string[] = [];
  compare(parseMeaning(actualXml), parseMeaning(expectedXml), '', differences);
  return differences;
}

function label(node: XmlMeaning): string {
  return node.ns ? `{${node.ns}}${node.name}` : node.name;
}

function compare(actual: XmlMeaning, expected: XmlMeaning, parent: string, out: string[]): void {
  const path = `${parent}/${expected.name}`;
  if (actual.ns !== expected.ns || actual.name !== expected.name) {
    out.push(`${parent || '/'}: element ${label(actual)} where ${label(expected)} was expected`);
    return;
  }
  if (actual.nil !== expected.nil) out.push(`${path}: nil is ${actual.nil}, expected ${expected.nil}`);
  if (actual.text !== expected.text) out.push(`${path}: text ${JSON.stringify(actual.text)}, expected ${JSON.stringify(expected.text)}`);
  if (actual.attributes.join() !== expected.attributes.join()) {
    out.push(`${path}: attributes [${actual.attributes.join(', ')}], expected [${expected.attributes.join(', ')}]`);
  }
  const count = Math.max(actual.children.length, expected.children.length);
  for (let i = 0; i < count; i++) {
    const a = actual.children[i];
    const e = expected.children[i];
    if (!a) out.push(`${path}: missing ${label(e)} (child ${i + 1})`);
    else if (!e) out.push(`${path}: unexpected ${label(a)} (child ${i + 1})`);
    else compare(a, e, path, out);
  }
}
