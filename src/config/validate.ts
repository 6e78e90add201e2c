/**
 * Validates a parsed configuration file against the key table (keys.ts). The first mistake is a
 * ConfigError naming the file, line, column, the key path and what was expected; an unknown key
 * is a mistake too, with the key probably meant.
 */
import { closest } from '../cli/suggest.js';
import { ConfigError } from './error.js';
import type { JsonEntry, JsonNode } from './jsonc.js';
import { plainValue } from './jsonc.js';
import { CODE_OPTION_KEYS, OPTIONS_SECTION, SCHEMA_FILE_NAME, SCHEMA_KEY, TOP_LEVEL_KEYS, type ConfigKey, type ConfigValues } from './keys.js';
import { describeFound, expectation, isPath, passes } from './rules.js';

export function validateConfig(root: JsonNode, file: string): ConfigValues {
  const fail = (problem: string, node: { readonly at: { line: number; column: number } }) => new ConfigError(problem, { file, ...node.at });
  if (root.kind !== 'object') throw fail(`the configuration must be a JSON object ({ … }), found ${describeFound(plainValue(root))}`, root);

  const config: Record<string, unknown> = {};
  for (const entry of root.entries) {
    if (entry.key === SCHEMA_KEY) {
      if (entry.value.kind !== 'string') throw fail(`${SCHEMA_KEY} must be a string: the path or URL of ${SCHEMA_FILE_NAME}`, entry.value);
    } else if (entry.key === OPTIONS_SECTION) {
      if (entry.value.kind !== 'object') {
        throw fail(`${OPTIONS_SECTION} must be an object of code options ({ "parameters": "auto", … }), found ${describeFound(plainValue(entry.value))}`, entry.value);
      }
      const options: Record<string, unknown> = {};
      for (const option of entry.value.entries) {
        const key = knownKey(CODE_OPTION_KEYS, option, `${OPTIONS_SECTION}.`, fail);
        options[option.key] = checkedValue(key, option, `${OPTIONS_SECTION}.${option.key}`, fail);
      }
      config[OPTIONS_SECTION] = options;
    } else {
      const key = knownKey(TOP_LEVEL_KEYS, entry, '', fail);
      config[entry.key] = checkedValue(key, entry, entry.key, fail);
    }
  }
  // every key and value has been checked against the table that ConfigValues is made from
  return config as ConfigValues;
}

type Fail = (problem: string, node: { readonly at: { line: number; column: number } }) => ConfigError;

function knownKey(keys: Readonly<Record<string, ConfigKey>>, entry: JsonEntry, prefix: string, fail: Fail): ConfigKey {
  const key = Object.hasOwn(keys, entry.key) ? keys[entry.key] : undefined;
  if (key) return key;
  throw fail(`unknown key "${prefix}${entry.key}"${suggestion(entry.key, prefix)}`, { at: entry.keyAt });
}

/** The key probably meant: a near spelling at the same level, or the same name in the other section. */
function suggestion(typed: string, prefix: string): string {
  const here = prefix === '' ? [...Object.keys(TOP_LEVEL_KEYS), OPTIONS_SECTION] : Object.keys(CODE_OPTION_KEYS);
  const near = closest(typed, here);
  if (near) return `; did you mean "${prefix}${near}"?`;
  const other = prefix === '' ? Object.keys(CODE_OPTION_KEYS) : Object.keys(TOP_LEVEL_KEYS);
  const elsewhere = closest(typed, other);
  if (elsewhere) return `; did you mean "${prefix === '' ? `${OPTIONS_SECTION}.` : ''}${elsewhere}"${prefix === '' ? ` (inside "${OPTIONS_SECTION}")` : ' (at the top level)'}?`;
  return '';
}

function checkedValue(key: ConfigKey, entry: JsonEntry, path: string, fail: Fail): unknown {
  const value = plainValue(entry.value);
  if (key.rule.kind === 'paths' && entry.value.kind === 'array' && entry.value.items.length > 0) {
    // point at the item that is wrong
    entry.value.items.forEach((item, index) => {
      const itemValue = plainValue(item);
      if (!isPath(itemValue)) throw fail(`${path}[${index}] must be a path or URL (a non-empty string), found ${describeFound(itemValue)}`, item);
    });
  }
  if (!passes(key.rule, value)) throw fail(`${path} ${expectation(key.rule)}, found ${describeFound(value)}`, entry.value);
  return value;
}
