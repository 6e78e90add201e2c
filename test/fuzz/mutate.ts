/**
 * Structure-aware mutations of SOAP responses, described as plain data so fast-check can
 * generate, replay and shrink them. Text mutations work on the XML string (elements are found by
 * a forgiving scanner that never throws, even on garbage); byte mutations then work on its UTF-8
 * encoding (bit flips, invalid UTF-8, NULs, BOMs, truncation).
 */
import fc from 'fast-check';
import { SOAP11, SOAP12, TNS, XOP, XSI } from './corpus.js';

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** Text for number, boolean, date and binary fields — and generally odd text. */
export const VALUE_TEXT = [
  '', ' ', '-', '+', '.', '-0', '+0', '0x1F', '1e400', '-1e400', '1e-400', '9007199254740993', '123456789012345678901234567890',
  '1.5', ' 12 ', '１２', 'NaN', 'INF', '-INF', '+INF', 'Infinity', '1_000', '1,5', '0b1', '\u00A012', '12\u2028',
  'true', 'false', 'TRUE', 'True', 'yes', '1', '0', '2', ' true ', 'ｔｒｕｅ',
  '2021-11-30T13:22:47Z', '2021-02-30T00:00:00Z', '2021-13-01T00:00:00Z', '2021-11-30T24:00:00Z', '2021-11-30T13:22:60Z',
  '2021-11-30T13:22:47.1234567890123+14:00', '2021-11-30T13:22:47-99:99', '2021-11-30', '13:22:47', '+10000-01-01T00:00:00Z',
  '10000-01-01T00:00:00Z', '-0001-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '275760-09-13T00:00:01Z', '2021-11-30T13:22:47ZZ',
  '====', 'a', 'AAA', 'QUJD', ' Q U J D ', 'QUJD====', '!!!', '%%%', 'é', '😀', '0A0B', 'xyz', '0A0', 'Select Update', ' ', 'Read\tWrite\nDelete',
  '&lt;x/&gt;', '&amp;', '<![CDATA[12]]>', '<!-- -->12', '1<!-- -->2', '1<?pi?>2',
];

/** Text that looks like a number, boolean, dateTime or base64 value. */
const TYPED_VALUE = /^\s*(?:[-+]?\d[\d.]*|true|false|\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d)?|[A-Za-z0-9+/=\s]{12,})\s*$/;

/** Markup dropped in at random places. */
export const MARKUP = [
  '<x/>', '<Response/>', '<Response>1</Response>', '</Response>', '<Response i:nil="true"/>', '<a:b xmlns:a="urn:a">t</a:b>', '<unbound:x/>',
  '<![CDATA[<x>]]>', '<!-- c -->', '<?pi x?>', '<?xml version="1.0"?>', ']]>', '<', '>', '&', '"', "'",
  '&foo;', '&#0;', '&#xD800;', '&#xDC00;', '&#x110000;', '&#65;', '&#x1F600;', '&#xFFFE;', '&#x1;', '&amp', '&;', '&#;', '&#x;', '&lt;', '&quot;',
  '<s:Fault xmlns:s="' + SOAP11 + '"><faultcode>x</faultcode></s:Fault>',
  '<env:Fault xmlns:env="' + SOAP12 + '"><env:Code><env:Value>v</env:Value></env:Code></env:Fault>',
  `<h:ExceptionInfo xmlns:h="${TNS}"><h:Message>m</h:Message></h:ExceptionInfo>`,
  `<h:Succeeded xmlns:h="${TNS}">false</h:Succeeded>`,
  `<xop:Include xmlns:xop="${XOP}" href="cid:missing"/>`,
  `<xop:Include xmlns:xop="${XOP}" href="cid:a%40b"/>`,
  `<xop:Include xmlns:xop="${XOP}"/>`,
  '<Envelope xmlns="' + SOAP11 + '"><Body/></Envelope>',
  '<s:Body xmlns:s="' + SOAP11 + '"/>', '<s:Header xmlns:s="' + SOAP11 + '"/>',
  '<x xmlns:xsi="' + XSI + '" xsi:nil="true"/>',
  '<x a="1" a="2"/>', '<x xmlns:p=""/>', '<xmlns:x/>', '<x:y:z/>', '<1x/>', '< x/>', '<x/ >', '<x></y>',
];

export const DOCTYPES = [
  '<!DOCTYPE Envelope>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
  '<!DOCTYPE x SYSTEM "file:///etc/passwd">',
  '<!DOCTYPE x [<!ENTITY ext SYSTEM "http://127.0.0.1:9/x">]>',
  '<!DOCTYPE x PUBLIC "-//x//y" "http://127.0.0.1:9/dtd">',
];

export const PREFIXES = ['\uFEFF', '\uFEFF\uFEFF', '   \n\t', 'garbage', 'HTTP/1.1 200 OK\r\n\r\n', '<html>', '<?xml version="1.1"?>', '<?xml version="1.0" encoding="UTF-16"?>', '<?xml version="1.0" standalone="yes"?>', '\u0000', '<!-- before -->', '<?pi before?>'];

/** Attribute values: xsi:nil values, xop:Include hrefs (percent-escapes, good and bad), odd text. */
export const ATTRIBUTE_TEXT = ['true', '1', 'false', '0', '', ' ', 'cid:', 'cid:%', 'cid:%4', 'cid:%zz', 'cid:%40', 'cid:%FF', 'cid:%C3%A6', 'cid:a%40b', '%', 'xsd:int', 'i:nil', 'urn:x'];

export const NAMES = ['Envelope', 'Body', 'Header', 'Fault', 'Response', 'Include', 'string', 'Key', 'Value', 'Message', 'Succeeded', 'ExceptionInfo', 'faultcode', 'Code', 'Subcode', 'Reason', 'Text', 'Detail', 'x', '__proto__', 'constructor'];

export const NAMESPACES = [SOAP11, SOAP12, TNS, `${TNS}/`, XSI, XOP, 'urn:other', '', 'http://schemas.microsoft.com/2003/10/Serialization/Arrays', 'HTTP://SCHEMAS.XMLSOAP.ORG/SOAP/ENVELOPE/'];

/** Invalid or tricky UTF-8 byte sequences. */
export const BAD_BYTES: readonly (readonly number[])[] = [
  [0xff], [0xfe], [0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0x00], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbf, 0xbe],
];

/** Random text: XML-legal and illegal characters alike, markup characters often. */
export const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...VALUE_TEXT),
  fc.string({
    unit: fc.oneof(
      fc.constantFrom('<', '>', '&', ';', '#', '"', "'", '%', '/', ':', '=', '?', '!', '[', ']', ' ', '\n', '\r', '\t', '\u0000', '\u0001', '\uFFFE', '\uD800', '\uDC00', '😀', 'x', '1'),
      fc.integer({ min: 0, max: 0x10ffff }).map((c) => (c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : String.fromCodePoint(c))),
    ),
    maxLength: 12,
  }),
);

// ---------------------------------------------------------------------------------------------
// The scanner

export interface ElementSpan {
  readonly name: string;
  readonly start: number;
  /** Just after the start tag's '>'. */
  readonly openEnd: number;
  /** Where the end tag begins (equal to `end` for an empty-element tag). */
  readonly closeStart: number;
  readonly end: number;
}

export interface Scan {
  readonly elements: ElementSpan[];
  /** Offsets where a token (tag, text run, comment …) starts. */
  readonly boundaries: number[];
  /** Ranges of attribute values (inside the quotes). */
  readonly attributeValues: [number, number][];
}

/** Finds elements, token boundaries and attribute values; best effort, never throws. */
export function scan(xml: string): Scan {
  const elements: ElementSpan[] = [];
  const boundaries: number[] = [];
  const attributeValues: [number, number][] = [];
  const open: { name: string; start: number; openEnd: number }[] = [];
  let i = 0;
  while (i < xml.length) {
    boundaries.push(i);
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    if (lt > i) {
      boundaries.push(lt);
    }
    const endOf = (terminator: string, from: number) => {
      const at = xml.indexOf(terminator, from);
      return at < 0 ? xml.length : at + terminator.length;
    };
    let next: number;
    if (xml.startsWith('<!--', lt)) next = endOf('-->', lt + 4);
    else if (xml.startsWith('<![CDATA[', lt)) next = endOf(']]>', lt + 9);
    else if (xml.startsWith('<?', lt)) next = endOf('?>', lt + 2);
    else if (xml.startsWith('<!', lt)) next = endOf('>', lt + 2);
    else {
      next = endOf('>', lt + 1);
      const tag = xml.slice(lt, next);
      const name = /^<\/?\s*([^\s/>]*)/.exec(tag)?.[1] ?? '';
      for (const match of tag.matchAll(/=\s*(["'])/g)) {
        const valueStart = lt + match.index! + match[0].length;
        const close = xml.indexOf(match[1], valueStart);
        if (close > 0 && close < next) attributeValues.push([valueStart, close]);
      }
      if (tag.startsWith('</')) {
        let at = open.length - 1;
        while (at >= 0 && open[at].name !== name) at--;
        if (at >= 0) {
          const started = open[at];
          open.length = at;
          elements.push({ name, start: started.start, openEnd: started.openEnd, closeStart: lt, end: next });
        }
      } else if (tag.endsWith('/>')) {
        elements.push({ name, start: lt, openEnd: next, closeStart: next, end: next });
      } else {
        open.push({ name, start: lt, openEnd: next });
      }
    }
    i = Math.max(next, lt + 1);
  }
  elements.sort((a, b) => a.start - b.start);
  return { elements, boundaries, attributeValues };
}

// ---------------------------------------------------------------------------------------------
// Mutations as data

export const TEXT_MUTATIONS = [
  'truncate', 'delete-range', 'duplicate-element', 'remove-element', 'swap-elements', 'insert-markup', 'replace-value', 'replace-attribute',
  'insert-entity', 'doctype', 'many-attributes', 'deep-nesting', 'rename', 'namespace', 'prefix', 'nil', 'crossover', 'prepend', 'cdata', 'insert-text',
] as const;
export type TextMutationKind = (typeof TEXT_MUTATIONS)[number];

export interface TextMutation {
  readonly kind: TextMutationKind;
  readonly a: number;
  readonly b: number;
  readonly text: string;
}

export const BYTE_MUTATIONS = ['flip-bit', 'insert-bad-utf8', 'zero-byte', 'truncate-bytes', 'random-byte'] as const;
export type ByteMutationKind = (typeof BYTE_MUTATIONS)[number];

export interface ByteMutation {
  readonly kind: ByteMutationKind;
  readonly a: number;
  readonly b: number;
}

/** Value-level mutations are drawn more often: most other mutations end the parse early. */
const VALUE_LEVEL: readonly TextMutationKind[] = ['replace-value', 'nil', 'cdata', 'insert-entity', 'duplicate-element', 'remove-element'];

export const textMutation: fc.Arbitrary<TextMutation> = fc.record({
  kind: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...TEXT_MUTATIONS) }, { weight: 1, arbitrary: fc.constantFrom(...VALUE_LEVEL) }, { weight: 1, arbitrary: fc.constant<TextMutationKind>('replace-value') }),
  a: fc.nat(),
  b: fc.nat(),
  text: randomText,
});

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.record({ kind: fc.constantFrom(...BYTE_MUTATIONS), a: fc.nat(), b: fc.nat() });

const pick = <T>(items: readonly T[], index: number): T | undefined => (items.length === 0 ? undefined : items[index % items.length]);
const splice = (xml: string, start: number, end: number, insert: string) => xml.slice(0, start) + insert + xml.slice(end);

/** Applies one text mutation; `others` are the corpus documents, for crossover. */
export function mutateText(xml: string, mutation: TextMutation, others: readonly string[]): string {
  const { a, b, text } = mutation;
  const { elements, boundaries, attributeValues } = scan(xml);
  const element = pick(elements, a);
  const position = a % (xml.length + 1);
  switch (mutation.kind) {
    case 'truncate':
      return xml.slice(0, position);
    case 'delete-range':
      return splice(xml, position, position + (b % 40) + 1, '');
    case 'duplicate-element':
      return element ? splice(xml, element.end, element.end, xml.slice(element.start, element.end)) : xml;
    case 'remove-element':
      return element ? splice(xml, element.start, element.end, '') : xml;
    case 'swap-elements': {
      const other = pick(elements, b);
      if (!element || !other || other.start < element.end) return xml;
      return xml.slice(0, element.start) + xml.slice(other.start, other.end) + xml.slice(element.end, other.start) + xml.slice(element.start, element.end) + xml.slice(other.end);
    }
    case 'insert-markup': {
      const at = b % 2 === 0 ? (pick(boundaries, a) ?? 0) : position;
      return splice(xml, at, at, pick(MARKUP, b >> 1)!);
    }
    case 'insert-text': {
      const at = pick(boundaries, a) ?? 0;
      return splice(xml, at, at, text);
    }
    case 'replace-value': {
      // mostly fields that hold a number, boolean, date or base64 now, so their parsers get the odd text
      const leaves = elements.filter((e) => e.closeStart > e.openEnd && !xml.slice(e.openEnd, e.closeStart).includes('<'));
      const typed = leaves.filter((e) => TYPED_VALUE.test(xml.slice(e.openEnd, e.closeStart)));
      const leaf = pick(b % 4 === 3 || typed.length === 0 ? leaves : typed, a);
      if (!leaf) return xml;
      return splice(xml, leaf.openEnd, leaf.closeStart, b % 3 === 0 ? text : pick(VALUE_TEXT, b)!);
    }
    case 'replace-attribute': {
      const range = pick(attributeValues, a);
      if (!range) return xml;
      const value = b % 3 === 0 ? text.replace(/["']/g, '') : b % 3 === 1 ? pick(NAMESPACES, b)! : pick(ATTRIBUTE_TEXT, b)!;
      return splice(xml, range[0], range[1], value);
    }
    case 'insert-entity': {
      const entities = MARKUP.filter((m) => m.startsWith('&'));
      const leaves = elements.filter((e) => e.closeStart > e.openEnd);
      const target = b % 2 === 0 ? pick(leaves, a)?.openEnd : pick(attributeValues, a)?.[0];
      return target === undefined ? xml : splice(xml, target, target, pick(entities, b >> 1)!);
    }
    case 'doctype': {
      const declaration = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
      const at = b % 4 === 3 ? (element?.openEnd ?? declaration) : declaration;
      return splice(xml, at, at, pick(DOCTYPES, a)!);
    }
    case 'many-attributes': {
      if (!element) return xml;
      const count = pick([2, 50, 1000, 20000], b)!;
      const attributes = Array.from({ length: count }, (_, i) => ` a${i}="${i}"`).join('');
      const at = xml.lastIndexOf(xml[element.openEnd - 2] === '/' ? '/>' : '>', element.openEnd);
      return splice(xml, at, at, attributes);
    }
    case 'deep-nesting': {
      const depth = pick([10, 200, 255, 256, 257, 1000, 10000], b)!;
      const name = pick(['d', 'Response', 'p:d xmlns:p="urn:p"', `s:Body xmlns:s="${SOAP11}"`], b >> 3)!;
      const close = name.split(' ')[0];
      const at = element?.openEnd ?? position;
      return splice(xml, at, at, `<${name}>`.repeat(depth) + `</${close}>`.repeat(depth));
    }
    case 'rename': {
      if (!element) return xml;
      const prefix = element.name.includes(':') ? `${element.name.split(':')[0]}:` : '';
      const name = prefix + pick(NAMES, b)!;
      let result = xml;
      if (element.closeStart < element.end) result = splice(result, element.closeStart + 2, element.closeStart + 2 + element.name.length, name);
      return splice(result, element.start + 1, element.start + 1 + element.name.length, name);
    }
    case 'namespace': {
      const declarations = [...xml.matchAll(/xmlns(?::[\w.-]+)?\s*=\s*"([^"]*)"/g)];
      const declaration = pick(declarations, a);
      if (!declaration) return xml;
      const start = declaration.index! + declaration[0].indexOf('"') + 1;
      return splice(xml, start, start + declaration[1].length, pick(NAMESPACES, b)!);
    }
    case 'prefix': {
      if (!element) return xml;
      const local = element.name.includes(':') ? element.name.split(':')[1] : element.name;
      const name = `${pick(['undeclared', 'xml', 'xmlns', 's', 'env', 'i', ''], b)}:${local}`.replace(/^:/, '');
      let result = xml;
      if (element.closeStart < element.end) result = splice(result, element.closeStart + 2, element.closeStart + 2 + element.name.length, name);
      return splice(result, element.start + 1, element.start + 1 + element.name.length, name);
    }
    case 'nil': {
      if (!element) return xml;
      const value = pick(['true', '1', 'false', '0', 'maybe', ' true ', ''], b)!;
      const at = element.start + 1 + element.name.length;
      return splice(xml, at, at, ` xmlns:zz="${XSI}" zz:nil="${value}"`);
    }
    case 'crossover': {
      const donor = pick(others, b) ?? '';
      const donated = pick(scan(donor).elements, b >> 4);
      const at = element?.end ?? position;
      return donated ? splice(xml, at, at, donor.slice(donated.start, donated.end)) : xml;
    }
    case 'prepend':
      return pick(PREFIXES, b)! + xml;
    case 'cdata': {
      const leaves = elements.filter((e) => e.closeStart > e.openEnd && !xml.slice(e.openEnd, e.closeStart).includes('<'));
      const leaf = pick(leaves, a);
      return leaf ? splice(xml, leaf.openEnd, leaf.closeStart, `<![CDATA[${xml.slice(leaf.openEnd, leaf.closeStart)}]]>`) : xml;
    }
  }
}

export function mutateBytes(bytes: Uint8Array, mutation: ByteMutation): Uint8Array {
  const { a, b } = mutation;
  const at = bytes.length === 0 ? 0 : a % bytes.length;
  const copy = () => Uint8Array.from(bytes);
  switch (mutation.kind) {
    case 'flip-bit': {
      const result = copy();
      if (result.length > 0) result[at] ^= 1 << (b % 8);
      return result;
    }
    case 'random-byte': {
      const result = copy();
      if (result.length > 0) result[at] = b % 256;
      return result;
    }
    case 'zero-byte': {
      const result = copy();
      if (result.length > 0) result[at] = 0;
      return result;
    }
    case 'truncate-bytes':
      return bytes.slice(0, at);
    case 'insert-bad-utf8': {
      const bad = pick(BAD_BYTES, b)!;
      const result = new Uint8Array(bytes.length + bad.length);
      result.set(bytes.subarray(0, at));
      result.set(bad, at);
      result.set(bytes.subarray(at), at + bad.length);
      return result;
    }
  }
}
