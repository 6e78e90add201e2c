/**
 * SOAP response → values. The tokenizer's events drive a state machine over the descriptors: one
 * reusable frame per open element says what that element is (a record, a scalar, an array …),
 * and values are built as the text streams in, with no DOM and no closures per element. What an
 * element means is looked up in tables made once per descriptor (descriptors are immutable).
 */
import {
  ANY_PROPERTY,
  TEXT_PROPERTY,
  recordShape,
  resolveType,
  type AgentDesc,
  type AttributeDesc,
  type FieldDesc,
  type ListType,
  type OperationDesc,
  type RecordType,
  type Scalar,
} from './descriptors.js';
import { XOP_NS, contentIdOf } from './multipart.js';
import { XmlError, XmlTokenizer, type QName, type StartTag, type TokenHandler } from './tokenizer.js';
import { Base64Reader, SOAP11_ENVELOPE_NS, SOAP12_ENVELOPE_NS, XSI_NS, hexToBytes, parseDateTime, parseListItems } from './xml.js';

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

const NO_ATTACHMENTS: ReadonlyMap<string, Uint8Array> = new Map();

/** A response that is not the message the operation declares; the caller adds HTTP context. */
export class DecodeProblem extends Error {}

// ---------------------------------------------------------------------------------------------
// Descriptors, prepared for decoding

// What an element is; the kinds of values first, then the parts of a SOAP message.
const SCALAR = 0;
const BASE64 = 1; // base64Binary: decoded as the text arrives, or an xop:Include
const ANY = 2; // xs:anyType: text, a built-in scalar named by xsi:type, or a tree of elements
const LIST = 3;
const RECORD = 4;
const ARRAY = 5;
const DICTIONARY = 6;
const ENTRY = 7; // one key/value pair of a dictionary
const NIL = 8; // xsi:nil="true": null, whatever it contains
const CAPTURE = 9; // kept as XML text: xs:any content, a fault's detail
const DOCUMENT = 10;
const ENVELOPE = 11;
const HEADER = 12;
const BODY = 13;
const MEMBERS = 14; // the wrapper element: its children are the operation's result members
const FAULT = 15;
const FAULT_TEXT = 16;
const FAULT_CODE = 17;
const FAULT_REASON = 18;

/** Frames whose element's character data is used; for the others the tokenizer makes no strings. */
const WANTS_TEXT: readonly boolean[] = [true, true, true, true, false, false, false, false, false, true, false, false, false, false, false, false, true, false, false];

/** A member (element) as the decoder uses it: its property, repetition and type, resolved once. */
class Member {
  readonly name: string;
  readonly ns: string;
  /** The property it is stored under. */
  readonly key: string;
  readonly repeated: boolean;
  private readonly type: FieldDesc['type'];
  private resolvedKind = -1;
  private resolvedScalar: Scalar = 'string';
  private resolvedList: ListType | undefined;
  private resolvedRecord: RecordPlan | undefined;
  private resolvedArray: Member | undefined;
  private resolvedDictionary: DictionaryPlan | undefined;

  constructor(field: FieldDesc, key: string) {
    this.name = field.name;
    this.ns = field.ns;
    this.key = key;
    this.repeated = field.repeated === true;
    this.type = field.type;
  }

  /** SCALAR, BASE64, ANY, LIST, RECORD, ARRAY or DICTIONARY; types are resolved on first use (they may refer to each other). */
  get kind(): number {
    if (this.resolvedKind < 0) this.resolve();
    return this.resolvedKind;
  }

  get scalar(): Scalar {
    return this.resolvedScalar;
  }

  get list(): ListType {
    return this.resolvedList as ListType;
  }

  get record(): RecordPlan {
    return this.resolvedRecord as RecordPlan;
  }

  get item(): Member {
    return this.resolvedArray as Member;
  }

  get dictionary(): DictionaryPlan {
    return this.resolvedDictionary as DictionaryPlan;
  }

  private resolve(): void {
    const type = resolveType(this.type);
    if (typeof type === 'string') {
      this.resolvedScalar = type;
      this.resolvedKind = type === 'base64Binary' ? BASE64 : type === 'anyType' ? ANY : SCALAR;
      return;
    }
    switch (type.kind) {
      case 'list':
        this.resolvedList = type;
        this.resolvedKind = LIST;
        return;
      case 'record':
        this.resolvedRecord = recordPlan(type);
        this.resolvedKind = RECORD;
        return;
      case 'array':
        this.resolvedArray = memberOf(type.item);
        this.resolvedKind = ARRAY;
        return;
      case 'dictionary': {
        let plan = dictionaryPlans.get(type);
        if (!plan) {
          plan = { entry: type.entry.name, key: memberOf(type.key), value: memberOf(type.value) };
          dictionaryPlans.set(type, plan);
        }
        this.resolvedDictionary = plan;
        this.resolvedKind = DICTIONARY;
        return;
      }
    }
  }
}

interface DictionaryPlan {
  readonly entry: string;
  readonly key: Member;
  readonly value: Member;
}

/**
 * The members of a record, the output message or the header, by local name. When the namespace
 * does not match (servers that qualify differently from their schema), a member is found by its
 * name alone if that is unambiguous.
 */
class MemberLookup {
  private readonly byLocal = new Map<string, Member | Member[]>();
  /** In schema order, whether each is the only member of its local name, and where each is. */
  private readonly members: readonly Member[];
  private readonly unique: readonly boolean[];
  private readonly indexes: ReadonlyMap<Member, number>;
  /** Set by `find`: the index of the member found, for the caller's next `expected`. */
  foundAt = -1;
  /** The keys of repeated members, which start as [] so that an absent list reads as empty. */
  readonly repeatedKeys: readonly string[];

  constructor(members: readonly Member[]) {
    for (const member of members) {
      const same = this.byLocal.get(member.name);
      if (same === undefined) this.byLocal.set(member.name, member);
      else if (same instanceof Member) this.byLocal.set(member.name, [same, member]);
      else same.push(member);
    }
    this.members = members;
    this.unique = members.map((member) => this.byLocal.get(member.name) instanceof Member);
    this.indexes = new Map(members.map((member, index) => [member, index]));
    this.repeatedKeys = members.filter((member) => member.repeated).map((member) => member.key);
  }

  /**
   * The member for an element. Elements mostly come in schema order, so the member after the
   * last one found (`expected`, its index) is tried before the map.
   */
  find(uri: string, local: string, expected: number): Member | undefined {
    const next = this.members[expected];
    if (next !== undefined && next.name === local && (this.unique[expected] === true || next.ns === uri)) {
      this.foundAt = expected;
      return next;
    }
    const entry = this.byLocal.get(local);
    const found = entry instanceof Member ? entry : entry?.find((member) => member.ns === uri);
    this.foundAt = found === undefined ? -1 : (this.indexes.get(found) ?? -1);
    return found;
  }

  /** A new object for the members, its repeated members [] already. */
  newTarget(): Record<string, unknown> {
    const target: Record<string, unknown> = {};
    for (const key of this.repeatedKeys) target[key] = [];
    return target;
  }
}

interface RecordPlan {
  readonly lookup: MemberLookup;
  readonly attributes: readonly AttributeDesc[];
  /** simpleContent: the type of the element's own text. */
  readonly text: Scalar | ListType | undefined;
  readonly any: boolean;
}

const members = new WeakMap<FieldDesc, Member>();
const recordPlans = new WeakMap<RecordType, RecordPlan>();
const dictionaryPlans = new WeakMap<object, DictionaryPlan>();
const fieldLookups = new WeakMap<readonly FieldDesc[], MemberLookup>();
const headerLookups = new WeakMap<AgentDesc, MemberLookup>();

function memberOf(field: FieldDesc): Member {
  let member = members.get(field);
  if (!member) {
    member = new Member(field, field.prop ?? field.name);
    members.set(field, member);
  }
  return member;
}

function recordPlan(type: RecordType): RecordPlan {
  let plan = recordPlans.get(type);
  if (!plan) {
    const shape = recordShape(type);
    plan = { lookup: new MemberLookup(shape.fields.map(memberOf)), attributes: shape.attributes, text: shape.text, any: shape.any };
    recordPlans.set(type, plan);
  }
  return plan;
}

function fieldLookup(fields: readonly FieldDesc[]): MemberLookup {
  let lookup = fieldLookups.get(fields);
  if (!lookup) {
    lookup = new MemberLookup(fields.map(memberOf));
    fieldLookups.set(fields, lookup);
  }
  return lookup;
}

/** Response header entries are stored under their entry names. */
function headerLookup(agent: AgentDesc): MemberLookup {
  let lookup = headerLookups.get(agent);
  if (!lookup) {
    lookup = new MemberLookup(Object.entries(agent.responseHeaders).map(([key, field]) => new Member(field, key)));
    headerLookups.set(agent, lookup);
  }
  return lookup;
}

/** Namespaces whose built-in types an xs:anyType value may name in xsi:type. */
const SCHEMA_NAMESPACES: ReadonlySet<string> = new Set([
  'http://www.w3.org/2001/XMLSchema',
  'http://www.w3.org/2000/10/XMLSchema',
  'http://www.w3.org/1999/XMLSchema',
  'http://schemas.xmlsoap.org/soap/encoding/',
]);
/** An xs:integer's lexical form. */
const INTEGER_TEXT = /^[+-]?[0-9]+$/;

/** Built-in types that read as more than their text; any other type reads as text. */
const TYPED_BUILTINS: ReadonlyMap<string, Scalar> = new Map<string, Scalar>([
  ...['int', 'long', 'short', 'byte', 'integer', 'nonNegativeInteger', 'positiveInteger', 'nonPositiveInteger', 'negativeInteger'].map((name) => [name, 'integer'] as const),
  ...['unsignedLong', 'unsignedInt', 'unsignedShort', 'unsignedByte'].map((name) => [name, 'integer'] as const),
  ['decimal', 'decimal'],
  ['float', 'double'],
  ['double', 'double'],
  ['boolean', 'boolean'],
  ['dateTime', 'dateTime'],
  ['base64Binary', 'base64Binary'],
  ['hexBinary', 'hexBinary'],
]);

// ---------------------------------------------------------------------------------------------
// Frames

// FAULT_TEXT frames: which part of the fault their text is.
const FAULT_CODE_TEXT = 0;
const FAULT_SUBCODE_TEXT = 1;
const FAULT_REASON_TEXT = 2;
const FAULT_ACTOR_TEXT = 3;
// CAPTURE frames that end a capture: the outermost element of xs:any content, a fault's detail.
const CAPTURED_ANY = 1;
const CAPTURED_DETAIL = 2;

/** One open element. Frames are reused by depth: one object per level, not per element. */
class Frame {
  kind = DOCUMENT;
  /** The member this element is a value of, which says where the value goes when it closes. */
  member: Member | undefined = undefined;
  /** Whose children to look up (records, the wrapper, the Body, the Header), and where the next is expected. */
  lookup: MemberLookup | undefined = undefined;
  cursor = 0;
  /** Whether its character data is used. */
  wantsText = false;
  record: RecordPlan | undefined = undefined;
  /** What is being built: an object, an array, a dictionary entry's value. */
  value: unknown = undefined;
  text = '';
  base64: Base64Reader | undefined = undefined;
  /** A dictionary entry's key; an xop:Include's bytes. */
  key: unknown = undefined;
  included: Uint8Array | undefined = undefined;
  /** ANY: its local name (its key in the parent's tree); CAPTURE: its qualified name. */
  name = '';
  /** ANY: the built-in type its xsi:type names. */
  scalar: Scalar | undefined = undefined;
  /** FAULT_TEXT: which part of the fault (FAULT_…_TEXT); FAULT_CODE: how deep; CAPTURE: CAPTURED_… or 0. */
  slot = 0;
  /** CAPTURE: the capture it writes to. */
  capture: XmlCapture | undefined = undefined;

  reset(kind: number, member: Member | undefined): void {
    this.kind = kind;
    this.member = member;
    this.lookup = undefined;
    this.cursor = 0;
    this.wantsText = WANTS_TEXT[kind] === true;
    this.record = undefined;
    this.value = undefined;
    this.text = '';
    this.base64 = undefined;
    this.key = undefined;
    this.included = undefined;
    this.name = '';
    this.scalar = undefined;
    this.slot = 0;
    this.capture = undefined;
  }
}

interface MutableFault {
  code: string;
  subcodes: string[];
  reason: string;
  actor?: string | undefined;
  detail?: string | undefined;
}

/**
 * Decodes one response to one operation; feed it text as it arrives, then call `end()`. It is
 * the tokenizer's handler (startElement, text, endElement), which only the tokenizer calls.
 */
export class ResponseDecoder implements TokenHandler {
  private readonly agent: AgentDesc;
  private readonly operation: OperationDesc;
  private readonly attachments: ReadonlyMap<string, Uint8Array>;
  private readonly tokenizer: XmlTokenizer;
  private readonly frames: Frame[] = [new Frame()];
  /** Index of the innermost open element's frame (0: the document). */
  private depth = 0;
  /** Elements open inside one that is skipped (unknown, or of no interest). */
  private skipped = 0;
  private envelopeNs = '';
  private readonly headers: Record<string, unknown> = {};
  private members: Record<string, unknown> | undefined;
  private fault: MutableFault | undefined;
  private sawEnvelope = false;
  private sawBody = false;
  private bodyChildren = 0;
  private failure: unknown;

  /** `attachments`: the parts of an MTOM/XOP response, by Content-ID, for `xop:Include`. */
  constructor(agent: AgentDesc, operation: OperationDesc, attachments: ReadonlyMap<string, Uint8Array> = NO_ATTACHMENTS) {
    this.agent = agent;
    this.operation = operation;
    this.attachments = attachments;
    this.tokenizer = new XmlTokenizer(this, { maxDepth: MAX_DEPTH, maxAttributes: MAX_ATTRIBUTES });
    this.tokenizer.deliverText = false;
  }

  write(chunk: string): void {
    if (this.failure !== undefined) throw this.failure;
    try {
      this.tokenizer.write(chunk);
    } catch (error) {
      throw (this.failure = this.problemOf(error));
    }
  }

  end(): DecodedResponse {
    if (this.failure !== undefined) throw this.failure;
    try {
      this.tokenizer.end();
    } catch (error) {
      throw (this.failure = this.problemOf(error));
    }
    if (!this.sawEnvelope) this.fail('no SOAP Envelope');
    if (this.fault) return { kind: 'fault', headers: this.headers, fault: this.fault };
    if (!this.sawBody) this.fail('no SOAP Body');
    const output = this.operation.output;
    if (!this.members) {
      if (output?.wrapper) this.fail(`no <${output.wrapper.name}> element in the SOAP Body`);
      this.members = output ? fieldLookup(output.fields).newTarget() : {};
    }
    return { kind: 'message', headers: this.headers, members: this.members };
  }

  private problemOf(error: unknown): unknown {
    if (!(error instanceof XmlError)) return error;
    switch (error.problem) {
      case 'doctype':
        return new DecodeProblem('a DOCTYPE is not allowed in a SOAP message');
      case 'limit':
        return new DecodeProblem(`${error.reason}${this.where()}`);
      default:
        return new DecodeProblem(`not well-formed XML: ${error.message}`);
    }
  }

  private where(): string {
    const path = this.tokenizer.openElements().map((name) => name.slice(name.indexOf(':') + 1));
    return path.length > 0 ? ` at ${path.join('/')}` : '';
  }

  private fail(problem: string): never {
    throw new DecodeProblem(`${problem}${this.where()}`);
  }

  // -------------------------------------------------------------------------------------------
  // Start tags

  startElement(tag: StartTag): void {
    if (this.skipped > 0) {
      this.skipped++;
      return;
    }
    const parent = this.frames[this.depth] as Frame;
    switch (parent.kind) {
      case DOCUMENT:
        if (tag.local !== 'Envelope' || (tag.uri !== SOAP11_ENVELOPE_NS && tag.uri !== SOAP12_ENVELOPE_NS)) {
          this.fail(`expected a SOAP Envelope, found <${tag.name}>${tag.uri ? ` in namespace ${tag.uri}` : ''}`);
        }
        this.sawEnvelope = true;
        this.envelopeNs = tag.uri;
        this.push(ENVELOPE, undefined);
        return;
      case ENVELOPE:
        if (tag.uri === this.envelopeNs && tag.local === 'Header') {
          this.push(HEADER, undefined).lookup = headerLookup(this.agent);
        } else if (tag.uri === this.envelopeNs && tag.local === 'Body') {
          this.sawBody = true;
          this.openBody();
        } else {
          this.skip();
        }
        return;
      case HEADER:
      case MEMBERS:
        return this.openMember(parent, tag);
      case BODY:
        return this.openBodyChild(parent, tag);
      case RECORD: {
        const member = this.findMember(parent, tag);
        if (member) return this.openValue(member, tag);
        if ((parent.record as RecordPlan).any) return this.openCapture(tag, new XmlCapture(), true);
        return this.skip();
      }
      case ARRAY: {
        const item = (parent.member as Member).item;
        return tag.local === item.name ? this.openValue(item, tag) : this.skip();
      }
      case DICTIONARY:
        if (tag.local !== (parent.member as Member).dictionary.entry) return this.skip();
        this.push(ENTRY, parent.member).value = null;
        return;
      case ENTRY: {
        const plan = (parent.member as Member).dictionary;
        if (tag.local === plan.key.name) return this.openValue(plan.key, tag);
        if (tag.local === plan.value.name) return this.openValue(plan.value, tag);
        return this.skip();
      }
      case BASE64:
        if (tag.local === 'Include' && tag.uri === XOP_NS) parent.included = this.attachment(tag);
        return this.skip();
      case ANY:
        return this.openAnyChild(parent, tag);
      case CAPTURE:
        return this.openCapture(tag, parent.capture as XmlCapture, false);
      case FAULT:
        return this.openFaultChild(tag);
      case FAULT_CODE:
        if (tag.local === 'Value') return this.openFaultText(parent.slot === 0 ? FAULT_CODE_TEXT : FAULT_SUBCODE_TEXT);
        if (tag.local === 'Subcode') {
          this.push(FAULT_CODE, undefined).slot = parent.slot + 1;
          return;
        }
        return this.skip();
      case FAULT_REASON:
        return tag.local === 'Text' && !(this.fault as MutableFault).reason ? this.openFaultText(FAULT_REASON_TEXT) : this.skip();
      default:
        // SCALAR, LIST, NIL, FAULT_TEXT: child elements carry nothing for them
        return this.skip();
    }
  }

  private push(kind: number, member: Member | undefined): Frame {
    const depth = ++this.depth;
    let frame = this.frames[depth];
    if (!frame) {
      frame = new Frame();
      this.frames[depth] = frame;
    }
    frame.reset(kind, member);
    this.tokenizer.deliverText = frame.wantsText;
    return frame;
  }

  private skip(): void {
    this.skipped = 1;
    this.tokenizer.deliverText = false;
  }

  private openBody(): void {
    const body = this.push(BODY, undefined);
    const output = this.operation.output;
    if (output && !output.wrapper) {
      // bare parts: the Body's children are the members
      body.lookup = fieldLookup(output.fields);
      body.value = this.members = body.lookup.newTarget();
    }
  }

  private openBodyChild(body: Frame, tag: StartTag): void {
    const first = this.bodyChildren++ === 0;
    if (first && tag.local === 'Fault' && tag.uri === this.envelopeNs) {
      this.fault = { code: '', subcodes: [], reason: '' };
      this.push(FAULT, undefined);
      return;
    }
    if (body.lookup) return this.openMember(body, tag);
    const output = this.operation.output;
    if (!first || !output?.wrapper) return this.skip();
    const wrapper = output.wrapper;
    if (!wrapper.anyName && (tag.local !== wrapper.name || (tag.uri !== wrapper.ns && tag.uri !== ''))) {
      this.fail(`expected <${wrapper.name}> in namespace "${wrapper.ns}", found <${tag.local}>${tag.uri ? ` in namespace "${tag.uri}"` : ''}`);
    }
    const frame = this.push(MEMBERS, undefined);
    frame.lookup = fieldLookup(output.fields);
    frame.value = this.members = frame.lookup.newTarget();
  }

  private openMember(parent: Frame, tag: StartTag): void {
    const member = this.findMember(parent, tag);
    if (member) this.openValue(member, tag);
    else this.skip();
  }

  /** The member a child element is, expected (schema order) after the last one found; a repeated one again. */
  private findMember(parent: Frame, tag: StartTag): Member | undefined {
    const lookup = parent.lookup as MemberLookup;
    const member = lookup.find(tag.uri, tag.local, parent.cursor);
    if (member !== undefined) parent.cursor = member.repeated ? lookup.foundAt : lookup.foundAt + 1;
    return member;
  }

  /** An element holding a value of the member's type. */
  private openValue(member: Member, tag: StartTag): void {
    if (isNil(tag)) {
      this.push(NIL, member);
      return;
    }
    const kind = member.kind;
    const frame = this.push(kind, member);
    switch (kind) {
      case ANY:
        frame.scalar = this.typedBuiltin(tag);
        return;
      case RECORD: {
        const plan = member.record;
        frame.record = plan;
        frame.lookup = plan.lookup;
        const value = plan.lookup.newTarget();
        for (const attribute of plan.attributes) {
          const text = findAttribute(tag, attribute.ns, attribute.name);
          if (text === undefined) continue;
          value[attribute.prop ?? attribute.name] = typeof attribute.type === 'string' ? this.parseScalar(attribute.type, text) : this.parseList(attribute.type, text);
        }
        frame.value = value;
        this.tokenizer.deliverText = frame.wantsText = plan.text !== undefined;
        return;
      }
      case ARRAY:
        frame.value = [];
        return;
      case DICTIONARY:
        frame.value = {};
        return;
    }
  }

  /** A child element of an xs:anyType value, which makes that value a tree (an object). */
  private openAnyChild(parent: Frame, tag: StartTag): void {
    if (parent.value === undefined) parent.value = {};
    const frame = this.push(isNil(tag) ? NIL : ANY, undefined);
    frame.name = tag.local;
    if (frame.kind === ANY) frame.scalar = this.typedBuiltin(tag);
  }

  /** The built-in scalar an element's xsi:type names, if it reads as more than text. */
  private typedBuiltin(tag: StartTag): Scalar | undefined {
    const type = findAttribute(tag, XSI_NS, 'type');
    if (type === undefined) return undefined;
    const colon = type.indexOf(':');
    const ns = this.tokenizer.lookupNamespace(colon < 0 ? '' : type.slice(0, colon).trim());
    return ns !== undefined && SCHEMA_NAMESPACES.has(ns) ? TYPED_BUILTINS.get(type.slice(colon + 1).trim()) : undefined;
  }

  private openCapture(tag: StartTag, capture: XmlCapture, outermost: boolean): void {
    capture.open(tag);
    const frame = this.push(CAPTURE, undefined);
    frame.capture = capture;
    frame.name = tag.name;
    frame.slot = outermost ? CAPTURED_ANY : 0;
  }

  private openFaultChild(tag: StartTag): void {
    // Children are matched by local name in either version's vocabulary: some servers (node-soap
    // among them) write SOAP 1.2 fault children inside a SOAP 1.1 envelope.
    switch (tag.local) {
      case 'faultcode':
        return this.openFaultText(FAULT_CODE_TEXT);
      case 'faultstring':
        return this.openFaultText(FAULT_REASON_TEXT);
      case 'faultactor':
      case 'Role':
        return this.openFaultText(FAULT_ACTOR_TEXT);
      case 'detail':
      case 'Detail': {
        // its content is kept as XML text; the element itself is not
        const frame = this.push(CAPTURE, undefined);
        frame.capture = new XmlCapture();
        frame.slot = CAPTURED_DETAIL;
        return;
      }
      case 'Code':
        this.push(FAULT_CODE, undefined);
        return;
      case 'Reason':
        this.push(FAULT_REASON, undefined);
        return;
      default:
        return this.skip();
    }
  }

  private openFaultText(slot: number): void {
    this.push(FAULT_TEXT, undefined).slot = slot;
  }

  /** For an element of base64Binary: MTOM bytes in another MIME part, from an `xop:Include`. */
  private attachment(tag: StartTag): Uint8Array {
    const href = findAttribute(tag, '', 'href') ?? '';
    const bytes = this.attachments.get(contentIdOf(href));
    return bytes ?? this.fail(`xop:Include refers to "${href}", which is not a part of this response`);
  }

  // -------------------------------------------------------------------------------------------
  // Text

  text(text: string): void {
    const frame = this.frames[this.depth] as Frame;
    switch (frame.kind) {
      case BASE64:
        try {
          (frame.base64 ??= new Base64Reader()).push(text);
        } catch (error) {
          this.fail((error as Error).message);
        }
        return;
      case CAPTURE:
        (frame.capture as XmlCapture).text(text);
        return;
      default:
        frame.text += text;
    }
  }

  // -------------------------------------------------------------------------------------------
  // End tags

  endElement(): void {
    if (this.skipped > 0) {
      this.skipped--;
      if (this.skipped === 0) this.tokenizer.deliverText = (this.frames[this.depth] as Frame).wantsText;
      return;
    }
    const frame = this.frames[this.depth] as Frame;
    // one deliver() for every kind of value: a single call site, however the value was made
    let value: unknown;
    switch (frame.kind) {
      case SCALAR:
        value = this.parseScalar((frame.member as Member).scalar, frame.text);
        break;
      case RECORD: {
        const text = (frame.record as RecordPlan).text;
        value = frame.value;
        if (text !== undefined) (value as Record<string, unknown>)[TEXT_PROPERTY] = typeof text === 'string' ? this.parseScalar(text, frame.text) : this.parseList(text, frame.text);
        break;
      }
      case LIST:
        value = this.parseList((frame.member as Member).list, frame.text);
        break;
      case ARRAY:
      case DICTIONARY:
        value = frame.value;
        break;
      case NIL:
        value = null;
        break;
      case BASE64:
        value = frame.included ?? this.convert(() => (frame.base64 ?? new Base64Reader()).finish());
        break;
      case ANY:
        value = frame.value !== undefined ? frame.value : frame.scalar ? this.parseScalar(frame.scalar, frame.text) : frame.text;
        break;
      default:
        // the parts of a SOAP message and of a dictionary entry or fault: no value of a member
        this.closePart(frame);
        this.depth--;
        this.tokenizer.deliverText = (this.frames[this.depth] as Frame).wantsText;
        return;
    }
    this.deliver(frame, value);
    this.depth--;
    this.tokenizer.deliverText = (this.frames[this.depth] as Frame).wantsText;
  }

  /** Closes an element that is not a member's value: a dictionary entry, captured XML, a fault's text. */
  private closePart(frame: Frame): void {
    switch (frame.kind) {
      case ENTRY: {
        const plan = (frame.member as Member).dictionary;
        if (frame.key === undefined || frame.key === null) this.fail(`a <${plan.entry}> without a <${plan.key.name}>`);
        defineEntry((this.frames[this.depth - 1] as Frame).value as Record<string, unknown>, String(frame.key), frame.value);
        return;
      }
      case CAPTURE:
        return this.closeCapture(frame);
      case FAULT_TEXT:
        return this.closeFaultText(frame.slot, frame.text.trim());
    }
  }


  /** Hands a closed element's value to the element that contains it. */
  private deliver(frame: Frame, value: unknown): void {
    const parent = this.frames[this.depth - 1] as Frame;
    const member = frame.member;
    switch (parent.kind) {
      case ARRAY:
        (parent.value as unknown[]).push(value);
        return;
      case ENTRY:
        if (member === (parent.member as Member).dictionary.key) parent.key = value;
        else parent.value = value;
        return;
      case ANY:
        addToTree(parent.value as Record<string, unknown>, frame.name, value);
        return;
      default: {
        // HEADER, BODY (bare parts), MEMBERS, RECORD: a property of the object being built
        const target = parent.kind === HEADER ? this.headers : (parent.value as Record<string, unknown>);
        const { key } = member as Member;
        if ((member as Member).repeated) (target[key] as unknown[]).push(value);
        else if ((member as Member).kind === ANY && Object.prototype.hasOwnProperty.call(target, key)) addToTree(target, key, value);
        else defineEntry(target, key, value);
      }
    }
  }

  private closeCapture(frame: Frame): void {
    const capture = frame.capture as XmlCapture;
    if (frame.slot === CAPTURED_DETAIL) {
      // a fault's detail: its content
      (this.fault as MutableFault).detail = capture.hasElements ? capture.output() : capture.plainText().trim() || undefined;
      return;
    }
    capture.close(frame.name);
    if (frame.slot === CAPTURED_ANY) {
      // xs:any content of a record: the element, as XML text
      const record = (this.frames[this.depth - 1] as Frame).value as Record<string, unknown>;
      ((record[ANY_PROPERTY] ??= []) as string[]).push(capture.output());
    }
  }

  private closeFaultText(slot: number, text: string): void {
    const fault = this.fault as MutableFault;
    switch (slot) {
      case FAULT_CODE_TEXT:
        fault.code = text;
        return;
      case FAULT_SUBCODE_TEXT:
        fault.subcodes.push(text);
        return;
      case FAULT_REASON_TEXT:
        fault.reason = text;
        return;
      default:
        fault.actor = text;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Values

  private parseScalar(scalar: Scalar, text: string): unknown {
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
      case 'dateTimeString': {
        // checked as a dateTime, kept as written (its offset and precision included)
        this.convert(() => parseDateTime(text));
        return text.trim();
      }
      case 'bigint':
      case 'integerString': {
        const trimmed = text.trim();
        if (!INTEGER_TEXT.test(trimmed)) this.fail(`"${clip(trimmed)}" is not an integer`);
        return scalar === 'bigint' ? BigInt(trimmed) : trimmed;
      }
      case 'base64Binary':
        return this.convert(() => {
          const reader = new Base64Reader();
          reader.push(text);
          return reader.finish();
        });
      case 'hexBinary':
        return this.convert(() => hexToBytes(text));
    }
  }

  private parseList(type: ListType, text: string): unknown[] {
    return parseListItems(text, (item) => this.parseScalar(type.item, item));
  }

  private convert<T>(parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      return this.fail((error as Error).message);
    }
  }
}

function isNil(tag: StartTag): boolean {
  for (let i = 0; i < tag.attributeCount; i++) {
    if ((tag.attributeNames[i] as QName).local === 'nil' && tag.attributeUris[i] === XSI_NS) {
      const value = tag.value(i).trim();
      return value === 'true' || value === '1';
    }
  }
  return false;
}

/** An attribute's value by namespace and name; unqualified attributes match any namespace. */
function findAttribute(tag: StartTag, ns: string, local: string): string | undefined {
  for (let i = 0; i < tag.attributeCount; i++) {
    const uri = tag.attributeUris[i];
    if ((tag.attributeNames[i] as QName).local === local && (uri === ns || uri === '')) return tag.value(i);
  }
  return undefined;
}

/** Sets a property even when its name is `__proto__`, which plain assignment would not. */
function defineEntry(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * Adds a value to an xs:anyType tree under an element's name: a name seen again makes an array
 * (a single element's value is never an array itself, so an array there is always ours).
 */
function addToTree(tree: Record<string, unknown>, key: string, value: unknown): void {
  if (!Object.prototype.hasOwnProperty.call(tree, key)) return defineEntry(tree, key, value);
  const existing = tree[key];
  if (Array.isArray(existing)) existing.push(value);
  else defineEntry(tree, key, [existing, value]);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * Re-serialises a fragment (fault detail, xs:any content), declaring on each element the
 * namespaces it uses that are not already declared within the fragment.
 */
class XmlCapture {
  private parts = '';
  private textOnly = '';
  /** Prefix → namespace declared so far, per open element (innermost last). */
  private readonly scopes: Map<string, string>[] = [];
  hasElements = false;

  open(tag: StartTag): void {
    this.hasElements = true;
    const scope = new Map(this.scopes[this.scopes.length - 1] ?? [['', '']]);
    let start = `<${tag.name}`;
    const declare = (prefix: string, uri: string) => {
      if (scope.get(prefix) === uri) return;
      scope.set(prefix, uri);
      start += prefix ? ` xmlns:${prefix}="${escapeAttribute(uri)}"` : ` xmlns="${escapeAttribute(uri)}"`;
    };
    declare(tag.prefix, tag.uri);
    for (let i = 0; i < tag.attributeCount; i++) {
      const name = tag.attributeNames[i] as QName;
      if (name.prefix === 'xmlns' || name.qname === 'xmlns') continue;
      if (name.prefix) declare(name.prefix, tag.attributeUris[i] as string);
      start += ` ${name.qname}="${escapeAttribute(tag.value(i))}"`;
    }
    this.parts += `${start}>`;
    this.scopes.push(scope);
  }

  text(text: string): void {
    if (this.scopes.length === 0) this.textOnly += text;
    this.parts += escapeText(text);
  }

  close(name: string): void {
    this.parts += `</${name}>`;
    this.scopes.pop();
  }

  output(): string {
    return this.parts.trim();
  }

  plainText(): string {
    return this.textOnly;
  }
}

function escapeText(text: string): string {
  return /[&<>\r]/.test(text) ? text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;')) : text;
}

/** Line ends and tabs as references, so that the reader's attribute-value normalisation keeps them. */
function escapeAttribute(text: string): string {
  return /[&<>"\t\n\r]/.test(text) ? text.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES.get(c) ?? c) : text;
}

const ATTRIBUTE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ['\t', '&#9;'],
  ['\n', '&#10;'],
  ['\r', '&#13;'],
]);

/**
 * One decoder that lives as long as this module, never used. Decoders live for one call; when
 * none is alive at a full garbage collection, the engine drops the hidden classes of their
 * objects (the decoder, its tokenizer, start tag and frames), and with them everything its
 * optimised code had learnt about them: the next call would run slowly while it learns again.
 * This one keeps those classes, and so the optimised code, alive between calls.
 */
export const RESIDENT_DECODER: ResponseDecoder = new ResponseDecoder(
  { name: '', soapVersion: '1.1', requestHeaders: {}, responseHeaders: {}, operations: {} },
  { name: '', input: { fields: [], headers: [] } },
);
