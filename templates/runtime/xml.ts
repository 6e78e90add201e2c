/** XML text primitives shared by the writer and the reader. */
import { SoapEncodeError } from './errors.js';

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const SOAP11_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_ENVELOPE_NS = 'http://www.w3.org/2003/05/soap-envelope';
/** Bound to the prefix `xml` by Namespaces in XML §3; binding any other prefix to it is an error. */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Characters XML 1.0 cannot carry at all (not even as character references); lone surrogates too. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NEEDS_ESCAPE = /[&<>"\r]/;
const NEEDS_ATTRIBUTE_ESCAPE = /[&<>"\r\n\t]/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };

/**
 * Escapes text for element content, or for a double-quoted attribute value. `\r` (and in
 * attributes `\n` and `\t`) become character references, so the receiver's line-ending and
 * attribute-value normalisation does not change the value.
 */
export function escapeXml(text: string, where: () => string, inAttribute = false): string {
  if (NOT_XML_CHAR.test(text)) {
    const bad = NOT_XML_CHAR.exec(text)![0];
    const code = bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new SoapEncodeError(`${where()}: the character U+${code} cannot be sent in XML 1.0`);
  }
  if (inAttribute) return NEEDS_ATTRIBUTE_ESCAPE.test(text) ? text.replace(/[&<>"\r\n\t]/g, (c) => ESCAPES[c] ?? c) : text;
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"\r]/g, (c) => ESCAPES[c] ?? c) : text;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Each byte's 6-bit value in base64, or INVALID (any byte of a non-ASCII character among them). */
const INVALID = 255;
const BASE64_VALUES = new Uint8Array(256).fill(INVALID);
for (let i = 0; i < 64; i++) BASE64_VALUES[BASE64_ALPHABET.charCodeAt(i)] = i;
const BASE64_CODES = new Uint8Array(64);
for (let i = 0; i < 64; i++) BASE64_CODES[i] = BASE64_ALPHABET.charCodeAt(i);

/**
 * Node's (and Bun's) Buffer, where the platform has one: its base64 and UTF-8 work is native and
 * many times faster than any loop in JavaScript. Looked up on globalThis at each use, never
 * imported, so the runtime needs nothing and runs the same where there is no Buffer.
 */
interface NativeBuffer {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): NativeBufferView;
  byteLength(text: string, encoding: 'utf8'): number;
}
interface NativeBufferView {
  /** Forgiving: skips what is not base64 (and reads `-` `_` and a character's low byte as if it were). */
  write(text: string, encoding: 'base64'): number;
  toString(encoding: 'base64'): string;
}

export function nativeBuffer(): NativeBuffer | undefined {
  const found = (globalThis as unknown as { Buffer?: NativeBuffer }).Buffer;
  return typeof found?.from === 'function' && typeof found.byteLength === 'function' ? found : undefined;
}

/** Base64, padded, on one line. Written as ASCII bytes and decoded at once: no string per character. */
export function bytesToBase64(bytes: Uint8Array): string {
  const native = nativeBuffer();
  if (native !== undefined) return native.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
  const codes = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 3 <= bytes.length; i += 3) {
    const triple = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    codes[o++] = BASE64_CODES[triple >> 18] as number;
    codes[o++] = BASE64_CODES[(triple >> 12) & 63] as number;
    codes[o++] = BASE64_CODES[(triple >> 6) & 63] as number;
    codes[o++] = BASE64_CODES[triple & 63] as number;
  }
  if (i < bytes.length) {
    const first = bytes[i] as number;
    const second = i + 1 < bytes.length ? (bytes[i + 1] as number) : 0;
    codes[o++] = BASE64_CODES[first >> 2] as number;
    codes[o++] = BASE64_CODES[((first & 3) << 4) | (second >> 4)] as number;
    codes[o++] = i + 1 < bytes.length ? (BASE64_CODES[(second & 15) << 2] as number) : 0x3d;
    codes[o++] = 0x3d;
  }
  return new TextDecoder().decode(codes);
}

export function base64ToBytes(text: string): Uint8Array {
  const reader = new Base64Reader();
  reader.push(text);
  return reader.finish();
}

/** Text is turned into bytes this many characters at a time (at most 3 bytes each) before decoding. */
const BASE64_PIECE = 16 * 1024;
const base64Encoder = new TextEncoder();
const base64Scratch = new Uint8Array(3 * BASE64_PIECE);

/** Below this many characters a native call costs more than it saves. */
const NATIVE_BASE64_MINIMUM = 256;

/**
 * Decodes the whole quanta of base64 text from `from` natively, when they are all of the
 * alphabet (no whitespace, no padding): `bytes` decoded into `output` at `o`, and where in the text
 * they end. Anything else (whitespace between lines, a stray character) decodes nothing here and
 * is left to the JavaScript decoder, which skips or refuses it as it should. The native decoder
 * is forgiving, so the text is checked: it skips a character it does not know, which the count of
 * bytes shows, and takes `-`, `_` and non-ASCII characters as base64, which are looked for.
 */
function decodeNatively(native: NativeBuffer, text: string, from: number, output: Uint8Array, o: number): { bytes: number; end: number } {
  let end = text.length;
  // whitespace and padding at the end, as the last quantum and a new line before the end tag bring
  while (end > from && BASE64_VALUES[text.charCodeAt(end - 1)] === INVALID) end--;
  end -= (end - from) & 3;
  if (end - from < NATIVE_BASE64_MINIMUM) return { bytes: 0, end: from };
  const quanta = text.slice(from, end);
  const bytes = ((end - from) >> 2) * 3;
  if (quanta.includes('-') || quanta.includes('_') || native.byteLength(quanta, 'utf8') !== quanta.length) return { bytes: 0, end: from };
  const written = native.from(output.buffer, output.byteOffset + o, bytes).write(quanta, 'base64');
  // not all of the alphabet: what was written is written again, by the JavaScript decoder
  return written === bytes ? { bytes, end } : { bytes: 0, end: from };
}

/**
 * Decodes base64 given in pieces, as text arrives: XML whitespace anywhere is skipped, and the
 * padding may be left out (as atob allows). Long runs of the alphabet are decoded natively where
 * the platform can; the rest becomes bytes through TextEncoder (native, and typed arrays read faster
 * than strings) and is decoded here. The values decoded are kept in the pieces they were decoded
 * in, joined by `finish()`: at most twice the value's size, at that moment.
 */
export class Base64Reader {
  private readonly pieces: Uint8Array[] = [];
  private length = 0;
  /** The quantum in progress: its 6-bit values so far, how many, and the '=' after them. */
  private bits = 0;
  private count = 0;
  private padding = 0;
  /** After a padded quantum only whitespace may follow. */
  private padded = false;

  push(text: string): void {
    const output = new Uint8Array(((this.count + text.length) >> 2) * 3 + 3);
    let o = 0;
    let from = 0;
    const native = text.length >= NATIVE_BASE64_MINIMUM && !this.padded ? nativeBuffer() : undefined;
    if (native !== undefined) {
      // the quantum in progress is finished here; the whole quanta after it, natively
      if (this.count + this.padding > 0) {
        from = 4 - this.count - this.padding;
        o = this.decodeText(text.slice(0, from), output, o);
      }
      if (this.count === 0 && !this.padded) {
        const decoded = decodeNatively(native, text, from, output, o);
        o += decoded.bytes;
        from = decoded.end;
      }
    }
    o = this.decodeText(from === 0 ? text : text.slice(from), output, o);
    if (o > 0) {
      this.pieces.push(output.subarray(0, o));
      this.length += o;
    }
  }

  finish(): Uint8Array {
    if (this.count > 0) {
      // a last quantum without its padding, as atob allows: two or three characters
      if (this.count === 1 || this.padding > 0) throw new Error('base64 text whose length is not a valid one');
      const bytes = this.count === 2 ? new Uint8Array([this.bits >> 4]) : new Uint8Array([this.bits >> 10, (this.bits >> 2) & 255]);
      this.pieces.push(bytes);
      this.length += bytes.length;
      this.count = 0;
    }
    if (this.pieces.length === 1) return this.pieces[0] as Uint8Array;
    const bytes = new Uint8Array(this.length);
    let offset = 0;
    for (const piece of this.pieces) {
      bytes.set(piece, offset);
      offset += piece.length;
    }
    return bytes;
  }

  /** Decodes base64 text into `output` from `o`, in JavaScript; returns where the output ends. */
  private decodeText(text: string, output: Uint8Array, o: number): number {
    for (let start = 0; start < text.length; start += BASE64_PIECE) {
      const { written } = base64Encoder.encodeInto(start === 0 && text.length <= BASE64_PIECE ? text : text.slice(start, start + BASE64_PIECE), base64Scratch);
      o = this.decode(base64Scratch, written, output, o);
    }
    return o;
  }

  /** Decodes `length` bytes of base64 text into `output` from `o`; returns where the output ends. */
  private decode(input: Uint8Array, length: number, output: Uint8Array, o: number): number {
    let i = 0;
    while (i < length) {
      if (this.count === 0 && !this.padded) {
        // the fast path: four alphabet characters at a time
        const end = length - 3;
        while (i < end) {
          const a = BASE64_VALUES[input[i] as number] as number;
          const b = BASE64_VALUES[input[i + 1] as number] as number;
          const c = BASE64_VALUES[input[i + 2] as number] as number;
          const d = BASE64_VALUES[input[i + 3] as number] as number;
          if ((a | b | c | d) > 63) break;
          output[o] = (a << 2) | (b >> 4);
          output[o + 1] = ((b & 15) << 4) | (c >> 2);
          output[o + 2] = ((c & 3) << 6) | d;
          o += 3;
          i += 4;
        }
        if (i >= length) break;
      }
      // one character: whitespace, padding, or a value of a quantum that crosses pieces
      const byte = input[i++] as number;
      const value = BASE64_VALUES[byte] as number;
      if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
      if (this.padded) throw new Error('base64 text continues after its padding');
      if (byte === 0x3d && this.count >= 2) {
        this.padding++;
      } else if (value === INVALID || this.padding > 0) {
        throw new Error('not base64 text');
      } else {
        this.bits = (this.bits << 6) | value;
        this.count++;
      }
      if (this.count + this.padding === 4) {
        // a full quantum: 3 bytes, fewer when padded
        const bits = this.bits << (6 * this.padding);
        output[o++] = bits >> 16;
        if (this.padding < 2) output[o++] = (bits >> 8) & 255;
        if (this.padding < 1) output[o++] = bits & 255;
        this.padded = this.padding > 0;
        this.bits = 0;
        this.count = 0;
        this.padding = 0;
      }
    }
    return o;
  }
}

export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).toUpperCase().padStart(2, '0');
  return hex;
}

export function hexToBytes(text: string): Uint8Array {
  const clean = text.trim();
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new Error(`"${clean}" is not hexBinary`);
  const bytes = new Uint8Array(clean.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/**
 * ISO 8601 in UTC, without fractional seconds when they are zero: `2021-11-30T13:22:50Z`. Years
 * outside 0000–9999 are written as XML Schema spells them (`10000-…`, `-0001-…`), not as
 * JavaScript's `+010000-…`; year 0 is 1 BCE, as in ISO 8601 and XML Schema 1.1.
 */
export function formatDateTime(date: Date): string {
  const year = date.getUTCFullYear();
  const rest = date.toISOString().replace(/^[+-]?\d+/, '').replace(/\.000Z$/, 'Z');
  return `${year < 0 ? '-' : ''}${String(Math.abs(year)).padStart(4, '0')}${rest}`;
}

/**
 * Parses an xs:dateTime. A value without a zone offset is taken as UTC, so the same text gives
 * the same instant on every machine. Fractions beyond milliseconds (.NET writes 7 digits) are cut.
 */
export function parseDateTime(text: string): Date {
  const value = text.trim();
  const match = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (!match) throw new Error(`"${value}" is not an xs:dateTime`);
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  const [m = 0, d = 0, h = 0, min = 0, s = 0] = [month, day, hour, minute, second].map(Number);
  if (m < 1 || m > 12 || d < 1 || d > 31 || h > 24 || min > 59 || s > 60) throw new Error(`"${value}" is not an xs:dateTime`);
  // setUTCFullYear, not Date.UTC: the latter reads years 0–99 as 1900–1999
  const date = new Date(0);
  date.setUTCFullYear(Number(year), m - 1, d);
  date.setUTCHours(h, min, s, Number(fraction.slice(0, 3).padEnd(3, '0')));
  if (date.getUTCDate() !== d && h !== 24) throw new Error(`"${value}" is not an xs:dateTime`);
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const time = date.getTime() - offset * 60_000;
  if (Number.isNaN(time)) throw new Error(`"${value}" is not an xs:dateTime`);
  return new Date(time);
}

/**
 * The items of an xs:list, each passed through `parse`. XML Schema separates them by its own
 * whitespace only: space, TAB, CR and LF. Counted first, so the array is made at its size: lists
 * are frequent, and most are short.
 */
export function parseListItems(text: string, parse: (item: string) => unknown): unknown[] {
  let count = 0;
  let inItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
    if (!space && !inItem) count++;
    inItem = !space;
  }
  const items = new Array<unknown>(count);
  let start = -1;
  let k = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      if (start >= 0) items[k++] = parse(text.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  return items;
}

/** A finite number in xs:decimal form: never exponent notation. */
export function formatDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa = '', exponentText] = text.toLowerCase().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const [whole = '', fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let result: string;
  if (point <= 0) result = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) result = digits + '0'.repeat(point - digits.length);
  else result = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + result;
}
