/**
 * The Node transport: `node:http` / `node:https` with a keep-alive connection pool, several times
 * faster than `fetch` for small calls. The modules are reached through
 * `process.getBuiltinModule` (Node 20.16+, 22.3+), never imported, so that bundles for browsers and
 * edge runtimes never see them; the types below describe the few members used, so the runtime
 * compiles without @types/node.
 */
import type { CallCancellation } from './cancellation.js';
import { SoapError, SoapResponseError } from './errors.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

/** Connection and TLS settings of the Node transport (an agent that sends with fetch refuses them). */
export interface HttpOptions {
  /** Certificate authorities to trust (PEM), in place of Node's built-in list: for a private CA. */
  readonly ca?: string | Uint8Array | readonly (string | Uint8Array)[] | undefined;
  /** A client certificate chain (PEM), for services that require mutual TLS. */
  readonly cert?: string | Uint8Array | readonly (string | Uint8Array)[] | undefined;
  /** The client certificate's private key (PEM). */
  readonly key?: string | Uint8Array | readonly (string | Uint8Array)[] | undefined;
  /** The passphrase of an encrypted `key`. */
  readonly passphrase?: string | undefined;
  /** Default true. false accepts any server certificate: for tests against self-signed servers only. */
  readonly rejectUnauthorized?: boolean | undefined;
  /** Connections open at once per host; further calls wait for one. Default: no limit. */
  readonly maxSockets?: number | undefined;
  /** Keep connections open between calls (default true); false closes each after its call. */
  readonly keepAlive?: boolean | undefined;
}

/** Refuses settings Node would reject at the first call, naming the option, never a value. */
export function checkHttpOptions(agentName: string, options: HttpOptions): void {
  const fail = (problem: string): never => {
    throw new SoapError(`${agentName}: options.http.${problem}`);
  };
  const { maxSockets, keepAlive, rejectUnauthorized, passphrase } = options;
  if (maxSockets !== undefined && !(maxSockets === Infinity || (Number.isInteger(maxSockets) && maxSockets >= 1))) fail('maxSockets must be a whole number of at least 1');
  if (keepAlive !== undefined && typeof keepAlive !== 'boolean') fail('keepAlive must be true or false');
  if (rejectUnauthorized !== undefined && typeof rejectUnauthorized !== 'boolean') fail('rejectUnauthorized must be true or false');
  if (passphrase !== undefined && typeof passphrase !== 'string') fail('passphrase must be a string');
}

/**
 * How long an idle pooled connection is kept. Servers close idle connections after their own
 * timeout (Node 5 s, IIS 120 s); sending on one they just closed fails, so the pool lets go first,
 * sooner still when the server announces its timeout (`Keep-Alive: timeout=N`).
 */
const IDLE_TIMEOUT = 4_000;
const ACCEPT_ENCODING = 'gzip, deflate, br';

/** The Node transport for these settings, or undefined where `node:http` is not available. */
export function nodeHttpTransport(options: HttpOptions | undefined): NodeHttpTransport | undefined {
  const http = builtin<NodeHttp>('node:http');
  const buffer = builtin<{ readonly Buffer: NodeBuffer }>('node:buffer');
  if (!http || !buffer) return undefined;
  const key = options ?? DEFAULT_SETTINGS;
  let transport = transports.get(key);
  if (!transport) {
    transport = new NodeHttpTransport(http, buffer, key);
    transports.set(key, transport);
  }
  return transport;
}

/** One pool per settings object: copies of an agent (`withHeaders`) share their connections. */
const DEFAULT_SETTINGS: HttpOptions = {};
const transports = new WeakMap<HttpOptions, NodeHttpTransport>();

export class NodeHttpTransport implements Transport {
  private readonly http: NodeHttp;
  private readonly byteLength: NodeBuffer['byteLength'];
  private readonly settings: HttpOptions;
  private httpAgent: NodeAgent | undefined = undefined;
  private httpsAgent: NodeAgent | undefined = undefined;
  private lastUrl = '';
  private lastTarget: Target | undefined = undefined;

  constructor(http: NodeHttp, buffer: { readonly Buffer: NodeBuffer }, settings: HttpOptions) {
    this.http = http;
    this.byteLength = buffer.Buffer.byteLength;
    this.settings = settings;
  }

  send(request: TransportRequest, cancellation: CallCancellation): Promise<TransportResponse> {
    let target: Target;
    try {
      target = this.target(request.url);
    } catch (error) {
      return Promise.reject(error);
    }
    // the body goes as a string: Node writes it with the request head in one write, not two
    const headers: Record<string, string> = { ...request.headers, 'Content-Length': String(this.byteLength(request.body, 'utf8')) };
    if (!hasHeader(headers, 'accept-encoding')) headers['Accept-Encoding'] = ACCEPT_ENCODING;
    const exchange = new NodeExchange(cancellation);
    return exchange.start(target.module.request({ ...target.options, headers }), request.body);
  }

  /** The request options of a URL; the last one is kept, as an agent calls the same endpoint again and again. */
  private target(url: string): Target {
    if (url === this.lastUrl && this.lastTarget) return this.lastTarget;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new SoapError('the endpoint is not an absolute http: or https: URL');
    }
    const secure = parsed.protocol === 'https:';
    if (!secure && parsed.protocol !== 'http:') throw new SoapError(`the endpoint's scheme ${parsed.protocol} is not http: or https:`);
    if (parsed.username || parsed.password) throw new SoapError('the endpoint URL carries credentials: pass them in httpHeaders instead');
    const module = secure ? (builtin<NodeHttp>('node:https') ?? failNoHttps()) : this.http;
    const target: Target = {
      module,
      options: {
        method: 'POST',
        protocol: parsed.protocol,
        hostname: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: parsed.port,
        path: parsed.pathname + parsed.search,
        agent: secure ? (this.httpsAgent ??= this.agent(module)) : (this.httpAgent ??= this.agent(module)),
      },
    };
    this.lastUrl = url;
    this.lastTarget = target;
    return target;
  }

  private agent(module: NodeHttp): NodeAgent {
    const { keepAlive = true, maxSockets, ca, cert, key, passphrase, rejectUnauthorized } = this.settings;
    const options: NodeAgentOptions = { keepAlive, timeout: IDLE_TIMEOUT, scheduling: 'lifo' };
    if (maxSockets !== undefined) options.maxSockets = maxSockets;
    if (ca !== undefined) options.ca = ca;
    if (cert !== undefined) options.cert = cert;
    if (key !== undefined) options.key = key;
    if (passphrase !== undefined) options.passphrase = passphrase;
    if (rejectUnauthorized !== undefined) options.rejectUnauthorized = rejectUnauthorized;
    return new module.Agent(options);
  }
}

/**
 * One request and its response. Every failure — the connection, the decompressor, a throwing
 * `onChunk`, the timeout, an abort — ends in `fail`, which destroys the request (and with it the
 * socket: a connection whose exchange did not finish is never put back in the pool) and rejects
 * whatever is being awaited.
 */
class NodeExchange implements TransportResponse {
  status = 0;
  statusText = '';
  private readonly cancellation: CallCancellation;
  private request: NodeClientRequest | undefined = undefined;
  private response: NodeIncomingMessage | undefined = undefined;
  private decompressor: NodeTransform | undefined = undefined;
  /** Rejects what is being awaited: the response head, or the end of the body. */
  private reject: ((error: unknown) => void) | undefined = undefined;
  private done = false;
  private failure: unknown = undefined;

  constructor(cancellation: CallCancellation) {
    this.cancellation = cancellation;
  }

  start(request: NodeClientRequest, body: string): Promise<TransportResponse> {
    this.request = request;
    return new Promise<TransportResponse>((resolve, reject) => {
      this.reject = reject;
      request.on('error', (error: Error) => this.fail(error));
      request.on('response', (response: NodeIncomingMessage) => {
        this.response = response;
        this.status = response.statusCode ?? 0;
        this.statusText = response.statusMessage ?? '';
        // read() or discard() decides what happens to the body; until then nothing flows
        response.pause();
        response.on('error', (error: Error) => this.fail(error));
        this.reject = undefined;
        resolve(this);
      });
      this.cancellation.onCancel(() => this.fail(this.cancellation.cause));
      request.end(body, 'utf8');
    });
  }

  header(name: string): string | null {
    const value = this.response?.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return typeof value === 'string' ? value : value.join(', ');
  }

  headers(): Record<string, string> {
    const all: Record<string, string> = {};
    for (const name of Object.keys(this.response?.headers ?? {})) all[name] = this.header(name) ?? '';
    return all;
  }

  read(onChunk: (chunk: Uint8Array | string) => void): Promise<void> {
    const response = this.response;
    if (!response || this.done) return Promise.reject(this.failure);
    const encoding = (this.header('content-encoding') ?? '').trim().toLowerCase();
    if (encoding !== '' && encoding !== 'identity' && !DECOMPRESSORS.has(encoding)) {
      const error = new SoapResponseError(`the body is encoded as "${encoding}", which is not supported`, this.status, '');
      this.fail(error);
      return Promise.reject(error);
    }
    return new Promise<void>((resolve, reject) => {
      this.reject = reject;
      const deliver = (chunk: Uint8Array) => {
        if (this.done) return;
        try {
          onChunk(chunk);
        } catch (error) {
          this.fail(error);
        }
      };
      const finish = () => {
        if (this.done) return;
        this.done = true;
        this.reject = undefined;
        this.cancellation.onCancel(undefined);
        resolve();
      };
      if (encoding === '' || encoding === 'identity') {
        response.on('data', deliver);
        response.on('end', finish);
      } else {
        // made at the first bytes, which tell zlib-wrapped from raw deflate
        const decompressor = (chunk: Uint8Array) => {
          if (!this.decompressor) {
            this.decompressor = createDecompressor(encoding, chunk);
            this.decompressor.on('data', deliver);
            this.decompressor.on('end', finish);
            this.decompressor.on('error', (error: Error) => this.fail(error));
          }
          return this.decompressor;
        };
        response.on('data', (chunk: Uint8Array) => {
          if (!this.done) decompressor(chunk).write(chunk);
        });
        response.on('end', () => {
          // an empty body stays empty, whatever its Content-Encoding says (zlib would call it truncated)
          if (!this.decompressor) finish();
          else if (!this.done) this.decompressor.end();
        });
      }
      // a connection that closes early ends the response without 'end' (Node emits 'error' too)
      response.on('close', () => {
        if (!response.complete) this.fail(new Error('the connection closed before the response was complete'));
      });
      response.resume();
    });
  }

  discard(): void {
    this.fail(new Error('the response was discarded'));
  }

  private fail(error: unknown): void {
    if (this.done) return;
    this.done = true;
    this.failure = error;
    this.cancellation.onCancel(undefined);
    this.decompressor?.destroy();
    this.request?.destroy();
    const reject = this.reject;
    this.reject = undefined;
    reject?.(error);
  }
}

const DECOMPRESSORS = new Set(['gzip', 'x-gzip', 'deflate', 'br']);

/** A decompressor for a Content-Encoding of DECOMPRESSORS (node:zlib is there wherever node:http is). */
function createDecompressor(encoding: string, firstChunk: Uint8Array): NodeTransform {
  const zlib = builtin<NodeZlib>('node:zlib')!;
  if (encoding === 'br') return zlib.createBrotliDecompress();
  if (encoding !== 'deflate') return zlib.createGunzip();
  // "deflate" means zlib-wrapped data (RFC 9110, 8.4.1.2), yet some servers send it raw: a zlib
  // header has compression method 8 and a checksum divisible by 31 (RFC 1950, 2.2)
  const [first = 0, second = 0] = firstChunk;
  const wrapped = (first & 0x0f) === 8 && ((first << 8) | second) % 31 === 0;
  return wrapped ? zlib.createInflate() : zlib.createInflateRaw();
}

function hasHeader(headers: Record<string, string>, lowerCaseName: string): boolean {
  for (const name in headers) if (name.toLowerCase() === lowerCaseName) return true;
  return false;
}

function failNoHttps(): never {
  throw new SoapError('node:https is not available in this runtime');
}

interface NodeHost {
  readonly process?: { readonly getBuiltinModule?: (id: string) => unknown };
}

/** A Node built-in module, or undefined outside Node (and in Node before 20.16). */
function builtin<T>(id: string): T | undefined {
  return (globalThis as unknown as NodeHost).process?.getBuiltinModule?.(id) as T | undefined;
}

/* The members of Node's modules this transport uses, typed here so that no @types/node is needed. */

interface Target {
  readonly module: NodeHttp;
  readonly options: NodeRequestOptions;
}

interface NodeHttp {
  request(options: NodeRequestOptions & { headers: Record<string, string> }): NodeClientRequest;
  readonly Agent: new (options: NodeAgentOptions) => NodeAgent;
}

interface NodeRequestOptions {
  readonly method: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly path: string;
  readonly agent: NodeAgent;
}

type TlsMaterial = string | Uint8Array | readonly (string | Uint8Array)[];

interface NodeAgentOptions {
  keepAlive: boolean;
  timeout: number;
  scheduling: 'lifo' | 'fifo';
  maxSockets?: number;
  ca?: TlsMaterial;
  cert?: TlsMaterial;
  key?: TlsMaterial;
  passphrase?: string;
  rejectUnauthorized?: boolean;
}

/** An http.Agent: only handed back to Node in request options. */
type NodeAgent = object;

interface NodeClientRequest {
  on(event: 'response', listener: (response: NodeIncomingMessage) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  end(body: string, encoding: 'utf8'): void;
  destroy(): void;
}

interface NodeReadable {
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  destroy(): void;
}

interface NodeIncomingMessage extends NodeReadable {
  readonly statusCode?: number;
  readonly statusMessage?: string;
  readonly headers: { readonly [name: string]: string | string[] | undefined };
  /** True once the whole message was received. */
  readonly complete: boolean;
  pause(): void;
  resume(): void;
}

interface NodeTransform extends NodeReadable {
  write(chunk: Uint8Array): boolean;
  end(): void;
}

interface NodeBuffer {
  byteLength(text: string, encoding: 'utf8'): number;
}

interface NodeZlib {
  createGunzip(): NodeTransform;
  createInflate(): NodeTransform;
  createInflateRaw(): NodeTransform;
  createBrotliDecompress(): NodeTransform;
}
