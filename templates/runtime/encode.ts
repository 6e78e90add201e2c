/** Values → XML, driven by descriptors. Writes the SOAP envelope of a request. */
import { resolveType, type FieldDesc, type ListType, type RecordType, type Scalar } from './descriptors.js';
import { SoapEncodeError } from './errors.js';
import {
  SOAP11_ENVELOPE_NS,
  SOAP12_ENVELOPE_NS,
  XSI_NS,
  bytesToBase64,
  bytesToHex,
  escapeXml,
  formatDateTime,
  formatDecimal,
} from './xml.js';

/** Collects output and hands out one prefix per namespace, declared on the Envelope. */
class XmlWriter {
  private readonly parts: string[] = [];
  private readonly prefixes = new Map<string, string>();
  private readonly path: string[] = [];

  prefixed(ns: string, local: string): string {
    if (!ns) return local;
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
  readonly body: {
    readonly wrapper?: { readonly name: string; readonly ns: string } | undefined;
    readonly fields: readonly FieldDesc[];
    readonly values: readonly unknown[];
  };
}

export function writeEnvelope(content: EnvelopeContent): string {
  const envelopeNs = content.soapVersion === '1.2' ? SOAP12_ENVELOPE_NS : SOAP11_ENVELOPE_NS;
  const writer = new XmlWriter();
  for (const { field, value } of content.headers) writeField(writer, field, value);
  const headerXml = writer.take();

  const { wrapper, fields, values } = content.body;
  if (wrapper) {
    const tag = writer.prefixed(wrapper.ns, wrapper.name);
    writer.enter(wrapper.name);
    writer.write(`<${tag}>`);
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
  if (typeof type === 'string') {
    writer.write(`<${tag}>`);
    writer.text(formatScalar(writer, type, value));
    writer.write(`</${tag}>`);
    return;
  }
  writer.write(`<${tag}>`);
  switch (type.kind) {
    case 'list':
      writer.text(formatList(writer, type, value));
      break;
    case 'record':
      if (typeof value !== 'object' || Array.isArray(value)) writer.fail(`expected an object, got ${describe(value)}`);
      writeRecord(writer, type, value as Record<string, unknown>);
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

function writeRecord(writer: XmlWriter, type: RecordType, value: Record<string, unknown>): void {
  if (type.base) writeRecord(writer, type.base(), value);
  for (const field of type.fields) writeField(writer, field, value[field.prop ?? field.name]);
}

function formatList(writer: XmlWriter, type: ListType, value: unknown): string {
  if (!Array.isArray(value)) writer.fail(`expected an array (xs:list), got ${describe(value)}`);
  return value.map((item) => formatScalar(writer, type.item, item)).join(' ');
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
      return Number.isNaN(value) ? 'NaN' : value === Infinity ? 'INF' : value === -Infinity ? '-INF' : String(value);
    case 'boolean':
      if (typeof value !== 'boolean') writer.fail(`expected a boolean, got ${describe(value)}`);
      return value ? 'true' : 'false';
    case 'dateTime':
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) writer.fail(`expected a valid Date, got ${describe(value)}`);
      return formatDateTime(value);
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
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'an invalid Date';
  if (typeof value === 'number') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
