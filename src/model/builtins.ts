/** The built-in types of XML Schema and how each is carried in TypeScript and on the wire. */
import { LEGACY_XSD_NAMESPACES, SOAP_ENCODING_NAMESPACES, XSD_NS, type QName, type TypeUse } from '../read/document.js';

/** Run-time scalar kinds; they match `Scalar` in templates/runtime/descriptors.ts. */
export type ScalarKind =
  | 'string'
  | 'integer'
  /** An integer that may exceed 2^53 (xs:long, xs:integer and kin): carried as the int64 option says. */
  | 'bigInteger'
  | 'decimal'
  | 'double'
  | 'boolean'
  | 'dateTime'
  | 'base64Binary'
  | 'hexBinary'
  | 'anyType';

/** The TypeScript type of one value of a built-in. */
export type BuiltinTsType = 'string' | 'number' | 'bigint' | 'boolean' | 'unknown' | 'Date' | 'Uint8Array';

export interface Builtin {
  readonly scalar: ScalarKind;
  readonly tsType: BuiltinTsType;
  /** Built-in list types (NMTOKENS, IDREFS, ENTITIES) are space-separated lists of `scalar`. */
  readonly list?: boolean;
}

const text: Builtin = { scalar: 'string', tsType: 'string' };
const integer: Builtin = { scalar: 'integer', tsType: 'number' };
const bigInteger: Builtin = { scalar: 'bigInteger', tsType: 'number' };
const textList: Builtin = { scalar: 'string', tsType: 'string', list: true };

const BUILTINS: Readonly<Record<string, Builtin>> = {
  string: text,
  normalizedString: text,
  token: text,
  language: text,
  Name: text,
  NCName: text,
  NMTOKEN: text,
  ID: text,
  IDREF: text,
  ENTITY: text,
  QName: text,
  NOTATION: text,
  anyURI: text,
  duration: text,
  date: text,
  time: text,
  gYear: text,
  gYearMonth: text,
  gMonth: text,
  gMonthDay: text,
  gDay: text,
  anySimpleType: text,
  NMTOKENS: textList,
  IDREFS: textList,
  ENTITIES: textList,
  integer: bigInteger,
  int: integer,
  long: bigInteger,
  short: integer,
  byte: integer,
  nonNegativeInteger: bigInteger,
  positiveInteger: bigInteger,
  nonPositiveInteger: bigInteger,
  negativeInteger: bigInteger,
  unsignedLong: bigInteger,
  unsignedInt: integer,
  unsignedShort: integer,
  unsignedByte: integer,
  decimal: { scalar: 'decimal', tsType: 'number' },
  float: { scalar: 'double', tsType: 'number' },
  double: { scalar: 'double', tsType: 'number' },
  boolean: { scalar: 'boolean', tsType: 'boolean' },
  dateTime: { scalar: 'dateTime', tsType: 'Date' },
  base64Binary: { scalar: 'base64Binary', tsType: 'Uint8Array' },
  hexBinary: { scalar: 'hexBinary', tsType: 'Uint8Array' },
  anyType: { scalar: 'anyType', tsType: 'unknown' },
};

export function builtin(name: string): Builtin | undefined {
  return Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
}

/**
 * How a type name is used: built-in types are recognised in XML Schema's namespace, its drafts,
 * SOAP encoding's mirror of them, and — for old WSDLs that write `type="string"` without any
 * namespace in scope — as an unqualified built-in name.
 */
export function typeUseOf(name: QName): TypeUse {
  if (name.ns === XSD_NS || LEGACY_XSD_NAMESPACES.includes(name.ns)) return { kind: 'builtin', name: name.local };
  if (SOAP_ENCODING_NAMESPACES.includes(name.ns) && (builtin(name.local) || name.local === 'base64')) {
    return { kind: 'builtin', name: name.local === 'base64' ? 'base64Binary' : name.local };
  }
  if (name.ns === '' && builtin(name.local)) return { kind: 'builtin', name: name.local };
  return { kind: 'named', name };
}
