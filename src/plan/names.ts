/** TypeScript names for XML names: always valid, never colliding, as close to the original as possible. */

const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval'
  ).split(' '),
);

/** Names a type alias or interface may not take, or must not shadow in generated modules. */
const RESERVED_TYPE_NAMES = new Set(
  (
    'any unknown never string number bigint boolean symbol object undefined void null ' +
    'Date Uint8Array Record Array Promise Readonly ReadonlyArray Partial'
  ).split(' '),
);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Replaces what an identifier cannot hold; never produces `$`, which generated internals use. */
export function identifier(name: string): string {
  let result = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (!result) result = '_';
  if (/^[0-9]/.test(result)) result = `_${result}`;
  return result;
}

/** An exported type's name: the XML name made valid, kept clear of keywords and used globals. */
export function typeName(name: string): string {
  const result = identifier(name);
  return RESERVED_WORDS.has(result) || RESERVED_TYPE_NAMES.has(result) ? `${result}_` : result;
}

/**
 * camelCase for methods and parameters: `FlushCaches` → `flushCaches`, `GetCRMUrl` → `getCRMUrl`,
 * `CRMUrl` → `crmUrl`, `ID` → `id`, `get-item.v2` → `getItemV2`.
 */
export function camelCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (words.length === 0) return '_';
  const joined = words.map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1))).join('');
  const leadingCapitals = /^[A-Z]+/.exec(joined)?.[0] ?? '';
  let result: string;
  if (leadingCapitals.length <= 1 || leadingCapitals.length === joined.length) {
    result = leadingCapitals.toLowerCase() + joined.slice(leadingCapitals.length);
  } else if (/[a-z]/.test(joined[leadingCapitals.length] ?? '')) {
    // an acronym followed by a word: its last capital starts that word
    result = leadingCapitals.slice(0, -1).toLowerCase() + joined.slice(leadingCapitals.length - 1);
  } else {
    result = leadingCapitals.toLowerCase() + joined.slice(leadingCapitals.length);
  }
  return /^[0-9]/.test(result) ? `_${result}` : result;
}

export function parameterName(name: string): string {
  const result = camelCase(name);
  return RESERVED_WORDS.has(result) ? `${result}_` : result;
}

/** A property key in an interface or object literal: the name itself, or quoted when it must be. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Hands out names unique within one scope: `Name`, then `Name_2`, `Name_3`, ... */
export class UniqueNames {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  claim(preferred: string): string {
    let name = preferred;
    for (let n = 2; this.taken.has(name); n++) name = `${preferred}_${n}`;
    this.taken.add(name);
    return name;
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }
}
