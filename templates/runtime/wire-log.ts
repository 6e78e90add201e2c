/**
 * Seeing the wire: every exchange — request envelope and HTTP headers, response status, headers
 * and text, duration, error — handed to the agent's `onExchange` and, when the environment
 * variable WSDL_AGENTS_DEBUG is set, written to stderr. Credentials are masked in both:
 * - HTTP headers: the values of Authorization, Proxy-Authorization, Cookie, Set-Cookie and of
 *   every header the caller passed in `httpHeaders`;
 * - XML, request and response alike: the text of every element whose local name contains
 *   password, passwd, pwd, secret, token, ticket, nonce, credential or apikey (any case) and of
 *   every element inside one (so `Credentials/Ticket`, `ApplicationToken`, the whole
 *   `wsse:UsernameToken`), and the values of attributes so named.
 */
import type { TransportResponse } from './transport.js';

export interface WireExchange {
  /** `<agent>.<operation>`, e.g. `Diagnostics.GetCacheNames`. */
  readonly operation: string;
  readonly url: string;
  readonly request: { readonly headers: Readonly<Record<string, string>>; readonly body: string };
  /** Absent when no response came (a network failure, a timeout before the status line). */
  readonly response:
    | { readonly status: number; readonly statusText: string; readonly headers: Readonly<Record<string, string>>; readonly body: string }
    | undefined;
  /** Milliseconds from sending to the end of the call. */
  readonly durationMs: number;
  /** What the call rejected with; undefined when it succeeded. */
  readonly error: unknown;
}

export const MASK = '***';
const SECRET_NAME = /password|passwd|pwd|secret|token|ticket|nonce|credential|apikey/i;
const SECRET_HTTP_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'];

/** Collects one exchange while the call runs and hands it over, masked, when it ends. */
export class WireRecorder {
  /** The response text as it was decoded. */
  text = '';
  private readonly sink: (exchange: WireExchange) => void;
  private readonly operation: string;
  private readonly url: string;
  private readonly headers: Record<string, string>;
  private readonly body: string;
  private readonly callerHeaders: Readonly<Record<string, string>> | undefined;
  private readonly started = performance.now();
  private response: TransportResponse | undefined = undefined;

  constructor(
    sink: (exchange: WireExchange) => void,
    operation: string,
    url: string,
    headers: Record<string, string>,
    body: string,
    callerHeaders: Readonly<Record<string, string>> | undefined,
  ) {
    this.sink = sink;
    this.operation = operation;
    this.url = url;
    this.headers = headers;
    this.body = body;
    this.callerHeaders = callerHeaders;
  }

  responded(response: TransportResponse): void {
    this.response = response;
  }

  finish(error: unknown): void {
    const secretHeaders = new Set([...SECRET_HTTP_HEADERS, ...Object.keys(this.callerHeaders ?? {}).map((name) => name.toLowerCase())]);
    const response = this.response;
    const exchange: WireExchange = {
      operation: this.operation,
      url: this.url,
      request: { headers: maskHeaders(this.headers, secretHeaders), body: maskXml(this.body) },
      response: response && {
        status: response.status,
        statusText: response.statusText,
        headers: maskHeaders(response.headers(), secretHeaders),
        body: maskXml(this.text),
      },
      durationMs: performance.now() - this.started,
      error,
    };
    try {
      this.sink(exchange);
    } catch {
      // a faulty hook must not change the outcome of the call
    }
  }
}

function maskHeaders(headers: Readonly<Record<string, string>>, secret: ReadonlySet<string>): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) masked[name] = secret.has(name.toLowerCase()) ? MASK : value;
  return masked;
}

/** Markup, one piece at a time: comments, CDATA sections, processing instructions and declarations, tags, text. */
const XML_PIECE = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[?!][^>]*>?|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<|[^<]+/g;
const ATTRIBUTE = /([^\s=]+)(\s*=\s*)("[^"]*"|'[^']*')/g;

/** The XML with secret element text and attribute values replaced by MASK (see the top of this file). */
export function maskXml(xml: string): string {
  const masked: boolean[] = [];
  return xml.replace(XML_PIECE, (piece: string, close?: string, name?: string, attributes?: string, selfClosing?: string) => {
    const inSecret = masked.length > 0 && masked[masked.length - 1] === true;
    if (name === undefined) {
      // text or CDATA: masked inside a secret element, whitespace kept as it is
      if (!inSecret || piece.startsWith('<!--') || piece.startsWith('<?') || piece.trim() === '') return piece;
      return piece.startsWith('<![CDATA[') ? `<![CDATA[${MASK}]]>` : MASK;
    }
    if (close) {
      masked.pop();
      return piece;
    }
    if (!selfClosing) masked.push(inSecret || SECRET_NAME.test(localName(name)));
    if (!attributes || !SECRET_NAME.test(attributes)) return piece;
    const maskedAttributes = attributes.replace(ATTRIBUTE, (attribute: string, attributeName: string, equals: string, value: string) =>
      SECRET_NAME.test(localName(attributeName)) && !attributeName.startsWith('xmlns') ? `${attributeName}${equals}${value[0]}${MASK}${value[0]}` : attribute,
    );
    return `<${name}${maskedAttributes}${selfClosing ? '/' : ''}>`;
  });
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** The stderr log, when WSDL_AGENTS_DEBUG is set (and not 0 or false) in a runtime that has an environment. */
export function debugLogging(): ((exchange: WireExchange) => void) | undefined {
  let value: string | undefined;
  try {
    value = (globalThis as unknown as { process?: { env?: Record<string, string | undefined> } }).process?.env?.['WSDL_AGENTS_DEBUG'];
  } catch {
    return undefined; // an environment that may not be read (Deno without --allow-env)
  }
  if (!value || value === '0' || value.toLowerCase() === 'false') return undefined;
  return logExchange;
}

function logExchange(exchange: WireExchange): void {
  const { request, response, error } = exchange;
  const outcome = response ? `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` : 'no response';
  const lines = [`[wsdl-agents] ${exchange.operation}: POST ${exchange.url} -> ${outcome} in ${exchange.durationMs.toFixed(1)} ms`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`> ${name}: ${value}`);
  lines.push('>', `> ${request.body}`);
  if (response) {
    for (const [name, value] of Object.entries(response.headers)) lines.push(`< ${name}: ${value}`);
    lines.push('<', `< ${response.body}`);
  }
  if (error !== undefined) lines.push(`! ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  console.error(lines.join('\n'));
}
