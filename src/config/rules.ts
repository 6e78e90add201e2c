/**
 * Checking one value against its rule (keys.ts), for the configuration file and for the flags
 * alike, with the same words: `must be one of "positional", "object", "auto"`.
 */
import type { ValueRule } from './keys.js';

/** Start of a TypeScript name, and the rest of one (ASCII, so every editor's JSON Schema check agrees). */
export const NAME_START_PATTERN = '^([A-Za-z_$][A-Za-z0-9_$]*)?$';
export const NAME_PART_PATTERN = '^[A-Za-z0-9_$]*$';

/** Whether `value` passes the rule (a `paths` list: each item too). */
export function passes(rule: ValueRule, value: unknown): boolean {
  switch (rule.kind) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'path':
      return isPath(value);
    case 'paths':
      return Array.isArray(value) && value.length > 0 && value.every(isPath);
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (!rule.integer || Number.isInteger(value)) &&
        (rule.above === undefined || value > rule.above) &&
        (rule.minimum === undefined || value >= rule.minimum) &&
        value <= rule.maximum
      );
    case 'choice':
      return typeof value === 'string' && rule.values.includes(value);
    case 'name-part':
      return typeof value === 'string' && new RegExp(rule.start ? NAME_START_PATTERN : NAME_PART_PATTERN).test(value);
  }
}

export function isPath(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** What the rule asks for, to follow the key's name: `must be true or false`. */
export function expectation(rule: ValueRule): string {
  switch (rule.kind) {
    case 'boolean':
      return 'must be true or false';
    case 'path':
      return 'must be a path (a non-empty string)';
    case 'paths':
      return 'must be a list of one or more WSDL files, folders or http(s) URLs';
    case 'number': {
      const range =
        rule.above !== undefined ? `above ${rule.above} and at most ${rule.maximum}` : `from ${rule.minimum ?? -Number.MAX_VALUE} to ${rule.maximum}`;
      return `must be ${rule.integer ? 'a whole number' : 'a number'} ${range} (${rule.unit})`;
    }
    case 'choice':
      return `must be one of ${rule.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'name-part':
      return rule.start
        ? 'must be empty or the start of a TypeScript name: letters, digits, _ and $, not beginning with a digit'
        : 'must be empty or letters, digits, _ and $';
  }
}

/** The value as the message shows it: `"objects"`, `3`, `a list`, `an object`. */
export function describeFound(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return String(value);
}
