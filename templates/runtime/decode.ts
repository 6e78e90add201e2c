/**
 * SOAP response → values, streamed through saxes (namespace-aware, strict, no DTD) and driven by
 * descriptors, so no DOM is ever built.
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import {
  ANY_PROPERTY,
  TEXT_PROPERTY,
  recordShape,
  resolveType,
  type AgentDesc,
  type ArrayType,
  type DictionaryType,
  type FieldDesc,
  type ListType,
  type OperationDesc,
  type RecordShape,
  type RecordType,
  type Scalar,
} from './descriptors.js';
import { XOP_NS, contentIdOf } from './multipart.js';
import { SOAP11_ENVELOPE_NS, SOAP12_ENVELOPE_NS, XSI_NS, base64ToBytes, hexToBytes, parseDateTime, splitList } from './xml.js';

/** Nesting deeper than this is rejected: no real SOAP message needs it, and it bounds work. */
export const MAX_DEPTH = 256;
/** More attributes on one element than this are rejected as they arrive (an attribute bomb). */
export const MAX_ATTRIBUTES = 256;

export interface Fault {
  readonly code: string;
  readonly subcodes: string[];
  readonly reason: string;
  readonly actor?: string | undefined;
  readonly detail?: string | undefined;
}

export type DecodedResponse =
  | { readonly kind: 'message'; readonly headers: Record<string, unknown>; readonly members: Record<string, unknown> }
  | { readonly kind: 'fault'; readonly headers: Record<string, unknown>; readonly fault: Fault };

/** A response that is not the message the operation declares; the caller adds HTTP context. */
export class DecodeProblem extends Error {}

interface Frame {
  open(tag: SaxesTagNS): Frame;
  text(text: string): void;
  close(): void;
}

const SKIP: Frame = {
  open: () => SKIP,
  text: () => undefined,
  close: () => undefined,
};

/** Decodes one response to one operation; feed it text as it arrives, then call `end()`. */
export class ResponseDecoder {
  private readonly parser = new SaxesParser({ xmlns: true });
  private readonly stack: Frame[] = [];
  private readonly path: string[] = [];
  private readonly headers: Record<string, unknown> = {};
  private members: Record<string, unknown> | undefined;
  private fault: Fault | undefined;
  private sawEnvelope = false;
  private sawBody = false;

  /** `attachments`: the parts of an MTOM/XOP response, by Content-ID, for `xop:Include`. */
  constructor(
    private readonly agent: AgentDesc,
    private readonly operation: OperationDesc,
    private readonly attachments: ReadonlyMap<string, Uint8Array> = new Map(),
  ) {
    const parser = this.parser;
    parser.on('doctype', () => this.fail('a DOCTYPE is not allowed in a SOAP message'));
    let attributes = 0;
    parser.on('opentagstart', () => (attributes = 0));
    parser.on('attribute', () => {
      if (++attributes > MAX_ATTRIBUTES) this.fail(`an element has more than ${MAX_ATTRIBUTES} attributes`);
    });
    parser.on('opentag', (tag) => {
      if (this.stack.length >= MAX_DEPTH) this.fail(`elements are nested more than ${MAX_DEPTH} deep`);
      const top = this.stack[this.stack.length - 1] ?? this.documentFrame;
      this.path.push(tag.local);
      this.stack.push(top.open(tag));
    });
    parser.on('text', (text) => this.stack[this.stack.length - 1]?.text(text));
    parser.on('cdata', (text) => this.stack[this.stack.length - 1]?.text(text));
    parser.on('closetag', () => {
      this.stack.pop()!.close();
      this.path.pop();
    });
    parser.on('error', (error) => {
      throw new DecodeProblem(`not well-formed XML: ${error.message}`);
    });
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  end(): DecodedResponse {
    this.parser.close();
    if (!this.sawEnvelope) this.fail('no SOAP Envelope');
    if (this.fault) return { kind: 'fault', headers: this.headers, fault: this.fault };
    if (!this.sawBody) this.fail('no SOAP Body');
    const output = this.operation.output;
    if (!this.members) {
      if (output?.wrapper) this.fail(`no <${output.wrapper.name}> element in the SOAP Body`);
      this.members = {};
      if (output) initialiseRepeated(output.fields, this.members);
    }
    return { kind: 'message', headers: this.headers, members: this.members };
  }

  private fail(problem: string): never {
    const where = this.path.length > 0 ? ` at ${this.path.join('/')}` : '';
    throw new DecodeProblem(`${problem}${where}`);
  }

  private readonly documentFrame: Frame = {
    open: (tag) => {
      if (tag.local !== 'Envelope' || (tag.uri !== SOAP11_ENVELOPE_NS && tag.uri !== SOAP12_ENVELOPE_NS)) {
        this.fail(`expected a SOAP Envelope, found <${tag.name}>${tag.uri ? ` in namespace ${tag.uri}` : ''}`);
      }
      this.sawEnvelope = true;
      return this.envelopeFrame(tag.uri);
    },
    text: () => undefined,
    close: () => undefined,
  };

  private envelopeFrame(envelopeNs: string): Frame {
    return {
      open: (tag) => {
        if (tag.uri !== envelopeNs) return SKIP;
        if (tag.local === 'Header') return this.headerFrame();
        if (tag.local === 'Body') {
          this.sawBody = true;
          return this.bodyFrame(envelopeNs);
        }
        return SKIP;
      },
      text: () => undefined,
      close: () => undefined,
    };
  }

  private headerFrame(): Frame {
    const fields = Object.entries(this.agent.responseHeaders).map(([key, field]) => ({ ...field, prop: key }));
    const lookup = fieldLookup(fields);
    return {
      open: (tag) => {
        const field = lookup.find(tag.uri, tag.local);
        return field ? this.valueFrame(field, tag, (value) => (this.headers[field.prop ?? field.name] = value)) : SKIP;
      },
      text: () => undefined,
      close: () => undefined,
    };
  }

  private bodyFrame(envelopeNs: string): Frame {
    const output = this.operation.output;
    const bare = output && !output.wrapper ? this.membersFrame(output.fields) : undefined;
    let first = true;
    return {
      open: (tag) => {
        const isFirst = first;
        first = false;
        if (isFirst && tag.local === 'Fault' && tag.uri === envelopeNs) return this.faultFrame();
        if (bare) return bare.open(tag);
        if (!isFirst || !output?.wrapper) return SKIP;
        const wrapper = output.wrapper;
        if (!wrapper.anyName && (tag.local !== wrapper.name || (tag.uri !== wrapper.ns && tag.uri !== ''))) {
          this.fail(`expected <${wrapper.name}> in namespace "${wrapper.ns}", found <${tag.local}>${tag.uri ? ` in namespace "${tag.uri}"` : ''}`);
        }
        return this.membersFrame(output.fields);
      },
      text: () => undefined,
      close: () => undefined,
    };
  }

  /** The body's (or wrapper's) members become the operation's result. */
  private membersFrame(fields: readonly FieldDesc[]): Frame {
    const members: Record<string, unknown> = {};
    initialiseRepeated(fields, members);
    this.members = members;
    const lookup = fieldLookup(fields);
    return {
      open: (tag) => {
        const field = lookup.find(tag.uri, tag.local);
        return field ? this.valueFrame(field, tag, assigner(members, field)) : SKIP;
      },
      text: () => undefined,
      close: () => undefined,
    };
  }

  /** The frame for one element holding a value of the field's type. */
  private valueFrame(field: FieldDesc, tag: SaxesTagNS, assign: (value: unknown) => void): Frame {
    if (isNil(tag)) return closingFrame(() => assign(null));
    const type = resolveType(field.type);
    if (typeof type === 'string') return this.scalarFrame(type, assign);
    switch (type.kind) {
      case 'list':
        return this.listFrame(type, assign);
      case 'record':
        return this.recordFrame(type, tag, assign);
      case 'array':
        return this.arrayFrame(type, assign);
      case 'dictionary':
        return this.dictionaryFrame(type, assign);
    }
  }

  private scalarFrame(scalar: Scalar, assign: (value: unknown) => void): Frame {
    if (scalar === 'anyType') return this.anyFrame(assign);
    return new ScalarFrame(this, scalar, assign);
  }

  /** For ScalarFrame: MTOM bytes in another MIME part, from an `xop:Include`. */
  attachment(tag: SaxesTagNS): Uint8Array {
    const href = findAttribute(tag, '', 'href') ?? '';
    const bytes = this.attachments.get(contentIdOf(href));
    return bytes ?? this.fail(`xop:Include refers to "${href}", which is not a part of this response`);
  }

  private listFrame(type: ListType, assign: (value: unknown) => void): Frame {
    let text = '';
    return {
      open: () => SKIP,
      text: (chunk) => (text += chunk),
      close: () => assign(this.parseList(type, text)),
    };
  }

  private parseList(type: ListType, text: string): unknown[] {
    return splitList(text).map((item) => this.parseScalar(type.item, item));
  }

  private recordFrame(type: RecordType, tag: SaxesTagNS, assign: (value: unknown) => void): Frame {
    const { shape, lookup } = recordInfo(type);
    const value: Record<string, unknown> = {};
    initialiseRepeated(shape.fields, value);
    for (const attribute of shape.attributes) {
      const found = findAttribute(tag, attribute.ns, attribute.name);
      if (found === undefined) continue;
      const key = attribute.prop ?? attribute.name;
      value[key] = typeof attribute.type === 'string' ? this.parseScalar(attribute.type, found) : this.parseList(attribute.type, found);
    }
    let text = '';
    return {
      open: (child) => {
        const field = lookup.find(child.uri, child.local);
        if (field) return this.valueFrame(field, child, assigner(value, field));
        if (!shape.any) return SKIP;
        // undeclared content where the schema allows any: kept as XML text
        const xml = new XmlCapture();
        const frame = xml.open(child);
        return { open: frame.open, text: frame.text, close: () => {
          frame.close();
          ((value[ANY_PROPERTY] ??= []) as string[]).push(xml.output());
        } };
      },
      text: (chunk) => {
        if (shape.text) text += chunk;
      },
      close: () => {
        if (shape.text) value[TEXT_PROPERTY] = typeof shape.text === 'string' ? this.parseScalar(shape.text, text) : this.parseList(shape.text, text);
        assign(value);
      },
    };
  }

  private arrayFrame(type: ArrayType, assign: (value: unknown) => void): Frame {
    const items: unknown[] = [];
    const push = (item: unknown) => items.push(item);
    return {
      open: (tag) => (tag.local === type.item.name ? this.valueFrame(type.item, tag, push) : SKIP),
      text: () => undefined,
      close: () => assign(items),
    };
  }

  private dictionaryFrame(type: DictionaryType, assign: (value: unknown) => void): Frame {
    const result: Record<string, unknown> = {};
    return {
      open: (tag) => {
        if (tag.local !== type.entry.name) return SKIP;
        let key: unknown;
        let value: unknown = null;
        return {
          open: (child) => {
            if (child.local === type.key.name) return this.valueFrame(type.key, child, (k) => (key = k));
            if (child.local === type.value.name) return this.valueFrame(type.value, child, (v) => (value = v));
            return SKIP;
          },
          text: () => undefined,
          close: () => {
            if (key === undefined || key === null) this.fail(`a <${type.entry.name}> without a <${type.key.name}>`);
            defineEntry(result, String(key), value);
          },
        };
      },
      text: () => undefined,
      close: () => assign(result),
    };
  }

  /** xs:anyType: its text, or its inner XML when it has child elements. */
  private anyFrame(assign: (value: unknown) => void): Frame {
    const xml = new XmlCapture();
    return {
      open: (tag) => xml.open(tag),
      text: (chunk) => xml.text(chunk),
      close: () => assign(xml.hasElements ? xml.output() : xml.plainText()),
    };
  }

  private faultFrame(): Frame {
    const fault: { code: string; subcodes: string[]; reason: string; actor?: string | undefined; detail?: string | undefined } = {
      code: '',
      subcodes: [],
      reason: '',
    };
    const textOf = (assign: (text: string) => void): Frame => {
      let text = '';
      return { open: () => SKIP, text: (chunk) => (text += chunk), close: () => assign(text.trim()) };
    };
    const detailFrame = (): Frame => {
      const xml = new XmlCapture();
      return {
        open: (tag) => xml.open(tag),
        text: (chunk) => xml.text(chunk),
        close: () => (fault.detail = xml.hasElements ? xml.output() : xml.plainText().trim() || undefined),
      };
    };
    // SOAP 1.2: Code/Value, Code/Subcode/Value (nested), Reason/Text, Role, Detail.
    const codeFrame = (depth: number): Frame => ({
      open: (tag) => {
        if (tag.local === 'Value') return textOf((value) => (depth === 0 ? (fault.code = value) : fault.subcodes.push(value)));
        if (tag.local === 'Subcode') return codeFrame(depth + 1);
        return SKIP;
      },
      text: () => undefined,
      close: () => undefined,
    });
    const reasonFrame = (): Frame => ({
      open: (tag) => (tag.local === 'Text' && !fault.reason ? textOf((text) => (fault.reason = text)) : SKIP),
      text: () => undefined,
      close: () => undefined,
    });
    // Children are matched by local name in either version's vocabulary: some servers (node-soap
    // among them) write SOAP 1.2 fault children inside a SOAP 1.1 envelope.
    return {
      open: (tag) => {
        switch (tag.local) {
          case 'faultcode':
            return textOf((text) => (fault.code = text));
          case 'faultstring':
            return textOf((text) => (fault.reason = text));
          case 'faultactor':
          case 'Role':
            return textOf((text) => (fault.actor = text));
          case 'detail':
          case 'Detail':
            return detailFrame();
          case 'Code':
            return codeFrame(0);
          case 'Reason':
            return reasonFrame();
          default:
            return SKIP;
        }
      },
      text: () => undefined,
      close: () => (this.fault = fault),
    };
  }

  parseScalar(scalar: Scalar, text: string): unknown {
    switch (scalar) {
      case 'string':
      case 'anyType':
        return text;
      case 'integer':
      case 'decimal':
      case 'double': {
        const trimmed = text.trim();
        if (scalar === 'double') {
          if (trimmed === 'INF' || trimmed === '+INF') return Infinity;
          if (trimmed === '-INF') return -Infinity;
          if (trimmed === 'NaN') return NaN;
        }
        const value = trimmed === '' ? NaN : Number(trimmed);
        if (Number.isNaN(value) || (scalar === 'integer' && !Number.isInteger(value))) {
          this.fail(`"${clip(trimmed)}" is not ${scalar === 'integer' ? 'an integer' : 'a number'}`);
        }
        return value;
      }
      case 'boolean': {
        const trimmed = text.trim();
        if (trimmed === 'true' || trimmed === '1') return true;
        if (trimmed === 'false' || trimmed === '0') return false;
        return this.fail(`"${clip(trimmed)}" is not a boolean`);
      }
      case 'dateTime':
        return this.convert(() => parseDateTime(text));
      case 'base64Binary':
        return this.convert(() => base64ToBytes(text));
      case 'hexBinary':
        return this.convert(() => hexToBytes(text));
    }
  }

  private convert<T>(parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      return this.fail((error as Error).message);
    }
  }
}

/**
 * The frame of a simple value: the most frequent frame by far, so a class (one object per
 * element) rather than a set of closures.
 */
class ScalarFrame implements Frame {
  private content = '';
  private included: Uint8Array | undefined;

  constructor(
    private readonly decoder: ResponseDecoder,
    private readonly scalar: Scalar,
    private readonly assign: (value: unknown) => void,
  ) {}

  open(tag: SaxesTagNS): Frame {
    if (this.scalar === 'base64Binary' && tag.local === 'Include' && tag.uri === XOP_NS) this.included = this.decoder.attachment(tag);
    return SKIP;
  }

  text(chunk: string): void {
    this.content += chunk;
  }

  close(): void {
    this.assign(this.included ?? this.decoder.parseScalar(this.scalar, this.content));
  }
}

function closingFrame(onClose: () => void): Frame {
  return { open: () => SKIP, text: () => undefined, close: onClose };
}

function isNil(tag: SaxesTagNS): boolean {
  for (const name in tag.attributes) {
    const attribute = tag.attributes[name] as SaxesAttributeNS;
    if (attribute.local === 'nil' && attribute.uri === XSI_NS) {
      const value = attribute.value.trim();
      return value === 'true' || value === '1';
    }
  }
  return false;
}

function assigner(target: Record<string, unknown>, field: FieldDesc): (value: unknown) => void {
  const key = field.prop ?? field.name;
  return field.repeated ? (value) => (target[key] as unknown[]).push(value) : (value) => defineEntry(target, key, value);
}

/** Repeated members start as [] so an absent list reads as empty, never undefined. */
function initialiseRepeated(fields: readonly FieldDesc[], target: Record<string, unknown>): void {
  for (const field of fields) if (field.repeated) target[field.prop ?? field.name] = [];
}

/** Sets a property even when its name is `__proto__`, which plain assignment would not. */
function defineEntry(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

interface FieldLookup {
  find(ns: string, local: string): FieldDesc | undefined;
}

/**
 * Finds a member by namespace and name; when the namespace does not match (servers that qualify
 * differently from their schema), by name alone if that is unambiguous.
 */
function fieldLookup(fields: readonly FieldDesc[]): FieldLookup {
  // by local name first: no key string is built per element, and names rarely repeat
  const byLocal = new Map<string, FieldDesc[]>();
  for (const field of fields) {
    const same = byLocal.get(field.name);
    if (same) same.push(field);
    else byLocal.set(field.name, [field]);
  }
  return {
    find: (ns, local) => {
      const candidates = byLocal.get(local);
      if (!candidates) return undefined;
      if (candidates.length === 1) return candidates[0];
      return candidates.find((field) => field.ns === ns);
    },
  };
}

const recordInfos = new WeakMap<RecordType, { shape: RecordShape; lookup: FieldLookup }>();

function recordInfo(type: RecordType): { shape: RecordShape; lookup: FieldLookup } {
  let info = recordInfos.get(type);
  if (!info) {
    const shape = recordShape(type);
    info = { shape, lookup: fieldLookup(shape.fields) };
    recordInfos.set(type, info);
  }
  return info;
}

/** An attribute's value by namespace and name (unqualified attributes have no namespace). */
function findAttribute(tag: SaxesTagNS, ns: string, local: string): string | undefined {
  for (const name in tag.attributes) {
    const attribute = tag.attributes[name] as SaxesAttributeNS;
    if (attribute.local === local && (attribute.uri === ns || (attribute.uri === '' && attribute.prefix === ''))) return attribute.value;
  }
  return undefined;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * Re-serialises a fragment (fault detail, xs:anyType and xs:any content), declaring on each
 * element the namespaces it uses that are not already in scope within the fragment.
 */
class XmlCapture {
  private readonly parts: string[] = [];
  private textOnly = '';
  hasElements = false;

  open(tag: SaxesTagNS, scope: ReadonlyMap<string, string> = new Map([['', '']])): Frame {
    this.hasElements = true;
    const inner = new Map(scope);
    let start = `<${tag.name}`;
    const declare = (prefix: string, uri: string) => {
      if (inner.get(prefix) === uri) return;
      inner.set(prefix, uri);
      start += prefix ? ` xmlns:${prefix}="${escapeAttribute(uri)}"` : ` xmlns="${escapeAttribute(uri)}"`;
    };
    declare(tag.prefix, tag.uri);
    for (const name in tag.attributes) {
      const attribute = tag.attributes[name] as SaxesAttributeNS;
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      if (attribute.prefix) declare(attribute.prefix, attribute.uri);
      start += ` ${attribute.name}="${escapeAttribute(attribute.value)}"`;
    }
    this.parts.push(`${start}>`);
    return {
      open: (child) => this.open(child, inner),
      text: (chunk) => this.parts.push(escapeText(chunk)),
      close: () => this.parts.push(`</${tag.name}>`),
    };
  }

  text(chunk: string): void {
    this.textOnly += chunk;
    this.parts.push(escapeText(chunk));
  }

  output(): string {
    return this.parts.join('').trim();
  }

  plainText(): string {
    return this.textOnly;
  }
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
