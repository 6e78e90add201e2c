/** Small helpers over @xmldom/xmldom: strict parsing, source locations and QName attributes. */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { WsdlError } from '../errors.js';
import { XML_NS, type QName, type SourceLocation } from './document.js';

const ELEMENT_NODE = 1;

export interface ParsedXml {
  readonly file: string;
  readonly root: Element;
}

/**
 * Parses a WSDL or XSD file. Malformed XML is an error naming file and line; so is any DOCTYPE,
 * because no WSDL needs one and entity definitions are how "billion laughs" attacks start.
 */
export function parseXml(source: string, file: string): ParsedXml {
  // the byte order mark is the encoding's signature (XML 1.0 §4.3.3), not content before the root
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  // xmldom reports some errors at line 0 (an empty file): every location names a real line
  const fail = (message: string, line = 1, column = 1): never => {
    throw new WsdlError(message, { file, line: Math.max(1, line), column: Math.max(1, column) });
  };
  const doctype = prologDoctype(text);
  if (doctype !== undefined) {
    const before = text.slice(0, doctype);
    fail('a DOCTYPE declaration is not allowed (entities are never expanded)', before.split('\n').length, doctype - before.lastIndexOf('\n'));
  }
  let document;
  // xmldom wraps what onError throws in its own error, without the original: keep ours here
  let reported: WsdlError | undefined;
  try {
    document = new DOMParser({
      locator: true,
      onError(level, message, context) {
        if (level === 'warning') return;
        const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
        try {
          fail(`not well-formed XML: ${cleanParserMessage(message)}`, locator?.lineNumber, locator?.columnNumber);
        } catch (error) {
          reported = error as WsdlError;
          throw error;
        }
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    if (reported) throw reported;
    if (error instanceof WsdlError) throw error;
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    return fail(`not well-formed XML: ${cleanParserMessage((error as Error).message)}`, locator?.lineNumber, locator?.columnNumber);
  }
  const root = document.documentElement;
  if (!root) return fail('the file holds no XML element');
  return { file, root };
}

/** Where a DOCTYPE starts in the prolog (before the root element), if there is one. */
function prologDoctype(text: string): number | undefined {
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/.exec(text)![0];
  return /^<!DOCTYPE/i.test(text.slice(prolog.length)) ? prolog.length : undefined;
}

function cleanParserMessage(message: string): string {
  return message
    .replace(/^\[xmldom [a-zA-Z]+\]\s*/, '')
    .replace(/^Error constructing the DOM: NamespaceError: prefix is non-null and namespace is null$/, 'a namespace prefix is used that is not declared')
    .replace(/\s*\n?@#\[line:\d+,col:\d+\]\s*$/, '')
    .trim();
}

function lineOf(node: Node): number {
  return (node as { lineNumber?: number }).lineNumber ?? 1;
}
function columnOf(node: Node): number {
  return (node as { columnNumber?: number }).columnNumber ?? 1;
}

export function locationOf(file: string, node: Node): SourceLocation {
  return { file, line: lineOf(node), column: columnOf(node) };
}

export function childElements(parent: Element): Element[] {
  const result: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) result.push(node as Element);
  }
  return result;
}

function isElement(element: Element, ns: string, local: string): boolean {
  return element.namespaceURI === ns && element.localName === local;
}

export function childrenNamed(parent: Element, ns: string, local: string): Element[] {
  return childElements(parent).filter((child) => isElement(child, ns, local));
}

export function firstChildNamed(parent: Element, ns: string, local: string): Element | undefined {
  return childElements(parent).find((child) => isElement(child, ns, local));
}

/** An attribute's value, or undefined when it is absent (xmldom returns '' or null otherwise). */
export function attribute(element: Element, name: string): string | undefined {
  return element.hasAttribute(name) ? element.getAttribute(name) ?? undefined : undefined;
}

/** A name (an NCName): XML Schema and WSDL collapse its whitespace, so `name="Code "` is `Code`. */
export function nameAttribute(element: Element, name = 'name'): string | undefined {
  return attribute(element, name)?.trim();
}

/**
 * Resolves a QName-valued attribute (`type="tns:Foo"`) against the namespaces in scope. An
 * unprefixed name takes the default namespace, as XML Schema prescribes for QName values.
 */
export function qnameAttribute(element: Element, name: string, file: string): QName | undefined {
  const value = attribute(element, name);
  if (value === undefined) return undefined;
  return resolveQName(element, value.trim(), file, `${name}="${value}"`);
}

export function resolveQName(element: Element, value: string, file: string, what: string): QName {
  const colon = value.indexOf(':');
  const prefix = colon >= 0 ? value.slice(0, colon) : null;
  const local = colon >= 0 ? value.slice(colon + 1) : value;
  // `xml` is bound by Namespaces in XML §3 itself and never declared (xmldom does not know it)
  const ns = prefix === 'xml' ? XML_NS : element.lookupNamespaceURI(prefix ?? '');
  if (prefix !== null && ns === null) {
    throw new WsdlError(`${what}: the prefix "${prefix}" is not declared`, locationOf(file, element));
  }
  return { ns: ns ?? '', local };
}

/** The text of a documentation element: its child markup flattened, whitespace collapsed. */
export function documentationText(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text || undefined;
}
