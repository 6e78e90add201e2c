/**
 * The JSON Schema we ship for editors, and the starter configuration of `init`: the schema file is
 * what the key table makes, and the schema (checked by Ajv, as an editor would) accepts exactly
 * the configurations our validator accepts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, configJsonSchemaText } from '../../src/config/json-schema.js';
import { parseJsonc, plainValue } from '../../src/config/jsonc.js';
import { CODE_OPTION_KEYS, TOP_LEVEL_KEYS, type ConfigKey } from '../../src/config/keys.js';
import { starterConfig } from '../../src/config/starter.js';
import { validateConfig } from '../../src/config/validate.js';
import { updating } from '../helpers/golden.js';

const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../wsdl-agents.schema.json');

function ajvValidator() {
  const ajv = new Ajv({ allErrors: true });
  // VS Code's keywords for JSON with comments: meaningless to a validator of values
  ajv.addVocabulary(['allowComments', 'allowTrailingCommas']);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
}

function oursAccepts(value: unknown): boolean {
  try {
    validateConfig(parseJsonc(JSON.stringify(value), 'c.json'), 'c.json');
    return true;
  } catch {
    return false;
  }
}

/** A value that passes a key's rule most of the time, or any JSON value. */
function valueFor(key: ConfigKey): fc.Arbitrary<unknown> {
  const rule = key.rule;
  const good: fc.Arbitrary<unknown> =
    rule.kind === 'boolean'
      ? fc.boolean()
      : rule.kind === 'path'
        ? fc.string()
        : rule.kind === 'paths'
          ? fc.array(fc.string(), { maxLength: 3 })
          : rule.kind === 'number'
            ? fc.oneof(fc.constantFrom(...boundaries(rule)), fc.integer({ min: -2, max: rule.maximum + 2 }), fc.double({ min: -1, max: rule.maximum + 1, noNaN: true }))
            : rule.kind === 'choice'
              ? fc.oneof(fc.constantFrom(...rule.values), fc.constantFrom(...rule.values.map((v) => v.toUpperCase())))
              : fc.oneof(fc.stringMatching(/^[A-Za-z0-9_$-]{0,4}$/), fc.constantFrom('', '$', 'So', '_x', '1a', 'a-b', 'Dto$', 'é'));
  return fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) });
}

/** Numbers at and around the ends of a range, where a schema and a validator are most likely to differ. */
function boundaries(rule: { readonly above?: number; readonly minimum?: number; readonly maximum: number }): number[] {
  const ends = [rule.above, rule.minimum, rule.maximum].filter((end): end is number => end !== undefined);
  return ends.flatMap((end) => [end - 1, end - 0.5, end, end + 0.5, end + 1]);
}

function sectionOf(keys: Readonly<Record<string, ConfigKey>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, valueFor(key)])), { requiredKeys: [] });
}

describe('wsdl-agents.schema.json', () => {
  it('is what the key table makes', () => {
    if (updating) writeFileSync(SCHEMA_FILE, configJsonSchemaText());
    expect(readFileSync(SCHEMA_FILE, 'utf8'), 'run UPDATE_GOLDEN=1 npx vitest run test/config to rewrite it').toBe(configJsonSchemaText());
  });

  it('documents every key with its default, and the defaults pass', () => {
    const validate = ajvValidator();
    const schema = configJsonSchema() as { properties: Record<string, { description?: string; default?: unknown; properties?: Record<string, { default?: unknown }> }> };
    for (const [name, key] of Object.entries(TOP_LEVEL_KEYS)) expect(schema.properties[name]).toMatchObject({ description: key.description, default: key.default });
    for (const [name, key] of Object.entries(CODE_OPTION_KEYS)) expect(schema.properties['options']!.properties![name]).toMatchObject({ default: key.default });
    const defaults = {
      ...Object.fromEntries(Object.entries(TOP_LEVEL_KEYS).map(([name, key]) => [name, key.default])),
      options: Object.fromEntries(Object.entries(CODE_OPTION_KEYS).map(([name, key]) => [name, key.default])),
    };
    expect(validate(defaults), JSON.stringify(validate.errors)).toBe(true);
    expect(oursAccepts(defaults)).toBe(true);
  });

  it('accepts exactly what our validator accepts', () => {
    const validate = ajvValidator();
    const known = fc.record(
      {
        ...Object.fromEntries(Object.entries(TOP_LEVEL_KEYS).map(([name, key]) => [name, valueFor(key)])),
        options: fc.oneof({ weight: 12, arbitrary: sectionOf(CODE_OPTION_KEYS) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }),
        $schema: fc.oneof({ weight: 12, arbitrary: fc.string() }, { weight: 1, arbitrary: fc.integer() }),
      },
      { requiredKeys: [] },
    );
    // a key nobody knows, or a code option at the wrong level
    const unknown = fc.tuple(known, fc.constantFrom('ouput', 'dates', 'check')).map(([config, key]) => ({ ...config, [key]: 'x' }));
    const configs = fc.oneof({ weight: 8, arbitrary: known }, { weight: 1, arbitrary: unknown }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
    fc.assert(
      fc.property(configs, (config) => {
        expect(validate(config), JSON.stringify(config)).toBe(oursAccepts(config));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the starter configuration', () => {
  const text = starterConfig({ inputs: ['wsdl', 'https://host/A.svc?wsdl'], out: 'src/soap', schema: './node_modules/wsdl-agents/wsdl-agents.schema.json' });

  it('holds every key with its default (but the inputs and output chosen), and passes both checks', () => {
    const value = plainValue(parseJsonc(text, 'c.json'));
    expect(value).toEqual({
      $schema: './node_modules/wsdl-agents/wsdl-agents.schema.json',
      ...Object.fromEntries(Object.entries(TOP_LEVEL_KEYS).map(([name, key]) => [name, key.default])),
      inputs: ['wsdl', 'https://host/A.svc?wsdl'],
      out: 'src/soap',
      options: Object.fromEntries(Object.entries(CODE_OPTION_KEYS).map(([name, key]) => [name, key.default])),
    });
    expect(ajvValidator()(value)).toBe(true);
    expect(oursAccepts(value)).toBe(true);
  });

  it('explains each key in a comment above it, in lines of at most 100 characters', () => {
    const lines = text.split('\n');
    for (const [name, key] of [...Object.entries(TOP_LEVEL_KEYS), ...Object.entries(CODE_OPTION_KEYS)]) {
      const at = lines.findIndex((line) => line.trimStart().startsWith(`"${name}":`));
      const comment: string[] = [];
      for (let i = at - 1; lines[i]!.trimStart().startsWith('//'); i--) comment.unshift(lines[i]!.trim().slice(3));
      expect(comment.join(' ')).toBe(key.description);
    }
    expect(lines.filter((line) => line.length > 100)).toEqual([]);
  });
});
