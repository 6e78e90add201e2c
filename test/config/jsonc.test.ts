/** The configuration reader: JSON's grammar, plus comments and trailing commas, with positions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/error.js';
import { parseJsonc, plainValue, type JsonNode } from '../../src/config/jsonc.js';

const read = (text: string) => plainValue(parseJsonc(text, 'c.json'));

function errorOf(text: string): string {
  try {
    parseJsonc(text, 'c.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

describe('parseJsonc', () => {
  it('reads comments, trailing commas and a byte order mark', () => {
    const text = '\uFEFF// a line comment\n{\n  /* a block\n comment */ "a": [1, 2,], // after\n  "b": { "c": "d", },\n}\n';
    expect(read(text)).toEqual({ a: [1, 2], b: { c: 'd' } });
  });

  it('knows where each value and key is', () => {
    const root = parseJsonc('{\n  "out": "x",\n  "options": { "dates": 3 }\n}', 'c.json');
    expect(root.kind).toBe('object');
    const entries = (root as Extract<JsonNode, { kind: 'object' }>).entries;
    expect(entries[0]).toMatchObject({ key: 'out', keyAt: { line: 2, column: 3 }, value: { at: { line: 2, column: 10 } } });
    const options = entries[1]!.value as Extract<JsonNode, { kind: 'object' }>;
    expect(options.entries[0]).toMatchObject({ key: 'dates', value: { kind: 'number', value: 3, at: { line: 3, column: 25 } } });
  });

  it('reads escapes as JSON does', () => {
    expect(read('"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00"')).toBe('a"b\\c/d\b\f\n\r\té😀');
  });

  it.each([
    ['', 'c.json:1:1: the file is empty: it must hold one JSON object'],
    ['  // only a comment\n', 'c.json:2:1: the file is empty: it must hold one JSON object'],
    ['{ "a": 1 "b": 2 }', 'c.json:1:10: expected "," or "}", found "\\""'],
    ['{ "a" 1 }', 'c.json:1:7: expected ":" after "a", found "1"'],
    ['{ a: 1 }', 'c.json:1:3: expected a key in double quotes or "}", found "a"'],
    ["{ 'a': 1 }", 'c.json:1:3: expected a key in double quotes or "}", found "\'"'],
    ['{ "a": \'x\' }', 'c.json:1:8: strings are written in double quotes (")'],
    ['{ "a": 1, "a": 2 }', 'c.json:1:11: "a" is given twice in the same object'],
    ['[1, 2', 'c.json:1:6: expected "," or "]", found the end of the file'],
    ['[1,,2]', 'c.json:1:4: expected a value (an object, array, string, number, true, false or null), found ","'],
    ['{ "a": tru }', 'c.json:1:8: expected a value (an object, array, string, number, true, false or null), found "tru"'],
    ['{ "a": 01 }', 'c.json:1:8: expected a value (an object, array, string, number, true, false or null), found "01"'],
    ['{ "a": 1. }', 'c.json:1:8: expected a value (an object, array, string, number, true, false or null), found "1"'],
    ['{ "a": NaN }', 'c.json:1:8: expected a value (an object, array, string, number, true, false or null), found "NaN"'],
    ['"abc', 'c.json:1:1: a string is not closed'],
    ['"a\nb"', 'c.json:1:3: a string cannot hold a line break or control character (write \\n, \\t, …)'],
    ['"\\x41"', 'c.json:1:2: "\\x" is not an escape JSON knows'],
    ['"\\u12"', 'c.json:1:2: "\\u" is not an escape JSON knows'],
    ['{} /* open', 'c.json:1:4: a /* comment is not closed'],
    ['{} {}', 'c.json:1:4: unexpected text after the end of the JSON value'],
    [`${'['.repeat(70)}${']'.repeat(70)}`, 'c.json:1:66: nested more than 64 levels deep'],
  ])('refuses %j with the place and the reason', (text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('reads whatever JSON.parse reads, to the same value, with comments anywhere between tokens', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('', ' ', '\n', '\t', ' // c\n', '/* c */'), (value, blank) => {
        const text = JSON.stringify(value, null, 2);
        // a comment before and after the value, and in place of the indentation
        const commented = `${blank}${text.replace(/\n {2}/g, `\n${blank} `)}${blank}`;
        expect(read(commented)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses what JSON.parse refuses (trailing commas aside) and equal keys, never throwing anything but a ConfigError', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', '-', 'e', '.', 't', 'n', ' ', '\\', 'u', 'a') }), (text) => {
        let standard: unknown;
        let standardOk = true;
        try {
          standard = JSON.parse(text);
        } catch {
          standardOk = false;
        }
        let ours: unknown;
        try {
          ours = read(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          // JSON.parse keeps the last of two equal keys; we refuse them
          if (standardOk) expect((error as Error).message).toMatch(/is given twice in the same object$/);
          return;
        }
        // we accept more only through trailing commas
        if (standardOk) expect(ours).toEqual(standard);
        else expect(text).toMatch(/,\s*[\]}]/);
      }),
      { numRuns: 2000 },
    );
  });
});
