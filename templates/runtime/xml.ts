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
  if (inAttribute) return NEEDS_ATTRIBUTE_ESCAPE.test(text) ? text.replace(/[&<>"\r\n\t]/g, (c) => ESCAPES[c]) : text;
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"\r]/g, (c) => ESCAPES[c]) : text;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
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
  const numbers = [month, day, hour, minute, second].map(Number);
  const [m, d, h, min, s] = numbers;
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

/** XML Schema separates list items by its own whitespace only: space, TAB, CR and LF. */
export function splitList(text: string): string[] {
  return text.split(/[ \t\r\n]+/).filter((item) => item !== '');
}

/** A finite number in xs:decimal form: never exponent notation. */
export function formatDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa, exponentText] = text.toLowerCase().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const [whole, fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let result: string;
  if (point <= 0) result = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) result = digits + '0'.repeat(point - digits.length);
  else result = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + result;
}
