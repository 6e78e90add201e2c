/**
 * Base64Reader (streamed base64Binary values) against atob, the forgiving-base64 decoder every
 * platform has: for any text of base64 characters, padding and XML whitespace, cut into any
 * pieces, the same bytes or both refusing; and bytesToBase64 read back exactly. Each twice: with
 * the platform's Buffer (long runs decoded natively) and without it (as in a browser).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Base64Reader, base64ToBytes, bytesToBase64 } from '../../templates/runtime/xml.js';
import { cut } from '../runtime/xml-events.js';
import { runs } from './settings.js';

function withAtob(text: string): Uint8Array | 'refused' {
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return 'refused';
  }
}

/** Runs `work` as on a platform without Buffer, when `native` is false. */
function platform<T>(native: boolean, work: () => T): T {
  if (native) return work();
  const buffer = globalThis.Buffer;
  (globalThis as { Buffer?: unknown }).Buffer = undefined;
  try {
    return work();
  } finally {
    globalThis.Buffer = buffer;
  }
}

function withReader(pieces: readonly string[], native: boolean): Uint8Array | 'refused' {
  return platform(native, () => {
    try {
      const reader = new Base64Reader();
      for (const piece of pieces) reader.push(piece);
      return reader.finish();
    } catch {
      return 'refused';
    }
  });
}

/** Some bytes, as base64 on one line or in lines of 76 (MIME), perhaps with a stray character. */
function longBase64(bytes: Uint8Array, lines: boolean, stray: readonly [number, string] | undefined, unpadded: boolean): string {
  let text = bytesToBase64(bytes);
  if (unpadded) text = text.replace(/=+$/, '');
  if (lines) text = text.replace(/.{76}/g, '$&\r\n');
  if (stray) {
    const position = stray[0] % (text.length + 1);
    text = text.slice(0, position) + stray[1] + text.slice(position);
  }
  return text;
}

const base64Text = fc.oneof(
  // well-formed, with whitespace sprinkled in and the padding sometimes left out
  fc
    .tuple(fc.uint8Array({ maxLength: 200 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '\n', '\r\n', '\t', '  ')), { maxLength: 8 }), fc.boolean())
    .map(([bytes, spaces, unpadded]) => {
      let text = bytesToBase64(bytes);
      if (unpadded) text = text.replace(/=+$/, '');
      for (const [at, space] of spaces) {
        const position = at % (text.length + 1);
        text = text.slice(0, position) + space + text.slice(position);
      }
      return text;
    }),
  // anything made of the characters that may appear
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', '=', ' ', '\n', '\r', '\t', '-', '_', 'é', '😀'), maxLength: 40 }),
  // long enough for the native decoder, which must refuse or skip exactly what atob does
  fc
    .tuple(
      fc.uint8Array({ minLength: 200, maxLength: 3000 }),
      fc.boolean(),
      fc.option(fc.tuple(fc.nat(), fc.constantFrom(' ', '\n', '=', '-', '_', '*', '.', '\u0000', 'é', 'ī', '😀', 'A')), { nil: undefined }),
      fc.boolean(),
    )
    .map(([bytes, lines, stray, unpadded]) => longBase64(bytes, lines, stray, unpadded)),
);

describe.each([
  ['with the platform\'s Buffer', true],
  ['without Buffer', false],
])('Base64Reader, %s', (_, native) => {
  it('gives what atob gives, or refuses what atob refuses, for any cutting into pieces', () => {
    fc.assert(
      fc.property(base64Text, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const pieces = cut(text, cuts.map((at) => at % (text.length + 1)));
        expect(withReader(pieces, native)).toEqual(withAtob(text));
      }),
      runs(3000),
    );
  });

  it('reads back what bytesToBase64 writes, large values included', () => {
    const large = fc.integer({ min: 50_000, max: 70_000 }).map((length) => {
      const bytes = new Uint8Array(length);
      for (let i = 0; i < length; i++) bytes[i] = (i * 7919) & 255;
      return bytes;
    });
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: fc.uint8Array({ maxLength: 300 }) }, { weight: 1, arbitrary: large }), (bytes) => {
        const back = platform(native, () => base64ToBytes(bytesToBase64(bytes)));
        // compared here rather than with toEqual, which is slow on 70,000 elements
        expect(back.length).toBe(bytes.length);
        expect(back.findIndex((byte, i) => byte !== bytes[i])).toBe(-1);
      }),
      runs(300),
    );
  });

  it('writes what btoa writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(platform(native, () => bytesToBase64(bytes))).toBe(btoa(String.fromCharCode(...bytes)));
      }),
      runs(500),
    );
  });
});
