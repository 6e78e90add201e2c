/**
 * TypeScript type expressions as data. The planner builds them; the printer alone turns them
 * into text (quoting keys, parenthesising, importing the generated types they mention).
 */
import type { BuiltinTsType } from '../model/builtins.js';
import { propertyKey } from './names.js';

export type TsType =
  | { readonly kind: 'keyword'; readonly name: 'string' | 'number' | 'bigint' | 'boolean' | 'unknown' | 'void' | 'null' | 'never' }
  /** A global type of the JavaScript platform. */
  | { readonly kind: 'global'; readonly name: 'Date' | 'Uint8Array' }
  /** A generated type: its name and the module file (relative to the folder) that declares it. */
  | { readonly kind: 'ref'; readonly name: string; readonly file: string }
  | { readonly kind: 'literal'; readonly value: string | number }
  | { readonly kind: 'array'; readonly item: TsType }
  | { readonly kind: 'union'; readonly members: readonly TsType[] }
  /** `Record<string, V>`. */
  | { readonly kind: 'record'; readonly value: TsType }
  /** An object type literal, printed on one line. */
  | { readonly kind: 'object'; readonly members: readonly TsMember[] };

export interface TsMember {
  /** The property name as in XML; the printer quotes it where it is not an identifier. */
  readonly name: string;
  readonly optional: boolean;
  readonly type: TsType;
}

export const STRING: TsType = { kind: 'keyword', name: 'string' };
export const UNKNOWN: TsType = { kind: 'keyword', name: 'unknown' };
export const VOID: TsType = { kind: 'keyword', name: 'void' };
export const NULL: TsType = { kind: 'keyword', name: 'null' };

/** The TypeScript type of a built-in's value (`Builtin.tsType`). */
export function builtinType(name: BuiltinTsType): TsType {
  return name === 'Date' || name === 'Uint8Array' ? { kind: 'global', name } : { kind: 'keyword', name };
}

export function ref(name: string, file: string): TsType {
  return { kind: 'ref', name, file };
}

export function arrayOf(item: TsType): TsType {
  return { kind: 'array', item };
}

/** A union, flattened, without repeated members. */
export function union(members: readonly TsType[]): TsType {
  const flat: TsType[] = [];
  const seen = new Set<string>();
  for (const member of members.flatMap((m) => (m.kind === 'union' ? m.members : [m]))) {
    const key = JSON.stringify(member);
    if (seen.has(key)) continue;
    seen.add(key);
    flat.push(member);
  }
  return flat.length === 1 ? flat[0]! : { kind: 'union', members: flat };
}

export function nullable(type: TsType): TsType {
  return union([type, NULL]);
}

export function recordOf(value: TsType): TsType {
  return { kind: 'record', value };
}

/**
 * A type expression as TypeScript text. `refName` gives the name a generated type has where the
 * text goes (an import alias, say); by default its own name.
 */
export function formatType(type: TsType, refName: (ref: { name: string; file: string }) => string = (r) => r.name): string {
  const format = (inner: TsType): string => formatType(inner, refName);
  switch (type.kind) {
    case 'keyword':
    case 'global':
      return type.name;
    case 'ref':
      return refName(type);
    case 'literal':
      return typeof type.value === 'number' ? String(type.value) : quote(type.value);
    case 'array':
      return type.item.kind === 'union' ? `(${format(type.item)})[]` : `${format(type.item)}[]`;
    case 'union':
      return type.members.map(format).join(' | ');
    case 'record':
      return `Record<string, ${format(type.value)}>`;
    case 'object':
      return `{ ${type.members.map((member) => `${propertyKey(member.name)}${member.optional ? '?' : ''}: ${format(member.type)}`).join('; ')} }`;
  }
}

/** A string literal in single quotes. */
export function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\n/g, '\\n')}'`;
}
