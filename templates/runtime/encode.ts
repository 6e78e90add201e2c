/** Values → XML, driven by descriptors. Writes the SOAP envelope of a request. */
import { ANY_PROPERTY, TEXT_PROPERTY, recordShape, resolveType, type FieldDesc, type ListType, type RecordShape, type Scalar } from './descriptors.js';
import { SoapEncodeError } from './errors.js';
import { XmlError, XmlTokenizer, isNCName, type TokenHandler } from './tokenizer.js';
import {
  SOAP11_ENVELOPE_NS,
  SOAP12_ENVELOPE_NS,
  XML_NS,
  XSI_NS,
  bytesToBase64,
  bytesToHex,
  escapeXml,
  formatDateTime,
  formatDecimal,
  parseDateTime,
} from './xml.js';

/** Collects output and hands out one prefix per namespace, declared on the Envelope. */
class XmlWriter {
  private readonly parts: string[] = [];
  private readonly prefixes = new Map<string, string>();
  private readonly path: string[] = [];

  prefixed(ns: string, local: string): string {
    if (!ns) return local;
    if (ns === XML_NS) return `xml:${local}`; // never declared

    let prefix = this.prefixes.get(ns);
    if (prefix === undefined) {
      prefix = `ns${this.prefixes.size + 1}`;
      this.prefixes.set(ns, prefix);
    }
    return `${prefix}:${local}`;
  }

  write(text: string): void {
    this.parts.push(text);
  }

  text(value: string): void {
    this.parts.push(escapeXml(value, () => this.where()));
  }

  escape(value: string, inAttribute: boolean): string {
    return escapeXml(value, () => this.where(), inAttribute);
  }

  enter(name: string): void {
    this.path.push(name);
  }

  leave(): void {
    this.path.pop();
  }

  where(): string {
    return this.path.join('/') || '(envelope)';
  }

  fail(problem: string): never {
    throw new SoapEncodeError(`${this.where()}: ${problem}`);
  }

  declarations(): string {
    let result = '';
    for (const [ns, prefix] of this.prefixes) result += ` xmlns:${prefix}="${escapeXml(ns, () => 'namespace')}"`;
    return result;
  }

  /** What was written since the last call; prefixes stay, so they can all go on the Envelope. */
  take(): string {
    const output = this.parts.join('');
    this.parts.length = 0;
    return output;
  }
}

export interface EnvelopeContent {
  readonly soapVersion: '1.1' | '1.2';
  /** Header entries with their values; undefined values are left out. */
  readonly headers: readonly { readonly field: FieldDesc; readonly value: unknown }[];
  /** Header entries written already (WS-Security), put first; `soap` is the envelope's prefix. */
  readonly rawHeaders?: string | undefined;
  readonly body: {
    readonly wrapper?: { readonly name: string; readonly ns: string } | undefined;
    readonly encoding?: string | undefined;
    readonly fields: readonly FieldDesc[];
    readonly values: readonly unknown[];
  };
}

export function writeEnvelope(content: EnvelopeContent): string {
  const envelopeNs = content.soapVersion === '1.2' ? SOAP12_ENVELOPE_NS : SOAP11_ENVELOPE_NS;
  const writer = new XmlWriter();
  for (const { field, value } of content.headers) writeField(writer, field, value);
  const headerXml = (content.rawHeaders ?? '') + writer.take();

  const { wrapper, encoding, fields, values } = content.body;
  if (wrapper) {
    const tag = writer.prefixed(wrapper.ns, wrapper.name);
    writer.enter(wrapper.name);
    writer.write(encoding ? `<${tag} soap:encodingStyle="${writer.escape(encoding, true)}">` : `<${tag}>`);
    fields.forEach((field, index) => writeField(writer, field, values[index]));
    writer.write(`</${tag}>`);
    writer.leave();
  } else {
    fields.forEach((field, index) => writeField(writer, field, values[index]));
  }
  const bodyXml = writer.take();

  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${envelopeNs}" xmlns:xsi="${XSI_NS}"${writer.declarations()}>` +
    (headerXml ? `<soap:Header>${headerXml}</soap:Header>` : '') +
    `<soap:Body>${bodyXml}</soap:Body></soap:Envelope>`
  );
}

function writeField(writer: XmlWriter, field: FieldDesc, value: unknown): void {
  writer.enter(field.name);
  if (value === undefined) {
    if (!field.optional && !field.repeated) writer.fail('a value is required');
  } else if (field.repeated) {
    if (!Array.isArray(value)) writer.fail(`expected an array, got ${describe(value)}`);
    value.forEach((item, index) => {
      writer.enter(`[${index}]`);
      writeElement(writer, field, item);
      writer.leave();
    });
  } else {
    writeElement(writer, field, value);
  }
  writer.leave();
}

function writeElement(writer: XmlWriter, field: FieldDesc, value: unknown): void {
  const tag = writer.prefixed(field.ns, field.name);
  if (value === null || value === undefined) {
    // nil is written wherever the caller passes null, even where the schema does not say nillable
    writer.write(`<${tag} xsi:nil="true"/>`);
    return;
  }
  const type = resolveType(field.type);
  if (type === 'anyType') {
    writeAny(writer, tag, value, 0);
    return;
  }
  // SOAP encoding: the element says its type
  const typed = field.xsiType ? `${tag} xsi:type="${writer.prefixed(field.xsiType[0], field.xsiType[1])}"` : tag;
  if (typeof type === 'string') {
    writer.write(`<${typed}>`);
    writer.text(formatScalar(writer, type, value));
    writer.write(`</${tag}>`);
    return;
  }
  if (type.kind === 'record') {
    if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date || value instanceof Uint8Array) {
      writer.fail(`expected an object, got ${describe(value)}`);
    }
    writeRecord(writer, typed, tag, recordShape(type), value as Record<string, unknown>);
    return;
  }
  writer.write(`<${typed}>`);
  switch (type.kind) {
    case 'list':
      writer.text(formatList(writer, type, value));
      break;
    case 'array':
      if (!Array.isArray(value)) writer.fail(`expected an array, got ${describe(value)}`);
      value.forEach((item, index) => {
        writer.enter(`${type.item.name}[${index}]`);
        writeElement(writer, type.item, item);
        writer.leave();
      });
      break;
    case 'dictionary': {
      if (typeof value !== 'object' || Array.isArray(value)) writer.fail(`expected an object, got ${describe(value)}`);
      const entryTag = writer.prefixed(type.entry.ns, type.entry.name);
      for (const [key, entryValue] of Object.entries(value as Record<string, unknown>)) {
        writer.enter(`${type.entry.name}[${JSON.stringify(key)}]`);
        writer.write(`<${entryTag}>`);
        writeField(writer, type.key, key);
        writeField(writer, type.value, entryValue);
        writer.write(`</${entryTag}>`);
        writer.leave();
      }
      break;
    }
  }
  writer.write(`</${tag}>`);
}

/** Attributes on the start tag, then the text (simpleContent), the members, and xs:any content. */
function writeRecord(writer: XmlWriter, startTag: string, tag: string, shape: RecordShape, value: Record<string, unknown>): void {
  let start = `<${startTag}`;
  for (const attribute of shape.attributes) {
    const attributeValue = value[attribute.prop ?? attribute.name];
    if (attributeValue === undefined || attributeValue === null) {
      if (!attribute.optional) writer.fail(`the attribute ${attribute.name} is required`);
      continue;
    }
    writer.enter(`@${attribute.name}`);
    const text = typeof attribute.type === 'string' ? formatScalar(writer, attribute.type, attributeValue) : formatList(writer, attribute.type, attributeValue);
    start += ` ${writer.prefixed(attribute.ns, attribute.name)}="${writer.escape(text, true)}"`;
    writer.leave();
  }
  writer.write(`${start}>`);
  if (shape.text) {
    const text = value[TEXT_PROPERTY];
    if (text !== undefined && text !== null) {
      writer.enter(TEXT_PROPERTY);
      writer.text(typeof shape.text === 'string' ? formatScalar(writer, shape.text, text) : formatList(writer, shape.text, text));
      writer.leave();
    }
  }
  for (const field of shape.fields) writeField(writer, field, value[field.prop ?? field.name]);
  if (shape.any) {
    const fragments = value[ANY_PROPERTY];
    if (fragments !== undefined) {
      if (!Array.isArray(fragments)) writer.fail(`${ANY_PROPERTY}: expected an array of XML strings`);
      fragments.forEach((fragment: unknown, index) => {
        writer.enter(`${ANY_PROPERTY}[${index}]`);
        if (typeof fragment !== 'string') writer.fail(`expected XML text, got ${describe(fragment)}`);
        const problem = wellFormedProblem(fragment);
        if (problem) writer.fail(`not well-formed XML: ${problem}`);
        writer.write(fragment);
        writer.leave();
      });
    }
  }
  writer.write(`</${tag}>`);
}

const IGNORE_TOKENS: TokenHandler = {
  startElement: () => undefined,
  text: () => undefined,
  endElement: () => undefined,
};

/** Checks caller-supplied XML before it goes into the envelope; undefined when it is fine. */
function wellFormedProblem(fragment: string): string | undefined {
  const tokenizer = new XmlTokenizer(IGNORE_TOKENS, { fragment: true });
  tokenizer.deliverText = false;
  try {
    tokenizer.write(fragment);
    tokenizer.end();
    return undefined;
  } catch (error) {
    if (error instanceof XmlError) return error.problem === 'doctype' ? 'a DOCTYPE is not allowed' : error.message;
    throw error;
  }
}

const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
/** Deeper xs:anyType values are refused: a cycle, most likely. */
const MAX_ANY_DEPTH = 256;

/**
 * An xs:anyType value, written so that the receiver can tell what it is, as .NET (XmlSerializer,
 * WCF) expects for `object` and node-soap reads: a string, number, boolean, Date or Uint8Array
 * with the xsi:type of its built-in type (xsd:string; xsd:int, xsd:long or xsd:double;
 * xsd:boolean; xsd:dateTime; xsd:base64Binary); an object as one child element per defined
 * property, named after it and in no namespace; an array as the element repeated; null as nil.
 */
function writeAny(writer: XmlWriter, tag: string, value: unknown, depth: number): void {
  if (depth > MAX_ANY_DEPTH) writer.fail(`an xs:anyType value nested more than ${MAX_ANY_DEPTH} deep (a cycle?)`);
  if (value === null) {
    writer.write(`<${tag} xsi:nil="true"/>`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      writer.enter(`[${index}]`);
      if (Array.isArray(item)) writer.fail('an array in an array cannot be written as xs:anyType (repeated elements do not nest)');
      writeAny(writer, tag, item, depth + 1);
      writer.leave();
    });
    return;
  }
  const scalar = anyScalar(writer, value);
  if (scalar) {
    writer.write(`<${tag} xsi:type="${writer.prefixed(XSD_NS, scalar[0])}">`);
    writer.text(scalar[1]);
    writer.write(`</${tag}>`);
    return;
  }
  if (typeof value !== 'object' || value instanceof Map || value instanceof Set || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return writer.fail(`cannot write ${describe(value)} as xs:anyType; pass a string, number, boolean, Date, Uint8Array, null, an array or a plain object`);
  }
  writer.write(`<${tag}>`);
  for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
    if (child === undefined) continue;
    writer.enter(name);
    if (!isNCName(name)) writer.fail('the property name is not an XML name, so it cannot be an element of an xs:anyType value');
    writeAny(writer, name, child, depth + 1);
    writer.leave();
  }
  writer.write(`</${tag}>`);
}

/** The built-in type and text of a scalar xs:anyType value; undefined for objects and the like. */
function anyScalar(writer: XmlWriter, value: unknown): readonly [type: string, text: string] | undefined {
  switch (typeof value) {
    case 'string':
      return ['string', value];
    case 'boolean':
      return ['boolean', value ? 'true' : 'false'];
    case 'bigint':
      return ['integer', String(value)];
    case 'number':
      if (Number.isInteger(value) && Math.abs(value) <= 2 ** 31 - 1) return ['int', formatDecimal(value)];
      if (Number.isSafeInteger(value)) return ['long', formatDecimal(value)];
      return ['double', formatScalar(writer, 'double', value)];
  }
  if (value instanceof Date) return ['dateTime', formatScalar(writer, 'dateTime', value)];
  if (value instanceof Uint8Array) return ['base64Binary', bytesToBase64(value)];
  return undefined;
}

function formatList(writer: XmlWriter, type: ListType, value: unknown): string {
  if (!Array.isArray(value)) writer.fail(`expected an array (xs:list), got ${describe(value)}`);
  return value
    .map((item, index) => {
      const text = formatScalar(writer, type.item, item);
      // items are separated by whitespace, so one cannot contain any, nor be empty
      if (text === '' || /[ \t\r\n]/.test(text)) writer.fail(`item ${index} of the list is empty or contains whitespace`);
      return text;
    })
    .join(' ');
}

function formatScalar(writer: XmlWriter, scalar: Scalar, value: unknown): string {
  switch (scalar) {
    case 'string':
      if (typeof value !== 'string') writer.fail(`expected a string, got ${describe(value)}`);
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) writer.fail(`expected an integer, got ${describe(value)}`);
      return formatDecimal(value);
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) writer.fail(`expected a finite number, got ${describe(value)}`);
      return formatDecimal(value);
    case 'double':
      if (typeof value !== 'number') writer.fail(`expected a number, got ${describe(value)}`);
      if (Number.isNaN(value)) return 'NaN';
      if (value === Infinity || value === -Infinity) return value > 0 ? 'INF' : '-INF';
      return Object.is(value, -0) ? '-0' : String(value);
    case 'boolean':
      if (typeof value !== 'boolean') writer.fail(`expected a boolean, got ${describe(value)}`);
      return value ? 'true' : 'false';
    case 'dateTime':
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) writer.fail(`expected a valid Date, got ${describe(value)}`);
      return formatDateTime(value);
    case 'dateTimeString':
      if (typeof value !== 'string') writer.fail(`expected an xs:dateTime string, got ${describe(value)}`);
      try {
        parseDateTime(value);
      } catch {
        writer.fail(`"${value.slice(0, 40)}" is not an xs:dateTime`);
      }
      return value.trim();
    case 'bigint':
      if (typeof value !== 'bigint') writer.fail(`expected a bigint, got ${describe(value)}`);
      return value.toString();
    case 'integerString':
      if (typeof value !== 'string' || !/^[+-]?[0-9]+$/.test(value.trim())) writer.fail(`expected an integer as a string of digits, got ${describe(value)}`);
      return value.trim();
    case 'base64Binary':
      if (!(value instanceof Uint8Array)) writer.fail(`expected a Uint8Array, got ${describe(value)}`);
      return bytesToBase64(value);
    case 'hexBinary':
      if (!(value instanceof Uint8Array)) writer.fail(`expected a Uint8Array, got ${describe(value)}`);
      return bytesToHex(value);
    case 'anyType':
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return String(value);
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      if (value instanceof Date) return formatDateTime(value);
      return writer.fail(`cannot write ${describe(value)} as xs:anyType; pass a string, number, boolean or Date`);
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'an invalid Date';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'object') return `a ${typeof value}`;
  const kind = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof kind === 'string' && kind !== 'Object' && kind !== '' ? `a ${kind}` : 'an object';
}
