/**
 * A raw loopback HTTP/1.1 server for the transport tests (node:net, 127.0.0.1, port 0): it reads
 * one request per connection and then lets the test write whatever bytes it likes — a reply that
 * never comes, a reset, a body cut short, a drip, a flood — while it records every socket, when it
 * closed, and whether a write was finished. Plus the checks every test ends with: no socket and
 * no timer left behind, and no secret in any error.
 */
import { getEventListeners } from 'node:events';
import net, { type AddressInfo, type Socket } from 'node:net';
import { inspect } from 'node:util';
import { SoapError } from '../../generated/Services86/index.js';

/** One request as the server read it. */
export interface ReceivedRequest {
  readonly head: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** One accepted connection. */
export interface Connection {
  readonly socket: Socket;
  /** Set once the socket emitted 'close'. */
  closed: boolean;
  /** The first socket error seen (EPIPE, ECONNRESET … once the client went away). */
  error: Error | undefined;
  /** Bytes the client sent on this connection; 0 for a connection fetch opened but never used. */
  received: number;
}

export type RequestHandler = (socket: Socket, request: ReceivedRequest) => void;

export interface RawServer {
  /** The endpoint to give the agent. */
  readonly url: string;
  readonly connections: readonly Connection[];
  readonly requests: readonly ReceivedRequest[];
  /** Connections whose socket has not closed yet. */
  open(): Connection[];
  /** Open connections that carried a request (or any byte of one). */
  openUsed(): Connection[];
  /** Open connections the client never sent a byte on: fetch's spare, pre-opened connections. */
  openIdle(): Connection[];
  /** Destroys every connection and stops listening. */
  close(): Promise<void>;
}

export const ENDPOINT_PATH = '/Remote/Services86/Diagnostics.svc';

/** Starts a server that hands each connection's first complete request to `handler`. */
export async function startRawServer(handler: RequestHandler): Promise<RawServer> {
  const connections: Connection[] = [];
  const requests: ReceivedRequest[] = [];
  const server = net.createServer((socket) => {
    const connection: Connection = { socket, closed: false, error: undefined, received: 0 };
    connections.push(connection);
    socket.on('error', (error) => (connection.error ??= error));
    socket.on('close', () => (connection.closed = true));
    let buffer = Buffer.alloc(0);
    let handled = false;
    socket.on('data', (data: Buffer) => {
      connection.received += data.length;
      if (handled) return;
      buffer = Buffer.concat([buffer, data]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffer.subarray(0, end).toString('latin1');
      const headers: Record<string, string> = {};
      for (const line of head.split('\r\n').slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      if (buffer.length < end + 4 + length) return;
      handled = true;
      const request = { head, headers, body: buffer.subarray(end + 4, end + 4 + length).toString('utf8') };
      requests.push(request);
      handler(socket, request);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}${ENDPOINT_PATH}`,
    connections,
    requests,
    open: () => connections.filter((c) => !c.closed),
    openUsed: () => connections.filter((c) => !c.closed && c.received > 0),
    openIdle: () => connections.filter((c) => !c.closed && c.received === 0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const { socket } of connections) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A response head; `Connection: close` unless given, so a complete exchange leaves nothing pooled. */
export function responseHead(status: string, headers: Record<string, string | number>): string {
  const all: Record<string, string | number> = { Connection: 'close', ...headers };
  return `HTTP/1.1 ${status}\r\n${Object.entries(all).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
}

/** One chunk of a chunked body. */
export function chunk(data: string | Buffer): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);
}

/** A complete response, then the server closes its side. */
export function answer(socket: Socket, status: string, contentType: string, body: string): void {
  const bytes = Buffer.from(body, 'utf8');
  socket.end(Buffer.concat([Buffer.from(responseHead(status, { 'Content-Type': contentType, 'Content-Length': bytes.length })), bytes]));
}

export interface PumpResult {
  /** Bytes handed to the socket. */
  readonly written: number;
  /** True when all `total` bytes were handed over (the peer never went away). */
  readonly finished: boolean;
}

/**
 * Writes `total` bytes of `piece`s, waiting for 'drain' (backpressure) in between; stops as soon
 * as the socket closes or errors. The socket stays open after a finished pump.
 */
export async function pump(socket: Socket, piece: (size: number) => Buffer, total: number, size = 64 * 1024): Promise<PumpResult> {
  let written = 0;
  while (written < total) {
    if (socket.destroyed || !socket.writable) return { written, finished: false };
    const bytes = piece(Math.min(size, total - written));
    const flushed = socket.write(bytes);
    written += bytes.length;
    if (!flushed) {
      const closed = await new Promise<boolean>((resolve) => {
        const onDrain = () => done(false);
        const onClose = () => done(true);
        const done = (value: boolean) => {
          socket.off('drain', onDrain);
          socket.off('close', onClose);
          resolve(value);
        };
        socket.on('drain', onDrain);
        socket.on('close', onClose);
      });
      if (closed) return { written, finished: false };
    }
  }
  return { written, finished: !socket.destroyed };
}

/** Writes one byte every `everyMs` until the socket closes; the interval dies with the socket. */
export function drip(socket: Socket, byte: (index: number) => Buffer, everyMs: number): void {
  let index = 0;
  const interval = setInterval(() => {
    if (socket.destroyed || !socket.writable) return clearInterval(interval);
    socket.write(byte(index++));
  }, everyMs);
  socket.once('close', () => clearInterval(interval));
}

export type Outcome =
  | { readonly state: 'rejected'; readonly error: unknown; readonly elapsed: number }
  | { readonly state: 'resolved'; readonly value: unknown; readonly elapsed: number }
  | { readonly state: 'pending'; readonly elapsed: number };

/**
 * How `call` settles, measured from its start; 'pending' when it did not settle within `withinMs`
 * (so a hang fails the test quickly instead of running into vitest's timeout). Clears its own timer.
 */
export async function settle(call: () => Promise<unknown>, withinMs: number): Promise<Outcome> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), withinMs)));
  try {
    return await Promise.race([
      call().then(
        (value): Outcome => ({ state: 'resolved', value, elapsed: performance.now() - started }),
        (error: unknown): Outcome => ({ state: 'rejected', error, elapsed: performance.now() - started }),
      ),
      deadline.then((): Outcome => ({ state: 'pending', elapsed: performance.now() - started })),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The rejection of an Outcome; throws a readable assertion error otherwise. */
export function rejectionOf(outcome: Outcome): unknown {
  if (outcome.state === 'rejected') return outcome.error;
  if (outcome.state === 'resolved') throw new Error(`expected the call to reject, but it resolved to ${inspect(outcome.value)}`);
  throw new Error(`expected the call to reject, but it was still pending after ${Math.round(outcome.elapsed)} ms`);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `condition` until it holds or `withinMs` passed; returns whether it held. */
export async function eventually(condition: () => boolean, withinMs: number): Promise<boolean> {
  const until = performance.now() + withinMs;
  for (;;) {
    if (condition()) return true;
    if (performance.now() >= until) return false;
    await sleep(10);
  }
}

/** How many active resources of each kind (`TCPSocketWrap`, `Timeout` …) the process has. */
export function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** Listeners the runtime left on a caller's signal. */
export function abortListeners(signal: AbortSignal): number {
  return getEventListeners(signal, 'abort').length;
}

/** One setTimeout made while a TimerTracker was installed. */
export interface TrackedTimer {
  readonly delay: number;
  /** Where it was made (the stack of the setTimeout call). */
  readonly stack: string;
  readonly handle: NodeJS.Timeout;
  /** Fired or cleared. */
  done: boolean;
}

export interface TimerTracker {
  readonly timers: readonly TrackedTimer[];
  /** Timers that are still pending and keep the process alive (ref'd), made by the runtime. */
  liveRuntimeTimers(): TrackedTimer[];
  restore(): void;
}

/**
 * Wraps the global setTimeout/clearTimeout (the runtime calls the global ones) to know every timer
 * made from now on, where it was made, and whether it fired or was cleared. Counting `Timeout`s in
 * `process.getActiveResourcesInfo()` alone cannot tell the runtime's timer from a transient one of
 * the test runner; the creation stack can.
 */
export function trackTimers(): TimerTracker {
  const timers: TrackedTimer[] = [];
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;
  const tracking = (callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]): NodeJS.Timeout => {
    const stack = new Error('setTimeout').stack ?? '';
    let record: TrackedTimer | undefined;
    const handle = realSetTimeout((...inner: unknown[]) => {
      if (record) record.done = true;
      callback(...inner);
    }, delay, ...args);
    record = { delay: Number(delay ?? 0), stack, handle, done: false };
    timers.push(record);
    return handle;
  };
  const clearing = (handle: string | number | NodeJS.Timeout | undefined): void => {
    for (const record of timers) if (record.handle === handle || (typeof handle !== 'object' && Number(record.handle) === Number(handle))) record.done = true;
    realClearTimeout(handle);
  };
  globalThis.setTimeout = tracking as unknown as typeof globalThis.setTimeout;
  globalThis.clearTimeout = clearing as typeof globalThis.clearTimeout;
  return {
    timers,
    liveRuntimeTimers: () => timers.filter((t) => !t.done && t.handle.hasRef() && /[\\/]runtime[\\/]cancellation\.ts/.test(t.stack)),
    restore() {
      if (globalThis.setTimeout === (tracking as unknown)) globalThis.setTimeout = realSetTimeout;
      if (globalThis.clearTimeout === (clearing as unknown)) globalThis.clearTimeout = realClearTimeout;
    },
  };
}

/**
 * What is left over after a call settled, once the grace period passed:
 * - `openServerSockets`: connections that carried a request and are still open. Only the client can
 *   close a connection the server keeps open, so one left here is a connection the call abandoned
 *   without closing (every server in these tests closes after a complete reply: `Connection: close`).
 * - `extraTcpSockets`: `TCPSocketWrap`s in `process.getActiveResourcesInfo()` beyond the count before
 *   the call, less the idle spares' server ends (client and server side both live in this process;
 *   fetch's idle pooled client sockets are unref'd, so they do not count, only the server ends do).
 * - `runtimeTimers`: timers made by the runtime (templates/runtime/agent.ts) that are still pending
 *   and ref'd — its timeout timer, once the call settled, must be cleared.
 *
 * Connections the client opened and never used are not counted: undici (the global fetch) opens a
 * spare connection to the origin after an in-flight request was aborted and closes it after its
 * keep-alive timeout (4 s). That is the pool of fetch, not the runtime; the test "fetch's spare
 * connection" shows that plain fetch does the same and that the spare closes by itself.
 */
export async function leftovers(server: RawServer, before: Record<string, number>, timers: TimerTracker, graceMs = 1000) {
  const count = (kind: string) => activeResources()[kind] ?? 0;
  const measure = () => ({
    openServerSockets: server.openUsed().length,
    extraTcpSockets: Math.max(0, count('TCPSocketWrap') - server.openIdle().length - (before.TCPSocketWrap ?? 0)),
    runtimeTimers: timers.liveRuntimeTimers().length,
  });
  await eventually(() => Object.values(measure()).every((n) => n === 0), graceMs);
  return measure();
}

/* ----------------------------------------------------------------------------------------------
 * Secrets. Every error the tests see is searched, with its whole cause chain, in every form a
 * program or a logger may turn it into.
 * -------------------------------------------------------------------------------------------- */

export const SECRET_APPLICATION_TOKEN = 'AppToken-7f3a9c5e-SECRET-do-not-log';
export const SECRET_TICKET = '7T:Ticket-b41e2d08-SECRET-do-not-log==';
/** Sent as an HTTP header too, the way callers pass tickets to SuperOffice (`Authorization: SOTicket …`). */
export const SECRET_HTTP_TICKET = 'HttpTicket-c9d0e1f2-SECRET-do-not-log';

export const SECRET_HEADERS = { ApplicationToken: SECRET_APPLICATION_TOKEN, Credentials: { Ticket: SECRET_TICKET } };
export const SECRET_HTTP_HEADERS = { Authorization: `SOTicket ${SECRET_HTTP_TICKET}` };

/** The secrets and distinctive pieces of them (a truncated or re-encoded copy still counts). */
const SECRET_MARKS = [SECRET_APPLICATION_TOKEN, SECRET_TICKET, SECRET_HTTP_TICKET, '7f3a9c5e', 'b41e2d08', 'c9d0e1f2', 'SECRET-do-not-log'];

function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_key, inner: unknown) => {
        if (typeof inner === 'bigint') return String(inner);
        if (inner && typeof inner === 'object') {
          if (seen.has(inner)) return '[circular]';
          seen.add(inner);
        }
        return inner;
      }) ?? ''
    );
  } catch (error) {
    return `[unserialisable: ${String(error)}]`;
  }
}

/** The error, its causes (and AggregateError members), depth-first, each once. */
function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 10 || chain.includes(value)) return;
    chain.push(value);
    if (value && typeof value === 'object') {
      const { cause, errors } = value as { cause?: unknown; errors?: unknown };
      if (cause !== undefined) visit(cause, depth + 1);
      if (Array.isArray(errors)) for (const inner of errors) visit(inner, depth + 1);
    }
  };
  visit(error, 0);
  return chain;
}

/** Every text form of the error and of each cause: String(), message, stack, JSON, inspect, and own properties. */
export function renderings(error: unknown): string[] {
  const texts: string[] = [inspect(error, { depth: 20, showHidden: true }), safeJson(error)];
  for (const value of errorChain(error)) {
    texts.push(String(value), safeJson(value), inspect(value, { depth: 20 }));
    if (value && typeof value === 'object') {
      const { message, stack } = value as { message?: unknown; stack?: unknown };
      texts.push(String(message), String(stack));
      for (const key of Object.getOwnPropertyNames(value)) {
        texts.push(`${key}=${safeJson((value as Record<string, unknown>)[key])}`);
      }
    }
  }
  return texts;
}

/** The secret marks found anywhere in the error's renderings (none, for a correct runtime). */
export function secretsIn(error: unknown): string[] {
  const all = renderings(error).join('\n');
  return SECRET_MARKS.filter((mark) => all.includes(mark));
}

/** True for the library's own error classes. */
export function isLibraryError(error: unknown): error is SoapError {
  return error instanceof SoapError;
}
