/**
 * Descriptor → fast-check arbitrary, and descriptor → "what the decoder must give back".
 *
 * `DescriptorArbitraries` walks the runtime descriptors (the same data the generated agents run
 * on) and produces random *valid* argument values for any field, type or message; `expectedValue`
 * states, from the README's type mapping, what reading such a value back must produce; and
 * `differences` compares the two, naming the path of every mismatch.
 */
import fc from 'fast-check';
import {
  ANY_PROPERTY,
  TEXT_PROPERTY,
  recordShape,
  resolveType,
  type ArrayType,
  type AttributeDesc,
  type DictionaryType,
  type FieldDesc,
  type ListType,
  type RecordType,
  type Scalar,
  type TypeDesc,
} from '../../generated/runtime/descriptors.js';

// ---------------------------------------------------------------------------------------------
// Characters and strings

/** Characters worth trying in every string: markup, quotes, line ends, astral and odd code points. */
export const SPECIAL_TEXT = [
  '<', '>', '&', '"', "'", ']]>', '<![CDATA[', '-->', '&amp;', '&#13;', '&lt;',
  '\r', '\n', '\r\n', '\t', ' ', '  ',
  '😀', '👩‍👩‍👧', '\u{10FFFF}', '\u{10000}', '\uFFFD', '\uE000', '\uD7FF',
  '\u0085', '\u2028', '\u00A0', '\uFEFF', '\u007F', 'é', '中',
] as const;

/** One XML 1.0 `Char` (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]), or a special run. */
export const xmlCharUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_TEXT) },
  { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0x20, max: 0xd7ff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0xfffd }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
);

/** Any string XML 1.0 can carry; now and then a long one. */
export function xmlString(maxLength = 24): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.string({ unit: xmlCharUnit, maxLength }) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.string({ unit: xmlCharUnit, minLength: 500, maxLength: 3000 }) },
  );
}

/** Code points XML 1.0 forbids even as character references, as one UTF-16 string each. */
export const forbiddenChar: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0x00, max: 0x08 }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u000B', '\u000C', '\uFFFE', '\uFFFF'),
  fc.integer({ min: 0x0e, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xdbff }).map((c) => String.fromCharCode(c)), // lone high surrogate
  fc.integer({ min: 0xdc00, max: 0xdfff }).map((c) => String.fromCharCode(c)), // lone low surrogate
);

/**
 * Enum-like tokens for `xs:list` items: non-empty, no whitespace of any kind (XML or Unicode),
 * but markup characters and astral letters are fine.
 */
export const listToken: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...'abcXYZ019_-.:'.split('')) },
    { weight: 1, arbitrary: fc.constantFrom('<', '&', '"', "'", ']]>', 'é', 'Ω', '中', '😀') },
  ),
  minLength: 1,
  maxLength: 12,
});

// ---------------------------------------------------------------------------------------------
// Scalars

export const XSD_MIN_DATE = new Date('0001-01-01T00:00:00.000Z');
export const XSD_MAX_DATE = new Date('9999-12-31T23:59:59.999Z');

export interface ArbitraryOptions {
  /** Nesting of complex values; deeper optional complex members are left out (recursive types end). */
  readonly maxDepth?: number;
  /**
   * Dates: 'four-digit-years' is 0001–9999, the range xs:dateTime shares with .NET's DateTime
   * and the one the round-trip properties use; 'any-valid-date' is the whole range of a JS Date
   * (±8.64e15 ms), used by the property that documents the years-above-9999 bug.
   */
  readonly dates?: 'four-digit-years' | 'any-valid-date';
  /** xs:double -0 (see `expectedScalar` for how -0 must come back). */
  readonly negativeZeroDoubles?: boolean;
  /** Tokens for xs:list items of type string. */
  readonly listTokens?: fc.Arbitrary<string>;
  /** Allow the occasional array of 100–300 items and 60–64 KiB binary values. */
  readonly large?: boolean;
}

const INTEGER_EDGES = [0, -0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 53 - 2, -(2 ** 53 - 2)];
const DECIMAL_EDGES = [0, -0, 0.1, -0.1, 1e-7, 1.5e-7, 123.456, 1e21, 1.2345678901234567e25, -1e21, 5e-324, -5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE, Number.EPSILON, 0.30000000000000004];

/** Deterministic filler for large byte arrays (fast-check would generate 64 Ki separate bytes). */
function filledBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed | 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

export function scalarArbitrary(scalar: Scalar, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  switch (scalar) {
    case 'string':
      return xmlString();
    case 'anyType':
      // in attributes and simpleContent, written and read back as text (elements: anyValue)
      return fc.oneof(xmlString(), fc.integer(), fc.boolean());
    case 'integer':
      return fc.oneof(fc.constantFrom(...INTEGER_EDGES), fc.maxSafeInteger(), fc.integer({ min: -1000, max: 1000 }));
    case 'decimal':
      return fc.oneof(fc.constantFrom(...DECIMAL_EDGES), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.maxSafeInteger());
    case 'double': {
      const doubles = fc.oneof(
        fc.constantFrom(...DECIMAL_EDGES, NaN, Infinity, -Infinity),
        fc.double(),
        fc.integer({ min: -1000, max: 1000 }),
      );
      return options.negativeZeroDoubles ? fc.oneof(doubles, fc.constant(-0)) : doubles.filter((value) => !Object.is(value, -0));
    }
    case 'boolean':
      return fc.boolean();
    case 'dateTime': {
      const range = options.dates === 'any-valid-date' ? {} : { min: XSD_MIN_DATE, max: XSD_MAX_DATE };
      return fc.oneof(
        fc.date({ ...range, noInvalidDate: true }),
        fc.constantFrom(...(options.dates === 'any-valid-date' ? [new Date(8.64e15), new Date(-8.64e15), new Date(253402300800000)] : []), XSD_MIN_DATE, XSD_MAX_DATE, new Date(0), new Date(Date.UTC(2021, 10, 30, 13, 22, 50, 1))),
      );
    }
    case 'dateTimeString':
      // written as given, read back as written: the forms of xs:dateTime, offsets and long fractions included
      return fc
        .tuple(scalarArbitrary('dateTime', options) as fc.Arbitrary<Date>, fc.constantFrom('Z', '+01:00', '-05:30', ''), fc.constantFrom('', '.5', '.1234567'))
        .filter(([date]) => date.getUTCFullYear() >= 1 && date.getUTCFullYear() <= 9999)
        .map(([date, zone, fraction]) => `${date.toISOString().slice(0, 19)}${fraction}${zone}`);
    case 'bigint':
      return fc.oneof(fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }), fc.constantFrom(0n, 2n ** 53n + 1n, -(2n ** 63n)));
    case 'integerString':
      return fc.oneof(fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(String), fc.constantFrom('0', '-0', '+7', '00012'));
    case 'base64Binary':
    case 'hexBinary': {
      const small = fc.uint8Array({ maxLength: 48 });
      if (!options.large) return small;
      const large = fc.tuple(fc.integer({ min: 60 * 1024, max: 64 * 1024 }), fc.integer()).map(([length, seed]) => filledBytes(length, seed));
      return fc.oneof({ weight: 12, arbitrary: small }, { weight: 1, arbitrary: fc.constant(new Uint8Array(0)) }, { weight: 1, arbitrary: large });
    }
  }
}

/** Property names of xs:anyType objects: element names, the awkward ones included. */
const ANY_NAMES = ['a', 'B', 'name', 'Value', 'x-y', 'n.1', '_', 'é', '名前', '__proto__', 'constructor', 'toString'] as const;

/**
 * An xs:anyType element's value: a scalar of any kind, null, or a tree of objects whose members
 * are values or arrays of them (the README's mapping for xs:anyType).
 */
export function anyValue(options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const scalars = fc.oneof(
    xmlString(),
    fc.integer(),
    fc.maxSafeInteger(),
    fc.double(),
    fc.boolean(),
    scalarArbitrary('dateTime', options),
    fc.uint8Array({ maxLength: 24 }),
  );
  const { tree } = fc.letrec<{ tree: unknown; member: unknown }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalars, fc.constant(null), fc.dictionary(fc.constantFrom(...ANY_NAMES), tie('member'), { maxKeys: 4 })),
    member: fc.oneof({ depthSize: 'small' }, tie('tree'), fc.array(tie('tree'), { maxLength: 3 }), fc.constant(undefined)),
  }));
  return tree;
}

// ---------------------------------------------------------------------------------------------
// Complex types

/** Builds (and caches) arbitraries for descriptor types; one instance per option set. */
export class DescriptorArbitraries {
  private readonly cache = new Map<unknown, Map<number, fc.Arbitrary<unknown>>>();
  readonly maxDepth: number;

  constructor(readonly options: ArbitraryOptions = {}) {
    this.maxDepth = options.maxDepth ?? 3;
  }

  /**
   * A value for a member (parameter, record member, header entry): an array for repeated
   * members, `undefined` possible where optional (left out of the record, or present with the
   * value undefined), `null` possible where nillable.
   */
  member(field: FieldDesc, depth = 0): fc.Arbitrary<unknown> {
    if (this.isComplex(field.type) && depth >= this.maxDepth) {
      // deep enough: end recursive types with the smallest valid value
      if (field.optional) return fc.constant(undefined);
      if (field.repeated) return fc.constant<unknown[]>([]);
      if (field.nillable) return fc.constant(null);
    }
    if (field.repeated) {
      const items = this.sized(this.element(field, depth + 1), depth);
      return field.optional ? fc.option(items, { nil: undefined, freq: 5 }) : items;
    }
    const value = this.element(field, depth);
    return field.optional ? fc.option(value, { nil: undefined, freq: 4 }) : value;
  }

  /** The value of one element of the field: `null` possible where nillable. */
  element(field: FieldDesc, depth: number): fc.Arbitrary<unknown> {
    if (field.nillable && this.isComplex(field.type) && depth >= this.maxDepth) return fc.constant(null);
    const value = field.type === 'anyType' ? anyValue(this.options) : this.type(field.type, depth);
    return field.nillable ? fc.option(value, { nil: null, freq: 5 }) : value;
  }

  type(typeDesc: TypeDesc, depth: number): fc.Arbitrary<unknown> {
    const type = resolveType(typeDesc);
    let byDepth = this.cache.get(type);
    if (!byDepth) this.cache.set(type, (byDepth = new Map()));
    let arbitrary = byDepth.get(depth);
    if (!arbitrary) {
      arbitrary = this.build(type, depth);
      byDepth.set(depth, arbitrary);
    }
    return arbitrary;
  }

  /** Arguments for a message's body fields, positionally. */
  values(fields: readonly FieldDesc[]): fc.Arbitrary<unknown[]> {
    return fc.tuple(...fields.map((field) => this.member(field, 0)));
  }

  /** Header entries by key, for the named header fields. */
  headers(names: readonly string[], fields: { readonly [name: string]: FieldDesc }): fc.Arbitrary<Record<string, unknown>> {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const name of names) model[name] = this.member(fields[name], 0);
    return fc.record(model, { requiredKeys: [] });
  }

  private isComplex(typeDesc: TypeDesc): boolean {
    return typeof typeDesc === 'function';
  }

  /** Arrays: mostly short, sometimes empty, now and then a few hundred items. */
  private sized(item: fc.Arbitrary<unknown>, depth: number): fc.Arbitrary<unknown[]> {
    const short = fc.array(item, { maxLength: depth === 0 ? 5 : 3 });
    if (!this.options.large || depth > 1) return fc.oneof({ weight: 6, arbitrary: short }, { weight: 1, arbitrary: fc.constant<unknown[]>([]) });
    return fc.oneof(
      { weight: 10, arbitrary: short },
      { weight: 2, arbitrary: fc.constant<unknown[]>([]) },
      { weight: 1, arbitrary: fc.array(item, { minLength: 100, maxLength: 300 }) },
    );
  }

  private build(type: Scalar | ListType | ReturnType<typeof resolveType>, depth: number): fc.Arbitrary<unknown> {
    if (typeof type === 'string') return scalarArbitrary(type, this.options);
    switch (type.kind) {
      case 'list':
        return this.list(type);
      case 'record':
        return this.record(type, depth);
      case 'array':
        return this.array(type, depth);
      case 'dictionary':
        return this.dictionary(type, depth);
    }
  }

  private list(type: ListType): fc.Arbitrary<unknown[]> {
    const item = type.item === 'string' || type.item === 'anyType' ? (this.options.listTokens ?? listToken) : scalarArbitrary(type.item, { ...this.options, large: false });
    return fc.oneof({ weight: 5, arbitrary: fc.array(item, { maxLength: 6 }) }, { weight: 1, arbitrary: fc.constant<unknown[]>([]) });
  }

  private record(type: RecordType, depth: number): fc.Arbitrary<unknown> {
    const shape = recordShape(type);
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const field of shape.fields) {
      const key = field.prop ?? field.name;
      model[key] = this.member(field, depth + 1);
      if (!field.optional) required.push(key);
    }
    for (const attribute of shape.attributes) {
      const key = attribute.prop ?? attribute.name;
      model[key] = attributeArbitrary(attribute, this.options, this);
      if (!attribute.optional) required.push(key);
      else model[key] = fc.option(model[key], { nil: undefined, freq: 3 });
    }
    if (shape.text) {
      // simpleContent: the element's text is always read back, so it is always given
      model[TEXT_PROPERTY] = typeof shape.text === 'string' ? scalarArbitrary(shape.text, this.options) : this.list(shape.text);
      required.push(TEXT_PROPERTY);
    }
    if (shape.any) model[ANY_PROPERTY] = fc.array(anyFragment, { maxLength: 3 });
    return fc.record(model, { requiredKeys: required });
  }

  private array(type: ArrayType, depth: number): fc.Arbitrary<unknown[]> {
    if (depth >= this.maxDepth) return fc.constant<unknown[]>([]);
    return this.sized(this.element(type.item, depth + 1), depth);
  }

  private dictionary(type: DictionaryType, depth: number): fc.Arbitrary<unknown> {
    const key = fc.oneof(
      { weight: 6, arbitrary: xmlString(12) },
      { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', '0', '10', '-1', 'Key', 'Value') },
    );
    return fc.dictionary(key, this.element(type.value, depth + 1), { maxKeys: depth === 0 ? 6 : 3 });
  }
}

function attributeArbitrary(attribute: AttributeDesc, options: ArbitraryOptions, builder: DescriptorArbitraries): fc.Arbitrary<unknown> {
  return typeof attribute.type === 'string' ? scalarArbitrary(attribute.type, { ...options, large: false }) : builder.type(attribute.type, 0);
}

/**
 * xs:any content: element fragments the decoder re-serialises to the same text (explicit end
 * tags, namespace declared on the element, text escaped as the decoder escapes it, no CR).
 */
export const anyFragment: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('x:Extra xmlns:x="urn:x"', 'Plain', 'y:Other xmlns:y="urn:y" a="1"'), xmlString(12))
  .map(([start, text]) => {
    const name = start.split(' ')[0];
    const escaped = text.replace(/\r/g, '').replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
    return `<${start}>${escaped}</${name}>`;
  });

// ---------------------------------------------------------------------------------------------
// What must come back

/** A marker for "this member must be absent from the decoded record". */
export const ABSENT: unique symbol = Symbol('absent');

/**
 * The value a member must decode to, by the README's type mapping: undefined optional members
 * are left out (ABSENT), and read back absent; a repeated member left out reads back as [].
 */
export function expectedMember(field: FieldDesc, value: unknown): unknown {
  if (value === undefined) return field.repeated ? [] : ABSENT;
  if (field.repeated) return (value as unknown[]).map((item) => expectedElement(field, item));
  return expectedElement(field, value);
}

export function expectedElement(field: FieldDesc, value: unknown): unknown {
  if (value === null || value === undefined) return null; // null is sent as nil and read as null
  return field.type === 'anyType' ? expectedAny(value) : expectedType(field.type, value);
}

/**
 * An xs:anyType element's value read back: scalars as themselves (their xsi:type says what they
 * are; integers lose the sign of -0), an object as an object of its defined members, where an
 * array of several items stays an array, of one item is that item, and of none leaves the member
 * out; an object with no members is an empty element, which reads back as ''.
 */
export function expectedAny(value: unknown): unknown {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isInteger(value) && Number.isSafeInteger(value) ? value + 0 : value;
  if (typeof value !== 'object' || value instanceof Date || value instanceof Uint8Array) return value;
  const result: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || (Array.isArray(member) && member.length === 0)) continue;
    const expected = Array.isArray(member) ? (member.length === 1 ? expectedAny(member[0]) : member.map(expectedAny)) : expectedAny(member);
    Object.defineProperty(result, key, { value: expected, enumerable: true, writable: true, configurable: true });
  }
  return Object.keys(result).length === 0 ? '' : result;
}

export function expectedType(typeDesc: TypeDesc, value: unknown): unknown {
  const type = resolveType(typeDesc);
  if (typeof type === 'string') return expectedScalar(type, value);
  switch (type.kind) {
    case 'list':
      return (value as unknown[]).map((item) => expectedScalar(type.item, item));
    case 'array':
      return (value as unknown[]).map((item) => expectedElement(type.item, item));
    case 'dictionary': {
      const result: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
        Object.defineProperty(result, key, { value: expectedElement(type.value, entry), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    case 'record': {
      const shape = recordShape(type);
      const record = value as Record<string, unknown>;
      const result: Record<string, unknown> = {};
      for (const field of shape.fields) {
        const key = field.prop ?? field.name;
        const expected = expectedMember(field, record[key]);
        if (expected !== ABSENT) result[key] = expected;
      }
      for (const attribute of shape.attributes) {
        const key = attribute.prop ?? attribute.name;
        const given = record[key];
        if (given === undefined || given === null) continue;
        result[key] = typeof attribute.type === 'string' ? expectedScalar(attribute.type, given) : expectedType(attribute.type, given);
      }
      if (shape.text) result[TEXT_PROPERTY] = typeof shape.text === 'string' ? expectedScalar(shape.text, record[TEXT_PROPERTY]) : expectedType(shape.text, record[TEXT_PROPERTY]);
      if (shape.any && Array.isArray(record[ANY_PROPERTY]) && (record[ANY_PROPERTY] as unknown[]).length > 0) result[ANY_PROPERTY] = record[ANY_PROPERTY];
      return result;
    }
  }
}

/**
 * Scalars by the README's mapping. Decisions:
 * - integer and decimal: -0 comes back as 0 (xs:decimal has one zero; "-0" and "0" are the
 *   same value), so both are expected as +0;
 * - double: NaN, ±INF come back as themselves, and -0 must come back as -0 (xs:double has a
 *   negative zero, and JavaScript can hold it; see the separate property for the encoder bug);
 * - dateTime: the same instant (equal getTime(), millisecond precision);
 * - anyType (attributes, simpleContent): the text written (numbers via String(), booleans as
 *   true/false); elements: see expectedAny.
 */
export function expectedScalar(scalar: Scalar, value: unknown): unknown {
  switch (scalar) {
    case 'integer':
    case 'decimal':
      return (value as number) === 0 ? 0 : value;
    case 'dateTime':
      return new Date((value as Date).getTime());
    case 'anyType':
      return typeof value === 'boolean' ? (value ? 'true' : 'false') : typeof value === 'number' ? String(value) : value;
    default:
      return value;
  }
}

// ---------------------------------------------------------------------------------------------
// Comparison

/** Every difference between a decoded value and the expected one, as "path: what". */
export function differences(actual: unknown, expected: unknown, path = '$', out: string[] = []): string[] {
  if (out.length > 20) return out;
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || !Object.is(actual, expected)) out.push(`${path}: expected ${numberText(expected)}, got ${show(actual)}`);
  } else if (expected instanceof Date) {
    if (!(actual instanceof Date) || actual.getTime() !== expected.getTime()) out.push(`${path}: expected Date ${safeIso(expected)}, got ${show(actual)}`);
  } else if (expected instanceof Uint8Array) {
    if (!(actual instanceof Uint8Array)) out.push(`${path}: expected a Uint8Array, got ${show(actual)}`);
    else if (actual.length !== expected.length) out.push(`${path}: expected ${expected.length} bytes, got ${actual.length}`);
    else {
      const at = expected.findIndex((byte, i) => actual[i] !== byte);
      if (at >= 0) out.push(`${path}: bytes differ at ${at}`);
    }
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) out.push(`${path}: expected an array of ${expected.length}, got ${show(actual)}`);
    else if (actual.length !== expected.length) out.push(`${path}: expected ${expected.length} items, got ${actual.length}: ${show(actual)}`);
    else expected.forEach((item, i) => differences(actual[i], item, `${path}[${i}]`, out));
  } else if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      out.push(`${path}: expected an object, got ${show(actual)}`);
      return out;
    }
    const actualKeys = Object.keys(actual);
    const expectedKeys = Object.keys(expected);
    for (const key of expectedKeys) {
      if (!Object.prototype.hasOwnProperty.call(actual, key)) out.push(`${path}.${key}: missing (expected ${show((expected as Record<string, unknown>)[key])})`);
      else differences((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`, out);
    }
    for (const key of actualKeys) if (!expectedKeys.includes(key)) out.push(`${path}.${key}: unexpected (${show((actual as Record<string, unknown>)[key])})`);
  } else if (actual !== expected) {
    out.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
  }
  return out;
}

function numberText(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

function safeIso(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toISOString();
}

export function show(value: unknown): string {
  if (typeof value === 'number') return numberText(value);
  if (value instanceof Date) return safeIso(value);
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  if (value === undefined) return 'undefined';
  try {
    const text = JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 120)}…` : text;
  } catch {
    return String(value);
  }
}
