/**
 * Bytes of a WSDL or XSD file → text, as XML 1.0 Appendix F autodetects encodings: a byte order
 * mark decides (UTF-8, UTF-16 LE or BE) and is dropped; without one, the encoding the XML
 * declaration names (ISO-8859-1, windows-1252, …), else UTF-8. Files saved on Windows carry a
 * BOM all the time, and §4.3.3 makes it the encoding signature, never content.
 */
import { WsdlError } from '../errors.js';

export function decodeXmlBytes(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', bytes.subarray(3), file);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2), file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2), file);
  // the declaration is ASCII in every encoding without a BOM that a WSDL is found in
  const declaration = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(Buffer.from(bytes.subarray(0, 200)).toString('latin1'));
  const declared = declaration?.[1]?.toLowerCase();
  if (!declared || declared === 'utf-8' || declared === 'utf8' || declared.startsWith('utf-16')) return decode('utf-8', bytes, file);
  return decode(declared, bytes, file);
}

function decode(encoding: string, bytes: Uint8Array, file: string): string {
  try {
    // ignoreBOM keeps a second BOM as a character, so the parser reports it as the content it is
    return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  } catch {
    throw new WsdlError(`the XML declaration names the encoding "${encoding}", which is not supported`, { file, line: 1, column: 1 });
  }
}
