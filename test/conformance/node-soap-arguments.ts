/**
 * node-soap's argument object (a sample's request.json) → the positional arguments of a generated
 * method. node-soap takes JSON-ish values and writes them as they are; our methods take typed
 * values (numbers, booleans, Dates, bytes, arrays), so values are converted by the operation's
 * descriptors, never guessed from the JSON alone.
 */
import {
  TEXT_PROPERTY,
  recordShape,
  resolveType,
  type ArrayType,
  type FieldDesc,
  type ListType,
  type OperationDesc,
  type RecordType,
  type Scalar,
  type TypeDesc,
} from '../../templates/runtime/descriptors.js';

/** request.json holds something this conversion cannot express as typed arguments. */
export class UnsupportedArgument extends Error {
  override readonly name = 'UnsupportedArgument';
}

/**
 * One argument per input field, in field order; keys are element names (part names for RPC).
 * A key that is no field is an error, not dropped: it would silently change what is sent.
 */
export function toArguments(operation: OperationDesc, request: unknown): unknown[] {
  const fields = operation.input.fields;
  // node-soap takes null for "no arguments"
  const args = request ?? {};
  // a bare (unwrapped) single part: node-soap's object is the content of that part's element
  if (!operation.input.wrapper && fields.length === 1) return [convertField(fields[0], args, fields[0].name)];
  const values = membersOf(args, operation.name);
  rejectUnknownKeys(values, fields, operation.name);
  return fields.map((field) => convertField(field, values[field.name], field.name));
}

function convertField(field: FieldDesc, value: unknown, path: string): unknown {
  if (value === undefined) return undefined;
  if (!field.repeated) return convert(field.type, value, path);
  // node-soap writes a single value for a repeated element as one occurrence
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, index) => convert(field.type, item, `${path}[${index}]`));
}

function convert(type: TypeDesc, value: unknown, path: string): unknown {
  if (value === null) return null;
  const resolved = resolveType(type);
  if (typeof resolved === 'string') return convertScalar(resolved, value, path);
  switch (resolved.kind) {
    case 'list':
      return convertList(resolved, value, path);
    case 'record':
      return convertRecord(resolved, value, path);
    case 'array':
      return convertWcfArray(resolved, value, path);
    case 'dictionary':
      throw new UnsupportedArgument(`${path}: a WCF dictionary has no node-soap form to convert from`);
  }
}

function convertRecord(type: RecordType, value: unknown, path: string): Record<string, unknown> {
  const shape = recordShape(type);
  if (shape.text !== undefined && (value === null || typeof value !== 'object')) {
    // simpleContent written as plain text: node-soap's shorthand for { $value: text }
    return { [TEXT_PROPERTY]: convertText(shape.text, value, path) };
  }
  const values = membersOf(value, path);
  const known = shape.text !== undefined ? [...shape.fields, { name: TEXT_PROPERTY }] : shape.fields;
  rejectUnknownKeys(values, known, path);
  const result: Record<string, unknown> = {};
  for (const field of shape.fields) {
    const converted = convertField(field, values[field.name], `${path}.${field.name}`);
    if (converted !== undefined) result[field.prop ?? field.name] = converted;
  }
  if (shape.text !== undefined && values[TEXT_PROPERTY] !== undefined) {
    result[TEXT_PROPERTY] = convertText(shape.text, values[TEXT_PROPERTY], `${path}.${TEXT_PROPERTY}`);
  }
  return result;
}

function convertText(text: Scalar | ListType, value: unknown, path: string): unknown {
  return typeof text === 'string' ? convertScalar(text, value, path) : convertList(text, value, path);
}

/** A WCF ArrayOfX is `{ X: [...] }` (or `{ X: item }`) for node-soap, a plain array for us. */
function convertWcfArray(type: ArrayType, value: unknown, path: string): unknown[] {
  let items: unknown = value;
  if (!Array.isArray(value)) {
    const values = membersOf(value, path);
    rejectUnknownKeys(values, [type.item], path);
    items = values[type.item.name] ?? [];
  }
  const list = Array.isArray(items) ? items : [items];
  return list.map((item, index) => convert(type.item.type, item, `${path}.${type.item.name}[${index}]`));
}

function convertList(type: ListType, value: unknown, path: string): unknown[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [value];
  return items.map((item, index) => convertScalar(type.item, item, `${path}[${index}]`));
}

function convertScalar(scalar: Scalar, value: unknown, path: string): unknown {
  const unsupported = (): never => {
    throw new UnsupportedArgument(`${path}: cannot read ${JSON.stringify(value)} as ${scalar}`);
  };
  switch (scalar) {
    case 'string': {
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      // node-soap writes a string that is one CDATA section as it is: its text is the content
      const cdata = typeof value === 'string' ? /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(value) : null;
      return cdata ? cdata[1] : value;
    }
    case 'integer':
    case 'decimal':
    case 'double':
      return typeof value === 'string' ? parseNumber(value, scalar === 'double') ?? unsupported() : value;
    case 'boolean':
      if (typeof value !== 'string') return value;
      return { true: true, '1': true, false: false, '0': false }[value.trim()] ?? unsupported();
    case 'dateTime':
      return typeof value === 'string' ? parseDateTime(value) ?? unsupported() : value;
    case 'base64Binary':
      return typeof value === 'string' ? new Uint8Array(Buffer.from(value, 'base64')) : value;
    case 'hexBinary':
      return typeof value === 'string' && /^([0-9a-fA-F]{2})*$/.test(value.trim()) ? new Uint8Array(Buffer.from(value.trim(), 'hex')) : unsupported();
    case 'anyType':
      // node-soap writes {} as an empty element
      return isEmptyObject(value) ? '' : value;
  }
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

function parseNumber(text: string, special: boolean): number | undefined {
  const trimmed = text.trim();
  if (special && trimmed === 'INF') return Infinity;
  if (special && trimmed === '-INF') return -Infinity;
  if (special && trimmed === 'NaN') return NaN;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** xs:dateTime text; without an offset it is read as UTC, as the runtime reads responses. */
function parseDateTime(text: string): Date | undefined {
  const trimmed = text.trim();
  if (!/^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/.test(trimmed)) return undefined;
  const date = new Date(/(Z|[+-]\d\d:\d\d)$/.test(trimmed) ? trimmed : `${trimmed}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * An object of members by element name. node-soap also takes `prefix:name` keys (the prefix picks
 * a namespace declared in the WSDL); the namespace comes from the descriptor here, and a wrong
 * one would show in the envelope comparison, so the prefix is dropped.
 */
function membersOf(value: unknown, path: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UnsupportedArgument(`${path}: expected an object of members, got ${JSON.stringify(value)}`);
  }
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key.slice(key.indexOf(':') + 1), member]));
}

function rejectUnknownKeys(values: Record<string, unknown>, fields: readonly { readonly name: string }[], path: string): void {
  const names = new Set(fields.map((field) => field.name));
  const unknown = Object.keys(values).filter((key) => !names.has(key));
  if (unknown.length > 0) {
    const expected = fields.length > 0 ? fields.map((field) => field.name).join(', ') : 'none';
    throw new UnsupportedArgument(`${path}: request.json has ${unknown.map((key) => `"${key}"`).join(', ')}, which the descriptor does not have (members: ${expected})`);
  }
}
