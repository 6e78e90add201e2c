/**
 * Descriptors: the schema facts the generator emits as plain data, which drive encoding and
 * decoding at run time. Generated `descriptors.ts` files are made of these.
 */

/** How a simple value is written and read. */
export type Scalar =
  | 'string'
  | 'integer'
  | 'decimal'
  | 'double'
  | 'boolean'
  | 'dateTime'
  /** xs:dateTime kept as its ISO 8601 text (the generator's `dates: 'string'`). */
  | 'dateTimeString'
  /** Integers beyond 2^53 (xs:long and kin) as `bigint`, or as their decimal text (the generator's `int64`). */
  | 'bigint'
  | 'integerString'
  | 'base64Binary'
  | 'hexBinary'
  | 'anyType';

/** A space-separated `xs:list` of simple values. */
export interface ListType {
  readonly kind: 'list';
  readonly item: Scalar;
}

/** A complex type with element members, optionally extending a base type. */
export interface RecordType {
  readonly kind: 'record';
  readonly base?: () => RecordType;
  readonly fields: readonly FieldDesc[];
  readonly attributes?: readonly AttributeDesc[];
  /** simpleContent: the element's text, in the property `$value`. */
  readonly text?: Scalar | ListType;
  /** xs:any: child elements not declared here, kept as XML text in the property `$any`. */
  readonly any?: boolean;
}

export interface AttributeDesc {
  readonly name: string;
  /** '' for unqualified attributes. */
  readonly ns: string;
  readonly type: Scalar | ListType;
  readonly optional?: boolean;
  /** The TypeScript property name when it differs from `name`. */
  readonly prop?: string;
}

export const TEXT_PROPERTY = '$value';
export const ANY_PROPERTY = '$any';

/** A WCF `ArrayOfX`: a wrapper element around repeated item elements; a plain array in TypeScript. */
export interface ArrayType {
  readonly kind: 'array';
  readonly item: FieldDesc;
}

/** A WCF `IsDictionary` type: repeated key/value pair elements; a `Record` in TypeScript. */
export interface DictionaryType {
  readonly kind: 'dictionary';
  readonly entry: { readonly name: string; readonly ns: string };
  readonly key: FieldDesc;
  readonly value: FieldDesc;
}

export type ComplexDesc = RecordType | ArrayType | DictionaryType;
export type TypeDesc = Scalar | ListType | (() => ComplexDesc);

/** An element: a member of a record, a parameter, a result or a SOAP header entry. */
export interface FieldDesc {
  /** The element's local name, which is also the property name in TypeScript. */
  readonly name: string;
  /** The element's namespace ('' when unqualified). */
  readonly ns: string;
  readonly type: TypeDesc;
  /** minOccurs="0": omitted when undefined. */
  readonly optional?: boolean;
  /** maxOccurs greater than 1: an array of values, one element each. */
  readonly repeated?: boolean;
  readonly nillable?: boolean;
  /** The TypeScript property name when it differs from `name`. */
  readonly prop?: string;
  /** SOAP encoding: the type the element is sent as (`xsi:type`), namespace and name. */
  readonly xsiType?: readonly [string, string];
}

export interface MessageDesc {
  /**
   * The body wrapper element (document/literal wrapped and RPC); absent for bare parts.
   * `anyName`: an RPC response, whose wrapper may have any name (SOAP 1.1, section 7.1).
   */
  readonly wrapper?: { readonly name: string; readonly ns: string; readonly anyName?: boolean };
  /** use="encoded": the encodingStyle URI, declared on the wrapper. */
  readonly encoding?: string;
  /** Body members in order: the wrapper's children, or the bare parts. */
  readonly fields: readonly FieldDesc[];
  /** Names of the SOAP header entries (keys of `AgentDesc.headers`), in binding order. */
  readonly headers: readonly string[];
}

export interface OperationDesc {
  readonly name: string;
  readonly action?: string;
  readonly input: MessageDesc;
  /** Absent for one-way operations. */
  readonly output?: MessageDesc & {
    /** 'single': the one body member is the result; 'object': all members; 'void': nothing. */
    readonly result: 'void' | 'single' | 'object';
  };
}

export interface AgentDesc {
  readonly name: string;
  readonly soapVersion: '1.1' | '1.2';
  readonly endpoint?: string;
  /** Request header entries by element name. */
  readonly requestHeaders: { readonly [name: string]: FieldDesc };
  /** Response header entries by element name. */
  readonly responseHeaders: { readonly [name: string]: FieldDesc };
  /**
   * Response headers that signal failure, WCF style: `error` present and not nil, or the boolean
   * `success` false, rejects the call with a ServiceError.
   */
  readonly statusHeaders?: { readonly error?: string; readonly success?: string };
  readonly operations: { readonly [name: string]: OperationDesc };
}

export function resolveType(type: TypeDesc): Scalar | ListType | ComplexDesc {
  return typeof type === 'function' ? type() : type;
}

export interface RecordShape {
  /** Members of the whole base chain, base first: the order on the wire. */
  readonly fields: readonly FieldDesc[];
  readonly attributes: readonly AttributeDesc[];
  readonly text?: Scalar | ListType;
  readonly any: boolean;
}

const shapes = new WeakMap<RecordType, RecordShape>();

/** A record type with its bases folded in (cached: descriptors are immutable). */
export function recordShape(type: RecordType): RecordShape {
  const cached = shapes.get(type);
  if (cached) return cached;
  const base = type.base ? recordShape(type.base()) : undefined;
  const text = type.text ?? base?.text;
  const shape: RecordShape = {
    fields: [...(base?.fields ?? []), ...type.fields],
    attributes: [...(base?.attributes ?? []), ...(type.attributes ?? [])],
    ...(text === undefined ? {} : { text }),
    any: Boolean(type.any || base?.any),
  };
  shapes.set(type, shape);
  return shape;
}
