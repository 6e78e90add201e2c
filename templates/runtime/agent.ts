/** The base class of generated agents: writes the request, sends it, decodes the reply. */
import { CallCancellation } from './cancellation.js';
import type { AgentDesc, FieldDesc, OperationDesc } from './descriptors.js';
import { DecodeProblem, ResponseDecoder, type DecodedResponse } from './decode.js';
import { writeEnvelope } from './encode.js';
import {
  BODY_START_LENGTH,
  ServiceError,
  SoapEncodeError,
  SoapError,
  SoapFaultError,
  SoapHttpError,
  SoapResponseError,
  SoapTransportError,
} from './errors.js';
import { multipartBoundary, readXopPackage } from './multipart.js';
import { checkHttpOptions, nodeHttpTransport, type HttpOptions } from './node-http.js';
import { checkSecurityOptions, securityHeader, type SecurityOptions } from './security.js';
import { FetchTransport, type FetchLike, type Transport, type TransportResponse } from './transport.js';
import { debugLogging, WireRecorder, type WireExchange } from './wire-log.js';
import { nativeBuffer } from './xml.js';

export interface AgentOptions<RequestHeaders> {
  /** The service URL; defaults to the WSDL's soap:address. */
  readonly endpoint?: string | undefined;
  /** SOAP header entries sent with every call, keyed by element name. */
  readonly headers?: RequestHeaders | undefined;
  /** Extra HTTP headers (authentication, cookies, tracing). */
  readonly httpHeaders?: Readonly<Record<string, string>> | undefined;
  /**
   * What carries the requests. 'auto' (the default): `node:http`/`node:https` with a keep-alive
   * pool where Node offers them, else the global `fetch`; given `fetch`, that function.
   */
  readonly transport?: 'auto' | 'node' | 'fetch' | undefined;
  /** A `fetch` to send with (implies the fetch transport). Any function with its shape. */
  readonly fetch?: FetchLike | undefined;
  /** TLS and connection settings of the Node transport. Agents given the same object share its connections. */
  readonly http?: HttpOptions | undefined;
  /** Milliseconds before a call is abandoned, body included; 0 means never. Default 60000. */
  readonly timeout?: number | undefined;
  /** Cancels every call of this agent when aborted. */
  readonly signal?: AbortSignal | undefined;
  /** Responses larger than this many bytes are rejected, as they arrive. Default 32 MiB. */
  readonly maxResponseBytes?: number | undefined;
  /** A WS-Security header (UsernameToken, Timestamp) in every request. */
  readonly security?: SecurityOptions | undefined;
  /**
   * Receives each exchange as it ended: URL, request headers and envelope, response status,
   * headers and text, duration, error. Credentials are masked. What it throws is ignored.
   */
  readonly onExchange?: ((exchange: WireExchange) => void) | undefined;
}

export interface CallOptions<RequestHeaders, ResponseHeaders> {
  /** Header entries for this call, replacing the agent's entries of the same name. */
  readonly headers?: RequestHeaders | undefined;
  readonly timeout?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Receives the response's SOAP headers of this call (before a ServiceError is thrown). */
  readonly onResponseHeaders?: ((headers: ResponseHeaders) => void) | undefined;
}

const DEFAULT_TIMEOUT = 60_000;
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** An HTTP field name (RFC 9110, 5.1): a token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What HTTP/1.1 can carry in a field value: no control characters but TAB, nothing beyond Latin-1. */
const NOT_HEADER_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

export abstract class SoapAgent<RequestHeaders extends object, ResponseHeaders extends object> {
  readonly endpoint: string;
  protected readonly options: AgentOptions<RequestHeaders>;
  private readonly descriptor: AgentDesc;
  private readonly transport: Transport;
  /** Accept and the caller's httpHeaders, checked once; or why they cannot be sent. */
  private readonly baseHeaders: Record<string, string> | SoapEncodeError;
  /** HTTP headers per operation (Content-Type and SOAPAction differ), made on first use. */
  private readonly operationHeaders = new Map<string, Record<string, string>>();
  private readonly wireLog: ((exchange: WireExchange) => void) | undefined;

  protected constructor(descriptor: AgentDesc, options: AgentOptions<RequestHeaders>) {
    this.descriptor = descriptor;
    this.options = options;
    const endpoint = options.endpoint ?? descriptor.endpoint;
    if (!endpoint) throw new SoapError(`${descriptor.name}: the WSDL names no address, so options.endpoint is required`);
    this.endpoint = endpoint;
    this.transport = chooseTransport(descriptor.name, options);
    if (options.security) checkSecurityOptions(descriptor.name, options.security);
    this.baseHeaders = checkedHeaders({ Accept: 'application/soap+xml, text/xml, */*', ...options.httpHeaders });
    this.wireLog = wireLog(options.onExchange);
  }

  /** A copy of this agent whose header entries are replaced by `headers` where given. */
  withHeaders(headers: RequestHeaders): this {
    const Agent = this.constructor as new (options: AgentOptions<RequestHeaders>) => this;
    return new Agent({ ...this.options, headers: { ...this.options.headers, ...headers } as RequestHeaders });
  }

  protected async $call<T>(operationName: string, values: readonly unknown[], options: CallOptions<RequestHeaders, ResponseHeaders> = {}): Promise<T> {
    const operation = this.descriptor.operations[operationName];
    if (!operation) throw new SoapError(`${this.descriptor.name} has no operation ${operationName}`);
    const httpHeaders = this.httpHeaders(operation);
    if (httpHeaders instanceof SoapEncodeError) throw new SoapEncodeError(httpHeaders.message);
    const security = this.options.security;
    const headerValues = { ...this.options.headers, ...options.headers } as Record<string, unknown>;
    const body = writeEnvelope({
      soapVersion: this.descriptor.soapVersion,
      headers: operation.input.headers.map((name) => ({ field: this.requestHeader(name), value: headerValues[name] })),
      body: { wrapper: operation.input.wrapper, encoding: operation.input.encoding, fields: operation.input.fields, values },
      rawHeaders: security ? await securityHeader(security) : undefined,
    });

    const cancellation = new CallCancellation(this.options.signal, options.signal, options.timeout ?? this.options.timeout ?? DEFAULT_TIMEOUT);
    const recorder = this.wireLog ? new WireRecorder(this.wireLog, `${this.descriptor.name}.${operation.name}`, this.endpoint, httpHeaders, body, this.options.httpHeaders) : undefined;
    try {
      if (cancellation.reason) throw transportError(cancellation.cause, cancellation);
      const response = await this.transport.send({ url: this.endpoint, headers: httpHeaders, body }, cancellation).catch((error: unknown) => {
        throw transportError(error, cancellation);
      });
      recorder?.responded(response);
      const decoded = await this.receive(operation, response, recorder).catch((error: unknown) => {
        throw transportError(error, cancellation);
      });
      const result = this.result(operation, decoded, response.status, options) as T;
      recorder?.finish(undefined);
      return result;
    } catch (error) {
      recorder?.finish(error);
      throw error;
    } finally {
      cancellation.dispose();
    }
  }

  private requestHeader(name: string): FieldDesc {
    const field = this.descriptor.requestHeaders[name];
    if (!field) throw new SoapError(`${this.descriptor.name} declares no request header ${name}`);
    return field;
  }

  private httpHeaders(operation: OperationDesc): Record<string, string> | SoapEncodeError {
    if (this.baseHeaders instanceof SoapEncodeError) return this.baseHeaders;
    let headers = this.operationHeaders.get(operation.name);
    if (!headers) {
      const action = operation.action ?? '';
      headers =
        this.descriptor.soapVersion === '1.2'
          ? { ...this.baseHeaders, 'Content-Type': `application/soap+xml; charset=utf-8${action ? `; action="${action}"` : ''}` }
          : { ...this.baseHeaders, 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${action}"` };
      this.operationHeaders.set(operation.name, headers);
    }
    return headers;
  }

  /** Streams the body into the decoder; keeps its start for error messages. */
  private async receive(operation: OperationDesc, response: TransportResponse, recorder: WireRecorder | undefined): Promise<DecodedResponse | undefined> {
    const status = response.status;
    const ok = status >= 200 && status < 300;
    const limit = this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    if (status >= 300 && status < 400) {
      response.discard();
      const location = response.header('location');
      throw new SoapHttpError(status, response.statusText, location ? `redirects to ${location}, which is not followed: set the agent's endpoint` : '');
    }
    const contentType = response.header('content-type');
    let bodyStart = '';
    const tooLarge = (bytes: number, declared = false): never => {
      throw new SoapResponseError(`the response is larger than ${limit} bytes (${declared ? 'it declares' : 'read'} ${bytes})`, status, bodyStart);
    };
    const declared = Number(response.header('content-length'));
    if (declared > limit) {
      response.discard();
      tooLarge(declared, true);
    }

    let isXml: boolean | undefined;
    let problem: unknown;
    let decoder = new ResponseDecoder(this.descriptor, operation);
    const consume = (text: string) => {
      if (recorder) recorder.text += text;
      if (bodyStart.length < BODY_START_LENGTH) bodyStart += text.slice(0, BODY_START_LENGTH - bodyStart.length);
      if (isXml === undefined) {
        const first = bodyStart.trimStart();
        if (!first) return;
        isXml = first.startsWith('<');
      }
      if (isXml && problem === undefined) {
        try {
          decoder.write(text);
        } catch (error) {
          problem = error;
        }
      }
    };
    // maxResponseBytes is enforced as the bytes arrive, before they are decoded
    let received = 0;
    const count = (bytes: number) => {
      received += bytes;
      if (received > limit) tooLarge(received);
    };

    if (multipartBoundary(contentType)) {
      // MTOM/XOP: binary parts must be at hand before the envelope that points to them is read
      const chunks: Uint8Array[] = [];
      await response.read((chunk) => {
        const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
        count(bytes.byteLength);
        chunks.push(bytes);
      });
      const body = concat(chunks);
      let xop;
      try {
        xop = readXopPackage(body, contentType!);
      } catch (error) {
        throw new SoapResponseError(`a multipart/related response that cannot be read: ${(error as Error).message}`, status, new TextDecoder().decode(body.subarray(0, BODY_START_LENGTH)));
      }
      decoder = new ResponseDecoder(this.descriptor, operation, xop.attachments);
      consume(xop.envelope);
    } else {
      const text = new TextDecoder(charsetOf(contentType));
      await response.read((chunk) => {
        if (typeof chunk === 'string') {
          count(utf8Length(chunk, limit));
          consume(chunk);
        } else {
          count(chunk.byteLength);
          consume(text.decode(chunk, { stream: true }));
        }
      });
      consume(text.decode());
    }

    const empty = bodyStart.trim() === '';
    if (empty && (!operation.output || status === 202) && ok) return undefined;
    if (!isXml) {
      if (!ok) throw new SoapHttpError(status, response.statusText, bodyStart);
      throw new SoapResponseError(empty ? 'the body is empty' : 'the body is not XML', status, bodyStart);
    }
    let decoded: DecodedResponse | undefined;
    if (problem === undefined) {
      try {
        decoded = decoder.end();
      } catch (error) {
        problem = error;
      }
    }
    if (problem !== undefined || !decoded) {
      if (!ok) throw new SoapHttpError(status, response.statusText, bodyStart);
      // a DecodeProblem says what is wrong; anything else is still a response we cannot read
      const message = problem instanceof DecodeProblem ? problem.message : `it cannot be read (${String(problem)})`;
      throw new SoapResponseError(message, status, bodyStart, { cause: problem });
    }
    if (decoded.kind === 'fault') throw new SoapFaultError(decoded.fault, status);
    if (!ok) throw new SoapHttpError(status, response.statusText, bodyStart);
    return decoded;
  }

  private result(operation: OperationDesc, decoded: DecodedResponse | undefined, status: number, options: CallOptions<RequestHeaders, ResponseHeaders>): unknown {
    if (!decoded || decoded.kind !== 'message') return undefined;
    const headers = decoded.headers as ResponseHeaders;
    options.onResponseHeaders?.(headers);
    const statusHeaders = this.descriptor.statusHeaders;
    if (statusHeaders) {
      const info = statusHeaders.error ? decoded.headers[statusHeaders.error] : undefined;
      const succeeded = statusHeaders.success ? decoded.headers[statusHeaders.success] : undefined;
      if ((info !== undefined && info !== null) || succeeded === false) {
        throw new ServiceError(info ?? undefined, headers, status);
      }
    }
    const output = operation.output;
    if (!output) return undefined;
    switch (output.result) {
      case 'void':
        return undefined;
      case 'object':
        return decoded.members;
      case 'single': {
        const field = output.fields[0];
        if (!field) return undefined;
        const value = decoded.members[field.prop ?? field.name];
        if (value !== undefined) return value;
        if (field.optional || field.nillable) return null;
        throw new SoapResponseError(`the response has no <${field.name}>`, status, '');
      }
    }
  }
}

/** The transport the options ask for; a contradiction in them is a SoapError at construction. */
function chooseTransport(agentName: string, options: AgentOptions<unknown>): Transport {
  const choice = options.transport ?? 'auto';
  if (choice !== 'auto' && choice !== 'node' && choice !== 'fetch') {
    throw new SoapError(`${agentName}: options.transport must be 'auto', 'node' or 'fetch'`);
  }
  if (options.fetch !== undefined) {
    if (typeof options.fetch !== 'function') throw new SoapError(`${agentName}: options.fetch is not a function`);
    if (choice === 'node') throw new SoapError(`${agentName}: options.fetch cannot be used with transport 'node'`);
    if (options.http) throw new SoapError(`${agentName}: options.http applies to the Node transport, not to options.fetch`);
    return new FetchTransport(options.fetch);
  }
  if (choice !== 'fetch') {
    if (options.http) checkHttpOptions(agentName, options.http);
    const node = nodeHttpTransport(options.http);
    if (node) return node;
    if (choice === 'node') throw new SoapError(`${agentName}: transport 'node' needs node:http through process.getBuiltinModule (Node 20.16 or later)`);
  }
  if (options.http) throw new SoapError(`${agentName}: options.http applies to the Node transport, which is not in use`);
  return new FetchTransport(undefined);
}

/** The headers, or a SoapEncodeError naming the first that HTTP cannot carry (never its value). */
function checkedHeaders(headers: Record<string, string>): Record<string, string> | SoapEncodeError {
  for (const name of Object.keys(headers)) {
    if (!HEADER_NAME.test(name)) return new SoapEncodeError(`the HTTP header name ${JSON.stringify(name)} is not a valid HTTP field name`);
    const value = headers[name];
    // checked here, because the transport's own error would quote the value (a ticket, say)
    if (typeof value !== 'string' || NOT_HEADER_VALUE.test(value)) {
      return new SoapEncodeError(`the HTTP header ${name} has a value HTTP cannot carry (a line break or a character beyond Latin-1)`);
    }
  }
  return headers;
}

/** The caller's hook and, with WSDL_AGENTS_DEBUG set, the log to stderr: one function, or none. */
function wireLog(onExchange: ((exchange: WireExchange) => void) | undefined): ((exchange: WireExchange) => void) | undefined {
  const debug = debugLogging();
  if (onExchange && debug) {
    return (exchange) => {
      debug(exchange);
      onExchange(exchange);
    };
  }
  return onExchange ?? debug;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The UTF-8 length of text a transport gave as a string, for maxResponseBytes. A UTF-16 unit is at
 * most 3 bytes, so text far below the limit needs no counting (its length is returned instead).
 */
function utf8Length(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length;
  const native = nativeBuffer();
  if (native !== undefined) return native.byteLength(text, 'utf8');
  // most of a large reply is ASCII (base64 above all): one native scan says so
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      bytes += 4; // a surrogate pair
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return result;
}

function charsetOf(contentType: string | null): string {
  const charset = contentType ? /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] : undefined;
  if (!charset) return 'utf-8';
  try {
    new TextDecoder(charset);
    return charset;
  } catch {
    return 'utf-8';
  }
}

function transportError(error: unknown, cancellation: CallCancellation): SoapError {
  if (error instanceof SoapError) return error;
  if (cancellation.reason === 'timeout') return new SoapTransportError(`the call timed out after ${cancellation.timeout} ms`, 'timeout', { cause: error });
  if (cancellation.reason === 'aborted') return new SoapTransportError('the call was aborted', 'aborted', { cause: cancellation.cause });
  return new SoapTransportError(`the request failed: ${(error as Error | undefined)?.message ?? String(error)}`, 'network', { cause: error });
}
