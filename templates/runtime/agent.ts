/** The base class of generated agents: writes the request, sends it with fetch, decodes the reply. */
import type { AgentDesc, FieldDesc, OperationDesc } from './descriptors.js';
import { DecodeProblem, ResponseDecoder, type DecodedResponse } from './decode.js';
import { writeEnvelope } from './encode.js';
import { multipartBoundary, readXopPackage } from './multipart.js';
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

/** The part of the standard `fetch` that agents use; pass any compatible function. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: 'manual' },
) => Promise<FetchResponseLike>;

export interface FetchResponseLike {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

export interface AgentOptions<RequestHeaders> {
  /** The service URL; defaults to the WSDL's soap:address. */
  readonly endpoint?: string;
  /** SOAP header entries sent with every call, keyed by element name. */
  readonly headers?: RequestHeaders;
  /** Extra HTTP headers (authentication, cookies, tracing). */
  readonly httpHeaders?: Readonly<Record<string, string>>;
  /** Defaults to the global `fetch`. */
  readonly fetch?: FetchLike;
  /** Milliseconds before a call is abandoned, body included; 0 means never. Default 60000. */
  readonly timeout?: number;
  /** Cancels every call of this agent when aborted. */
  readonly signal?: AbortSignal;
  /** Responses larger than this many bytes are rejected unread. Default 32 MiB. */
  readonly maxResponseBytes?: number;
}

export interface CallOptions<RequestHeaders, ResponseHeaders> {
  /** Header entries for this call, replacing the agent's entries of the same name. */
  readonly headers?: RequestHeaders;
  readonly timeout?: number;
  readonly signal?: AbortSignal;
  /** Receives the response's SOAP headers of this call (before a ServiceError is thrown). */
  readonly onResponseHeaders?: (headers: ResponseHeaders) => void;
}

const DEFAULT_TIMEOUT = 60_000;
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export abstract class SoapAgent<RequestHeaders extends object, ResponseHeaders extends object> {
  readonly endpoint: string;

  protected constructor(
    private readonly descriptor: AgentDesc,
    protected readonly options: AgentOptions<RequestHeaders>,
  ) {
    const endpoint = options.endpoint ?? descriptor.endpoint;
    if (!endpoint) throw new SoapError(`${descriptor.name}: the WSDL names no address, so options.endpoint is required`);
    this.endpoint = endpoint;
  }

  /** A copy of this agent whose header entries are replaced by `headers` where given. */
  withHeaders(headers: RequestHeaders): this {
    const Agent = this.constructor as new (options: AgentOptions<RequestHeaders>) => this;
    return new Agent({ ...this.options, headers: { ...this.options.headers, ...headers } as RequestHeaders });
  }

  protected async $call<T>(
    operationName: string,
    values: readonly unknown[],
    options: CallOptions<RequestHeaders, ResponseHeaders> = {},
  ): Promise<T> {
    const operation = this.descriptor.operations[operationName];
    const headerValues: Record<string, unknown> = { ...this.options.headers, ...options.headers };
    const body = writeEnvelope({
      soapVersion: this.descriptor.soapVersion,
      headers: operation.input.headers.map((name) => ({
        field: this.descriptor.requestHeaders[name],
        value: headerValues[name],
      })),
      body: { wrapper: operation.input.wrapper, encoding: operation.input.encoding, fields: operation.input.fields, values },
    });

    const cancel = linkSignals(this.options.signal, options.signal, options.timeout ?? this.options.timeout ?? DEFAULT_TIMEOUT);
    try {
      const response = await this.send(operation, body, cancel.signal).catch((error: unknown) => {
        throw transportError(error, cancel);
      });
      const decoded = await this.receive(operation, response, cancel.signal).catch((error: unknown) => {
        throw error instanceof SoapError ? error : transportError(error, cancel);
      });
      return this.result(operation, decoded, response.status, options) as T;
    } finally {
      cancel.dispose();
    }
  }

  private send(operation: OperationDesc, body: string, signal: AbortSignal): Promise<FetchResponseLike> {
    const fetchFunction = this.options.fetch ?? (globalThis.fetch as unknown as FetchLike);
    const action = operation.action ?? '';
    const headers: Record<string, string> =
      this.descriptor.soapVersion === '1.2'
        ? { 'Content-Type': `application/soap+xml; charset=utf-8${action ? `; action="${action}"` : ''}` }
        : { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${action}"` };
    const httpHeaders = { Accept: 'application/soap+xml, text/xml, */*', ...this.options.httpHeaders, ...headers };
    for (const [name, value] of Object.entries(httpHeaders)) {
      // checked here, because fetch's own error would quote the value (a ticket, say)
      if (typeof value !== 'string' || /[^\t\x20-\x7e\x80-\xff]/.test(value)) {
        return Promise.reject(new SoapEncodeError(`the HTTP header ${name} has a value HTTP cannot carry (a line break or a character beyond Latin-1)`));
      }
    }
    // A redirect is not followed: fetch would send the envelope, credentials and all, wherever it points.
    return untilAborted(fetchFunction(this.endpoint, { method: 'POST', headers: httpHeaders, body, signal, redirect: 'manual' }), signal);
  }

  /** Streams the body into the decoder; keeps its start for error messages. */
  private async receive(operation: OperationDesc, response: FetchResponseLike, signal: AbortSignal): Promise<DecodedResponse | undefined> {
    const status = response.status;
    const ok = status >= 200 && status < 300;
    const limit = this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    if (status >= 300 && status < 400) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      throw new SoapHttpError(status, response.statusText, location ? `redirects to ${location}, which is not followed: set the agent's endpoint` : '');
    }
    const contentType = response.headers.get('content-type');
    let bodyStart = '';
    let isXml: boolean | undefined;
    let problem: unknown;
    let decoder = new ResponseDecoder(this.descriptor, operation);

    const consume = (text: string) => {
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
    const tooLarge = (bytes: number, declared = false): never => {
      throw new SoapResponseError(`the response is larger than ${limit} bytes (${declared ? 'it declares' : 'read'} ${bytes})`, status, bodyStart);
    };

    if (multipartBoundary(contentType)) {
      // MTOM/XOP: binary parts must be at hand before the envelope that points to them is read
      const chunks: Uint8Array[] = [];
      await readBody(response, limit, signal, (chunk) => chunks.push(chunk), tooLarge);
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
      await readBody(response, limit, signal, (chunk) => consume(text.decode(chunk, { stream: true })), tooLarge);
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

  private result(
    operation: OperationDesc,
    decoded: DecodedResponse | undefined,
    status: number,
    options: CallOptions<RequestHeaders, ResponseHeaders>,
  ): unknown {
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
        const field: FieldDesc = output.fields[0];
        const value = decoded.members[field.prop ?? field.name];
        if (value !== undefined) return value;
        if (field.optional || field.nillable) return null;
        throw new SoapResponseError(`the response has no <${field.name}>`, status, '');
      }
    }
  }
}

async function readBody(
  response: FetchResponseLike,
  limit: number,
  signal: AbortSignal,
  onChunk: (chunk: Uint8Array) => void,
  tooLarge: (bytes: number, declared?: boolean) => never,
): Promise<void> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    tooLarge(declared, true);
  }
  if (!response.body) {
    const bytes = new TextEncoder().encode(await untilAborted(response.text(), signal));
    if (bytes.length > limit) tooLarge(bytes.length);
    onChunk(bytes);
    return;
  }
  const reader = response.body.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      bytes += value.byteLength;
      if (bytes > limit) tooLarge(bytes);
      onChunk(value);
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts: the timeout holds even against a
 * fetch implementation (or a body stream) that ignores the signal.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
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
  const match = contentType && /charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  if (!match) return 'utf-8';
  try {
    new TextDecoder(match[1]);
    return match[1];
  } catch {
    return 'utf-8';
  }
}

interface LinkedSignal {
  readonly signal: AbortSignal;
  readonly timedOut: () => boolean;
  readonly timeout: number;
  dispose(): void;
}

/** One signal that fires on the agent's signal, the call's signal or the timeout. */
function linkSignals(agentSignal: AbortSignal | undefined, callSignal: AbortSignal | undefined, timeout: number): LinkedSignal {
  const controller = new AbortController();
  let timedOut = false;
  const sources = [agentSignal, callSignal].filter((s): s is AbortSignal => s !== undefined);
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const source of sources) {
    if (source.aborted) controller.abort(source.reason);
    else source.addEventListener('abort', onAbort, { once: true });
  }
  const timer =
    timeout > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new Error(`timed out after ${timeout} ms`));
        }, timeout)
      : undefined;
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    timeout,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      for (const source of sources) source.removeEventListener('abort', onAbort);
    },
  };
}

function transportError(error: unknown, link: LinkedSignal): SoapError {
  if (error instanceof SoapError) return error;
  if (link.timedOut()) return new SoapTransportError(`the call timed out after ${link.timeout} ms`, 'timeout', { cause: error });
  if (link.signal.aborted) return new SoapTransportError('the call was aborted', 'aborted', { cause: link.signal.reason });
  return new SoapTransportError(`the request failed: ${(error as Error)?.message ?? String(error)}`, 'network', { cause: error });
}
