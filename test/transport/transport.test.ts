/**
 * The transport, end to end: the generated DiagnosticsAgent over each of its transports (node:http
 * with its keep-alive pool, and the real global fetch) against a raw HTTP/1.1 server on 127.0.0.1 (test/transport/harness.ts) that misbehaves on purpose — never
 * answers, resets, cuts the body short, drips it, floods it. Each test proves the call settles with
 * the documented error class in time, and ends with the same checks: the connection is closed on
 * both sides, no socket or timer is left in the process, and no ticket or application token
 * appears in any rendering of the error or its causes.
 */
import type { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DiagnosticsAgent,
  SoapEncodeError,
  SoapError,
  SoapFaultError,
  SoapHttpError,
  SoapResponseError,
  SoapTransportError,
  type AgentOptions,
  type DiagnosticsRequestHeaders,
} from '../../generated/Services86/index.js';
import {
  SECRET_APPLICATION_TOKEN,
  SECRET_HEADERS,
  SECRET_HTTP_HEADERS,
  SECRET_HTTP_TICKET,
  SECRET_TICKET,
  abortListeners,
  activeResources,
  answer,
  chunk,
  drip,
  eventually,
  isLibraryError,
  leftovers,
  pump,
  rejectionOf,
  responseHead,
  secretsIn,
  settle,
  startRawServer,
  trackTimers,
  type PumpResult,
  type RawServer,
  type RequestHandler,
  type TimerTracker,
} from './harness.js';

/** The timeout of the tests about timing out. */
const TIMEOUT = 200;
/** How late after TIMEOUT a timed-out call may still settle (event-loop and scheduling slack). */
const MARGIN = 400;
/**
 * The timeout of every other test: long, so that a timer the runtime forgot to clear would still be
 * running when the leftovers are counted, and so that settling early proves the failure was seen
 * for what it is and not merely timed out.
 */
const LONG_TIMEOUT = 20_000;
/** How soon a call must settle when nothing makes it wait (a reset, a complete reply, an abort). */
const PROMPT = 1_000;
/** Longest any call is awaited before the test calls it a hang. */
const HANG = 3_000;

const TNS = 'http://www.superoffice.net/ws/crm/NetServer/Services86';
const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
const envelope = (body: string) =>
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><s:Body>${body}</s:Body></s:Envelope>`;
const cacheNames = (names: string[]) =>
  envelope(
    `<GetCacheNamesResponse xmlns="${TNS}"><Response xmlns:a="${ARRAYS}">${names.map((n) => `<a:string>${n}</a:string>`).join('')}</Response></GetCacheNamesResponse>`,
  );
const XML = 'text/xml; charset=utf-8';

/** Every test runs over both transports. */
const TRANSPORTS = ['node', 'fetch'] as const;
let transport: (typeof TRANSPORTS)[number] = 'node';

let server: RawServer | undefined;
/** Active resources counted just before the call under test. */
let before: Record<string, number> = {};
/** Every setTimeout made from just before the call under test on. */
let timers: TimerTracker | undefined;

afterEach(async () => {
  timers?.restore();
  timers = undefined;
  await server?.close();
  server = undefined;
});

async function serve(handler: RequestHandler): Promise<RawServer> {
  server = await startRawServer(handler);
  before = activeResources();
  timers = trackTimers();
  return server;
}

function agent(options: Partial<AgentOptions<DiagnosticsRequestHeaders>> = {}): DiagnosticsAgent {
  return new DiagnosticsAgent({
    endpoint: server!.url,
    transport,
    headers: SECRET_HEADERS,
    httpHeaders: SECRET_HTTP_HEADERS,
    timeout: LONG_TIMEOUT,
    ...options,
  });
}

/** The call's rejection, which must be one of the library's own errors. */
async function failure(call: () => Promise<unknown>, within = HANG) {
  const outcome = await settle(call, within);
  const error = rejectionOf(outcome);
  expect(error, `a ${(error as Error)?.constructor?.name}: ${String(error)}`).toSatisfy(isLibraryError);
  return { error, elapsed: outcome.elapsed };
}

function expectTransport(error: unknown, reason: SoapTransportError['reason']): void {
  expect(error).toBeInstanceOf(SoapTransportError);
  expect((error as SoapTransportError).reason).toBe(reason);
}

function expectTimedOutInTime(elapsed: number, timeout = TIMEOUT): void {
  expect(elapsed).toBeGreaterThanOrEqual(timeout - 20);
  expect(elapsed).toBeLessThan(timeout + MARGIN);
}

/**
 * The checks every test ends with: the request carried the secrets (so their absence from the
 * errors means something), no error shows them, and nothing is left open.
 */
async function expectCleanEnd(...errors: unknown[]): Promise<void> {
  const request = server!.requests[0];
  if (request) {
    expect(request.body).toContain(SECRET_TICKET);
    expect(request.body).toContain(SECRET_APPLICATION_TOKEN);
    expect(request.headers.authorization).toBe(`SOTicket ${SECRET_HTTP_TICKET}`);
  }
  for (const error of errors) expect(secretsIn(error), String(error)).toEqual([]);
  expect(await leftovers(server!, before, timers!)).toEqual({ openServerSockets: 0, extraTcpSockets: 0, runtimeTimers: 0 });
}

describe.each(TRANSPORTS)('over %s', (name) => {
  beforeEach(() => {
    transport = name;
  });

  describe('the checks themselves', () => {
    it('secretsIn finds a secret however deep in the cause chain, in any property', () => {
      const nested = new SoapTransportError('x', 'network', { cause: new Error('y', { cause: { request: { headers: SECRET_HEADERS } } }) });
      expect(secretsIn(nested)).toContain(SECRET_TICKET);
      expect(secretsIn(Object.assign(new SoapError('x'), { bodyStart: `…<Ticket>${SECRET_TICKET.slice(0, 20)}` }))).toContain('b41e2d08');
      expect(secretsIn(new SoapError('the request failed'))).toEqual([]);
    });

    it('the call goes over the transport under test (undici, behind fetch, adds Sec-Fetch-Mode; node:http does not)', async () => {
      await serve((socket) => answer(socket, '200 OK', XML, cacheNames([])));
      await agent().getCacheNames();
      expect(server!.requests[0]?.headers['sec-fetch-mode']).toBe(transport === 'fetch' ? 'cors' : undefined);
      await expectCleanEnd();
    });

    it('a successful call over the same harness resolves and leaves nothing behind', async () => {
      await serve((socket) => answer(socket, '200 OK', XML, cacheNames(['Lists', 'Prefs'])));
      const outcome = await settle(() => agent().getCacheNames(), HANG);
      expect(outcome).toMatchObject({ state: 'resolved', value: ['Lists', 'Prefs'] });
      await expectCleanEnd();
    });
  });

  describe('1. a server that never answers', () => {
    it("rejects with SoapTransportError 'timeout' within the configured timeout and closes the connection", async () => {
      await serve(() => undefined);
      const { error, elapsed } = await failure(() => agent({ timeout: TIMEOUT }).getCacheNames());
      expectTransport(error, 'timeout');
      expect((error as Error).message).toBe(`the call timed out after ${TIMEOUT} ms`);
      expectTimedOutInTime(elapsed);
      expect(server!.requests).toHaveLength(1);
      await expectCleanEnd(error);
    });

    it("the per-call timeout replaces the agent's", async () => {
      await serve(() => undefined);
      const { error, elapsed } = await failure(() => agent({ timeout: LONG_TIMEOUT }).getCacheNames({ timeout: TIMEOUT }));
      expectTransport(error, 'timeout');
      expectTimedOutInTime(elapsed);
      await expectCleanEnd(error);
    });

    it('a server that sends the status line and headers, then nothing, times out too', async () => {
      await serve((socket) => socket.write(responseHead('200 OK', { 'Content-Type': XML, 'Content-Length': 5000 })));
      const { error, elapsed } = await failure(() => agent({ timeout: TIMEOUT }).getCacheNames());
      expectTransport(error, 'timeout');
      expectTimedOutInTime(elapsed);
      await expectCleanEnd(error);
    });
  });

  describe("2. the caller's AbortSignal", () => {
    it("the per-call signal cancels a call waiting for the reply: reason 'aborted', the signal's reason as cause", async () => {
      await serve(() => undefined);
      const controller = new AbortController();
      const reason = new Error('user navigated away');
      const { error, elapsed } = await failure(async () => {
        const call = agent().getCacheNames({ signal: controller.signal });
        // the check of leftover timers sees the runtime's timeout timer while the call is pending …
        expect(timers!.liveRuntimeTimers().map((t) => t.delay)).toEqual([LONG_TIMEOUT]);
        await eventually(() => server!.requests.length === 1, PROMPT);
        controller.abort(reason);
        return call;
      });
      // … and sees it cleared once the call settled
      expect(timers!.liveRuntimeTimers()).toEqual([]);
      expectTransport(error, 'aborted');
      expect((error as Error).cause).toBe(reason);
      expect(elapsed).toBeLessThan(PROMPT);
      expect(abortListeners(controller.signal)).toBe(0);
      await expectCleanEnd(error);
    });

    it('the agent-level signal cancels every pending call of the agent', async () => {
      await serve(() => undefined);
      const controller = new AbortController();
      const cancelled = agent({ signal: controller.signal });
      const calls = [settle(() => cancelled.getCacheNames(), HANG), settle(() => cancelled.flushCaches(), HANG)];
      expect(await eventually(() => server!.requests.length === 2, PROMPT)).toBe(true);
      controller.abort();
      const errors = (await Promise.all(calls)).map(rejectionOf);
      for (const error of errors) {
        expect(error).toSatisfy(isLibraryError);
        expectTransport(error, 'aborted');
        expect((error as Error).cause).toBeInstanceOf(DOMException);
        expect(((error as Error).cause as DOMException).name).toBe('AbortError');
      }
      expect(abortListeners(controller.signal)).toBe(0);
      await expectCleanEnd(...errors);
    });

    it('aborting while the body is being read cancels the read and closes the connection', async () => {
      await serve((socket) => {
        socket.write(responseHead('200 OK', { 'Content-Type': XML, 'Transfer-Encoding': 'chunked' }));
        socket.write(chunk('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>'));
        drip(socket, () => chunk(' '), 20);
      });
      const controller = new AbortController();
      const call = settle(() => agent().getCacheNames({ signal: controller.signal }), HANG);
      expect(await eventually(() => server!.requests.length === 1, PROMPT)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      controller.abort();
      const error = rejectionOf(await call);
      expect(error).toSatisfy(isLibraryError);
      expectTransport(error, 'aborted');
      await expectCleanEnd(error);
    });

    it('an already aborted signal rejects at once and sends nothing', async () => {
      await serve(() => undefined);
      const { error, elapsed } = await failure(() => agent({ signal: AbortSignal.abort() }).getCacheNames());
      expectTransport(error, 'aborted');
      expect(elapsed).toBeLessThan(PROMPT);
      expect(server!.requests).toHaveLength(0);
      await expectCleanEnd(error);
    });

    it('a long-lived agent signal keeps no listener per call', async () => {
      await serve((socket) => answer(socket, '200 OK', XML, cacheNames([])));
      const controller = new AbortController();
      const longLived = agent({ signal: controller.signal });
      for (let i = 0; i < 5; i++) await longLived.getCacheNames({ signal: new AbortController().signal });
      expect(abortListeners(controller.signal)).toBe(0);
      await expectCleanEnd();
    });
  });

  describe('3. a server that resets the connection', () => {
    it("RST after reading the request → SoapTransportError 'network'", async () => {
      await serve((socket) => socket.resetAndDestroy());
      const { error, elapsed } = await failure(() => agent().getCacheNames());
      expectTransport(error, 'network');
      expect(elapsed).toBeLessThan(PROMPT);
      await expectCleanEnd(error);
    });

    it("a close without any reply (socket hang up) → 'network'", async () => {
      await serve((socket) => socket.destroy());
      const { error, elapsed } = await failure(() => agent().getCacheNames());
      expectTransport(error, 'network');
      expect(elapsed).toBeLessThan(PROMPT);
      await expectCleanEnd(error);
    });

    it("RST in the middle of the body → 'network'", async () => {
      await serve((socket) => {
        socket.write(responseHead('200 OK', { 'Content-Type': XML, 'Content-Length': 5000 }));
        socket.write(cacheNames(['x']).slice(0, 120), () => setTimeout(() => socket.resetAndDestroy(), 30));
      });
      const { error, elapsed } = await failure(() => agent().getCacheNames());
      expectTransport(error, 'network');
      expect(elapsed).toBeLessThan(PROMPT);
      await expectCleanEnd(error);
    });
  });

  describe('4. HTTP 500 with a SOAP Fault', () => {
    const fault = envelope(
      '<s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher">a:InternalServiceFault</faultcode>' +
        '<faultstring xml:lang="en-US">Cache flush failed</faultstring></s:Fault>',
    );

    it('→ SoapFaultError with code, reason and status 500', async () => {
      await serve((socket) => answer(socket, '500 Internal Server Error', XML, fault));
      const { error, elapsed } = await failure(() => agent().flushCaches());
      expect(error).toBeInstanceOf(SoapFaultError);
      expect(error).toMatchObject({ code: 'a:InternalServiceFault', reason: 'Cache flush failed', status: 500 });
      expect(elapsed).toBeLessThan(PROMPT);
      await expectCleanEnd(error);
    });

    it('the same fault sent chunked, in small pieces → the same SoapFaultError', async () => {
      await serve((socket) => {
        socket.write(responseHead('500 Internal Server Error', { 'Content-Type': XML, 'Transfer-Encoding': 'chunked' }));
        for (let i = 0; i < fault.length; i += 17) socket.write(chunk(fault.slice(i, i + 17)));
        socket.end(chunk(''));
      });
      const { error } = await failure(() => agent().flushCaches());
      expect(error).toBeInstanceOf(SoapFaultError);
      expect(error).toMatchObject({ code: 'a:InternalServiceFault', reason: 'Cache flush failed', status: 500 });
      await expectCleanEnd(error);
    });
  });

  describe('5. HTTP 500 with an HTML page', () => {
    const page =
      '<!DOCTYPE html>\n<html><head><title>Runtime Error</title></head><body><h1>Server Error in \'/\' Application.</h1>' +
      `<p>${'The resource cannot be found. '.repeat(60)}</p></body></html>`;

    it('→ SoapHttpError with status 500, the status text and the first KiB of the page as bodyStart', async () => {
      await serve((socket) => answer(socket, '500 Internal Server Error', 'text/html; charset=utf-8', page));
      const { error, elapsed } = await failure(() => agent().getCacheNames());
      expect(error).toBeInstanceOf(SoapHttpError);
      const http = error as SoapHttpError;
      expect(http.status).toBe(500);
      expect(http.statusText).toBe('Internal Server Error');
      expect(http.bodyStart).toBe(page.slice(0, 1024));
      expect(http.message).toMatch(/^HTTP 500 Internal Server Error from the service: <!DOCTYPE html> <html>/);
      expect(elapsed).toBeLessThan(PROMPT);
      await expectCleanEnd(error);
    });

    it('an HTML page without a DOCTYPE (not a SOAP Envelope) → SoapHttpError too', async () => {
      const bare = '<html><body>Service Unavailable&nbsp;</body></html>';
      await serve((socket) => answer(socket, '500 Internal Server Error', 'text/html', bare));
      const { error } = await failure(() => agent().getCacheNames());
      expect(error).toBeInstanceOf(SoapHttpError);
      expect(error).toMatchObject({ status: 500, bodyStart: bare });
      await expectCleanEnd(error);
    });
  });

  describe('6. a 200 whose body is cut short', () => {
    const complete = cacheNames(['Lists', 'Preferences', 'Sentry']);
    const half = complete.slice(0, Math.floor(complete.length / 2));

    /** SoapResponseError or SoapTransportError, whichever the runtime gives — never anything else. */
    const expectTruncationError = (error: unknown) => {
      expect([SoapResponseError, SoapTransportError].some((Class) => error instanceof Class), String(error)).toBe(true);
    };

    it('Content-Length larger than what is sent, then the server closes → a typed error, promptly', async () => {
      await serve((socket) => socket.end(responseHead('200 OK', { 'Content-Type': XML, 'Content-Length': complete.length + 500 }) + half));
      const { error, elapsed } = await failure(() => agent().getCacheNames());
      expectTruncationError(error);
      expect(elapsed).toBeLessThan(PROMPT);
      await expectCleanEnd(error);
    });

    it('chunked, cut in the middle of the XML without the last chunk, then the server closes → a typed error, promptly', async () => {
      await serve((socket) => {
        socket.write(responseHead('200 OK', { 'Content-Type': XML, 'Transfer-Encoding': 'chunked' }));
        socket.end(chunk(half));
      });
      const { error, elapsed } = await failure(() => agent().getCacheNames());
      expectTruncationError(error);
      expect(elapsed).toBeLessThan(PROMPT);
      await expectCleanEnd(error);
    });

    it('chunked, cut in the middle of a chunk, then the server closes → a typed error, promptly', async () => {
      await serve((socket) => {
        socket.write(responseHead('200 OK', { 'Content-Type': XML, 'Transfer-Encoding': 'chunked' }));
        socket.end(chunk(complete).subarray(0, 40));
      });
      const { error, elapsed } = await failure(() => agent().getCacheNames());
      expectTruncationError(error);
      expect(elapsed).toBeLessThan(PROMPT);
      await expectCleanEnd(error);
    });

    it('chunked and properly ended, but the XML stops halfway → SoapResponseError (malformed)', async () => {
      await serve((socket) => {
        socket.write(responseHead('200 OK', { 'Content-Type': XML, 'Transfer-Encoding': 'chunked' }));
        socket.end(Buffer.concat([chunk(half), chunk('')]));
      });
      const { error } = await failure(() => agent().getCacheNames());
      expect(error).toBeInstanceOf(SoapResponseError);
      expect(error).toMatchObject({ status: 200, bodyStart: half });
      await expectCleanEnd(error);
    });

    it('Content-Length larger than what is sent, and the server keeps the connection open → timeout', async () => {
      await serve((socket) => socket.write(responseHead('200 OK', { 'Content-Type': XML, 'Content-Length': complete.length + 500 }) + half));
      const { error, elapsed } = await failure(() => agent({ timeout: TIMEOUT }).getCacheNames());
      expectTransport(error, 'timeout');
      expectTimedOutInTime(elapsed);
      await expectCleanEnd(error);
    });
  });

  describe('7. a server that drips the reply', () => {
    const start = Buffer.from(cacheNames(['x']).slice(0, 200));

    it("one byte every 50 ms of a chunked body, forever → 'timeout' within the timeout: it covers the body", async () => {
      await serve((socket) => {
        socket.write(responseHead('200 OK', { 'Content-Type': XML, 'Transfer-Encoding': 'chunked' }));
        drip(socket, (i) => chunk(start.subarray(i % start.length, (i % start.length) + 1)), 50);
      });
      const { error, elapsed } = await failure(() => agent({ timeout: TIMEOUT }).getCacheNames());
      expectTransport(error, 'timeout');
      expectTimedOutInTime(elapsed);
      await expectCleanEnd(error);
    });

    it("one byte every 50 ms of a body with a (huge) Content-Length → 'timeout'", async () => {
      await serve((socket) => {
        socket.write(responseHead('200 OK', { 'Content-Type': XML, 'Content-Length': 10_000_000 }));
        drip(socket, (i) => start.subarray(i % start.length, (i % start.length) + 1), 50);
      });
      const { error, elapsed } = await failure(() => agent({ timeout: TIMEOUT }).getCacheNames());
      expectTransport(error, 'timeout');
      expectTimedOutInTime(elapsed);
      await expectCleanEnd(error);
    });

    it("the status line and headers themselves dripped → 'timeout'", async () => {
      const head = Buffer.from(responseHead('200 OK', { 'Content-Type': XML, 'X-Padding': 'p'.repeat(400) }));
      await serve((socket) => drip(socket, (i) => head.subarray(i, i + 1), 50));
      const { error, elapsed } = await failure(() => agent({ timeout: TIMEOUT }).getCacheNames());
      expectTransport(error, 'timeout');
      expectTimedOutInTime(elapsed);
      await expectCleanEnd(error);
    });
  });

  describe('8. a response larger than maxResponseBytes', () => {
    const LIMIT = 64 * 1024;
    /** What the server tries to send: far more than socket buffers on loopback can absorb. */
    const FLOOD = 64 * 1024 * 1024;
    const opening = Buffer.from(cacheNames(['x']).slice(0, 300));
    const filler = (size: number) => Buffer.alloc(size, 0x20);

    /** Serves `head`, then pumps FLOOD bytes; `flood` resolves with how far the server got. */
    function flooding(head: Record<string, string | number>, frame: (bytes: Buffer) => Buffer) {
      let flood: Promise<PumpResult> | undefined;
      const handler: RequestHandler = (socket: Socket) => {
        socket.write(responseHead('200 OK', { 'Content-Type': XML, ...head }));
        socket.write(frame(opening));
        flood = pump(socket, (size) => frame(filler(size)), FLOOD);
      };
      return { handler, flood: () => flood! };
    }

    /** The client closed the connection soon after rejecting, before the server could write it all. */
    async function expectCutOff(flood: Promise<PumpResult>) {
      const outcome = await settle(() => flood, PROMPT);
      expect(outcome, 'the server was still writing (the client neither read nor closed)').toMatchObject({ state: 'resolved' });
      const sent = (outcome as { value: PumpResult }).value;
      expect(sent.finished).toBe(false);
      expect(sent.written).toBeLessThan(FLOOD);
    }

    it('with a Content-Length over the limit → SoapResponseError without reading the body; the server is cut off', async () => {
      const { handler, flood } = flooding({ 'Content-Length': opening.length + FLOOD }, (bytes) => bytes);
      await serve(handler);
      const { error, elapsed } = await failure(() => agent({ maxResponseBytes: LIMIT }).getCacheNames());
      expect(error).toBeInstanceOf(SoapResponseError);
      expect(error).toMatchObject({ status: 200 });
      expect((error as Error).message).toContain(`the response is larger than ${LIMIT} bytes (it declares ${opening.length + FLOOD})`);
      expect(elapsed).toBeLessThan(PROMPT);
      await expectCutOff(flood());
      await expectCleanEnd(error);
    });

    it('chunked, without a Content-Length → SoapResponseError once the limit is passed; the server is cut off', async () => {
      const { handler, flood } = flooding({ 'Transfer-Encoding': 'chunked' }, chunk);
      await serve(handler);
      const { error, elapsed } = await failure(() => agent({ maxResponseBytes: LIMIT }).getCacheNames());
      expect(error).toBeInstanceOf(SoapResponseError);
      expect(error).toMatchObject({ status: 200 });
      const read = Number(/\(read (\d+)\)/.exec((error as Error).message)?.[1]);
      expect(read).toBeGreaterThan(LIMIT);
      expect(read).toBeLessThan(LIMIT + 128 * 1024);
      expect((error as SoapResponseError).bodyStart.startsWith(opening.toString())).toBe(true);
      expect(elapsed).toBeLessThan(PROMPT);
      await expectCutOff(flood());
      await expectCleanEnd(error);
    });

    it('a gzip bomb (small Content-Length, huge once inflated) → SoapResponseError without inflating it all', async () => {
      const inflated = 16 * 1024 * 1024;
      const bomb = gzipSync(Buffer.concat([opening, filler(inflated)]));
      expect(bomb.length).toBeLessThan(LIMIT);
      await serve((socket) =>
        socket.end(Buffer.concat([Buffer.from(responseHead('200 OK', { 'Content-Type': XML, 'Content-Encoding': 'gzip', 'Content-Length': bomb.length })), bomb])),
      );
      const { error, elapsed } = await failure(() => agent({ maxResponseBytes: LIMIT }).getCacheNames());
      expect(error).toBeInstanceOf(SoapResponseError);
      const read = Number(/\(read (\d+)\)/.exec((error as Error).message)?.[1]);
      expect(read).toBeGreaterThan(LIMIT);
      expect(read).toBeLessThan(inflated / 4);
      expect(elapsed).toBeLessThan(PROMPT);
      await expectCleanEnd(error);
    });

    it('a body of exactly maxResponseBytes is accepted (the limit is inclusive)', async () => {
      const body = cacheNames(['Lists']);
      const limit = body.length + 1000;
      const padded = body.replace('<s:Body>', `<s:Body>${' '.repeat(1000)}`);
      expect(Buffer.byteLength(padded)).toBe(limit);
      await serve((socket) => answer(socket, '200 OK', XML, padded));
      const outcome = await settle(() => agent({ maxResponseBytes: limit }).getCacheNames(), HANG);
      expect(outcome).toMatchObject({ state: 'resolved', value: ['Lists'] });
      await expectCleanEnd();
    });
  });

  describe("9. fetch's spare connection (why idle, never-used connections are not counted as leftovers)", () => {
    /** undici's keep-alive timeout for idle pooled connections, when the server gives no hint. */
    const KEEP_ALIVE = 4_000;

    it('after an aborted call, plain fetch and the agent alike leave at most one idle spare, which closes by itself', async () => {
      const plain = await startRawServer(() => undefined);
      try {
        await serve(() => undefined);
        const controller = new AbortController();
        const calls = [
          settle(() => fetch(plain.url, { method: 'POST', body: '<x/>', signal: controller.signal }), HANG),
          settle(() => agent().getCacheNames({ signal: controller.signal }), HANG),
        ];
        expect(await eventually(() => plain.requests.length === 1 && server!.requests.length === 1, PROMPT)).toBe(true);
        controller.abort();
        const [fetchError, agentError] = (await Promise.all(calls)).map(rejectionOf);
        expect((fetchError as Error).name).toBe('AbortError');
        expectTransport(agentError, 'aborted');
        // the connections that carried the requests close at once, on both servers
        expect(await eventually(() => plain.openUsed().length === 0 && server!.openUsed().length === 0, PROMPT)).toBe(true);
        for (const origin of [plain, server!]) {
          expect(origin.openIdle().length).toBeLessThanOrEqual(1);
          expect(origin.connections.filter((c) => c.received === 0).length).toBeLessThanOrEqual(1);
        }
        // whatever spare fetch opened carries nothing and goes away with its keep-alive timeout
        expect(await eventually(() => plain.open().length === 0 && server!.open().length === 0, KEEP_ALIVE + 1_500)).toBe(true);
        await expectCleanEnd(agentError);
      } finally {
        await plain.close();
      }
    });
  });

  describe('10. secrets on the request side (errors raised before anything reaches the server)', () => {
    it('a ticket with a character XML cannot carry → SoapEncodeError without the ticket, nothing sent', async () => {
      await serve(() => undefined);
      const headers = { ...SECRET_HEADERS, Credentials: { Ticket: `${SECRET_TICKET}\u0001` } };
      const { error } = await failure(() => agent({ headers }).getCacheNames());
      expect(error).toBeInstanceOf(SoapEncodeError);
      expect(secretsIn(error)).toEqual([]);
      expect(server!.connections).toHaveLength(0);
      await expectCleanEnd(error);
    });

    // fetch would reject such a value with a TypeError quoting it (ticket and all); the runtime
    // checks header values first and says which header, never what it holds, sending nothing.
    it('an Authorization header fetch refuses (a ticket with a line break) → SoapEncodeError, no ticket in it', async () => {
      await serve(() => undefined);
      const broken = `SOTicket ${SECRET_HTTP_TICKET.slice(0, 10)}\n${SECRET_HTTP_TICKET.slice(10)}`;
      const { error } = await failure(() => agent({ httpHeaders: { Authorization: broken } }).getCacheNames());
      expect(error).toBeInstanceOf(SoapEncodeError);
      expect((error as Error).message).toBe('the HTTP header Authorization has a value HTTP cannot carry (a line break or a character beyond Latin-1)');
      expect(server!.connections).toHaveLength(0);
      expect(secretsIn(error), String(error)).toEqual([]);
    });
  });

  describe('11. redirects', () => {
    it('a 307 to another host is not followed: SoapHttpError, and the other host sees nothing', async () => {
      const elsewhere = await startRawServer((socket) => answer(socket, '200 OK', 'text/xml', '<x/>'));
      try {
        await serve((socket) => socket.end(responseHead('307 Temporary Redirect', { Location: `${elsewhere.url}`, 'Content-Length': 0 })));
        const { error } = await failure(() => agent().getCacheNames());
        expect(error).toBeInstanceOf(SoapHttpError);
        expect((error as SoapHttpError).status).toBe(307);
        expect((error as Error).message).toContain(`redirects to ${elsewhere.url}, which is not followed: set the agent's endpoint`);
        expect(elsewhere.requests).toHaveLength(0);
        await expectCleanEnd(error);
      } finally {
        await elsewhere.close();
      }
    });
  });
});
