/**
 * MTOM/XOP responses (`multipart/related`): the SOAP envelope is one MIME part, and binary values
 * travel as further parts that the envelope points to with `<xop:Include href="cid:…"/>`.
 */

export const XOP_NS = 'http://www.w3.org/2004/08/xop/include';

export interface XopPackage {
  /** The root part: the SOAP envelope, as text. */
  readonly envelope: string;
  /** The other parts' bytes, by Content-ID (without angle brackets). */
  readonly attachments: ReadonlyMap<string, Uint8Array>;
}

/** The boundary of a `multipart/related` content type, or undefined for any other type. */
export function multipartBoundary(contentType: string | null): string | undefined {
  if (!contentType || !/^\s*multipart\/related\b/i.test(contentType)) return undefined;
  return parameter(contentType, 'boundary');
}

/** Splits a multipart/related body into its root envelope and its attachments. */
export function readXopPackage(body: Uint8Array, contentType: string): XopPackage {
  const boundary = multipartBoundary(contentType);
  if (!boundary) throw new Error('not a multipart/related message');
  const parts = splitParts(body, boundary);
  const [first] = parts;
  if (!first) throw new Error(`no MIME part delimited by "--${boundary}"`);
  const start = parameter(contentType, 'start');
  const root = (start ? parts.find((part) => part.contentId === stripBrackets(start)) : undefined) ?? first;
  const charset = parameter(root.headers.get('content-type') ?? '', 'charset') ?? 'utf-8';
  const attachments = new Map<string, Uint8Array>();
  for (const part of parts) if (part !== root && part.contentId) attachments.set(part.contentId, part.body);
  return { envelope: new TextDecoder(charset).decode(root.body), attachments };
}

/** The Content-ID an `xop:Include href` refers to (`cid:` URLs are percent-encoded). */
export function contentIdOf(href: string): string {
  const id = href.replace(/^cid:/i, '');
  try {
    return decodeURIComponent(id);
  } catch {
    return id; // not percent-encoded after all: compare it as written
  }
}

interface Part {
  readonly headers: Map<string, string>;
  readonly contentId: string | undefined;
  readonly body: Uint8Array;
}

function splitParts(body: Uint8Array, boundary: string): Part[] {
  const delimiter = new TextEncoder().encode(`--${boundary}`);
  const parts: Part[] = [];
  let position = indexOf(body, delimiter, 0);
  while (position >= 0) {
    let start = position + delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // "--": the closing delimiter
    start = skipLineEnd(body, start);
    const next = indexOf(body, delimiter, start);
    if (next < 0) break;
    // the line break before a delimiter belongs to the delimiter
    let end = next;
    if (body[end - 1] === 0x0a) end--;
    if (body[end - 1] === 0x0d) end--;
    parts.push(parsePart(body.subarray(start, end)));
    position = next;
  }
  return parts;
}

function parsePart(bytes: Uint8Array): Part {
  let headerEnd = indexOf(bytes, new Uint8Array([0x0d, 0x0a, 0x0d, 0x0a]), 0);
  let bodyStart = headerEnd + 4;
  if (headerEnd < 0) {
    headerEnd = indexOf(bytes, new Uint8Array([0x0a, 0x0a]), 0);
    bodyStart = headerEnd + 2;
  }
  if (headerEnd < 0) return { headers: new Map(), contentId: undefined, body: bytes };
  const headers = new Map<string, string>();
  for (const line of new TextDecoder('latin1').decode(bytes.subarray(0, headerEnd)).split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const id = headers.get('content-id');
  return { headers, contentId: id ? stripBrackets(id) : undefined, body: bytes.subarray(bodyStart) };
}

function skipLineEnd(body: Uint8Array, at: number): number {
  let position = at;
  while (body[position] === 0x20 || body[position] === 0x09) position++; // transport padding
  if (body[position] === 0x0d) position++;
  if (body[position] === 0x0a) position++;
  return position;
}

/** Where `needle` (not empty) first occurs in `haystack` from `from` on, or -1. */
function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0] ?? 0;
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first, from); i >= 0 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let match = true;
    for (let j = 1; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) {
        match = false;
        break;
      }
    }
    if (match) return i;
  }
  return -1;
}

function parameter(header: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return match ? (match[1] ?? match[2]) : undefined;
}

function stripBrackets(id: string): string {
  return id.trim().replace(/^<(.*)>$/, '$1');
}
