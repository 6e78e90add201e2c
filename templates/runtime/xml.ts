/** XML text primitives shared by the writer and the reader. */
import { SoapEncodeError } from './errors.js';

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const SOAP11_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_ENVELOPE_NS = 'http://www.w3.org/2003/05/soap-envelope';

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

/** ISO 8601 in UTC, without fractional seconds when they are zero: `2021-11-30T13:22:50Z`. */
export function formatDateTime(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/**
 * Parses an xs:dateTime. A value without a zone offset is taken as UTC, so the same text gives
 * the same instant on every machine.
 */
export function parseDateTime(text: string): Date {
  const value = text.trim();
  const match = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (!match) throw new Error(`"${value}" is not an xs:dateTime`);
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  // Date.parse keeps millisecond precision; longer fractions (.NET writes 7 digits) are cut.
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${zone}`;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new Error(`"${value}" is not an xs:dateTime`);
  return new Date(time);
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
