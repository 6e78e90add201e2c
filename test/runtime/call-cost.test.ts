/**
 * The fixed cost of a call: what CallCancellation sets up (one timer, listeners only on given
 * signals, an AbortController only for fetch), and a fetch response without a body stream taken
 * as text as it is, with maxResponseBytes still enforced.
 */
import { getEventListeners } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiagnosticsAgent, SoapResponseError, type FetchLike, type FetchResponseLike } from '../../generated/Services86/index.js';
import { CallCancellation } from '../../templates/runtime/cancellation.js';

const TNS = 'http://www.superoffice.net/ws/crm/NetServer/Services86';
const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
const cacheNames = (names: string[]) =>
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetCacheNamesResponse xmlns="${TNS}">` +
  `<Response xmlns:a="${ARRAYS}">${names.map((n) => `<a:string>${n}</a:string>`).join('')}</Response></GetCacheNamesResponse></s:Body></s:Envelope>`;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Counts AbortControllers made while it is installed. */
function countAbortControllers(): { made: number } {
  const count = { made: 0 };
  const Original = globalThis.AbortController;
  vi.stubGlobal(
    'AbortController',
    class extends Original {
      constructor() {
        super();
        count.made++;
      }
    },
  );
  return count;
}

describe('CallCancellation', () => {
  it('with no signal and no timeout: nothing set up, and race() hands back the promise itself', () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const controllers = countAbortControllers();
    const cancellation = new CallCancellation(undefined, undefined, 0);
    const promise = Promise.resolve(1);
    expect(cancellation.unstoppable).toBe(true);
    expect(cancellation.race(promise)).toBe(promise);
    cancellation.dispose();
    expect(setTimeoutSpy).not.toHaveBeenCalled();
    expect(controllers.made).toBe(0);
  });

  it('a timeout is one timer; when it fires, the listener runs and race() rejects', async () => {
    vi.useFakeTimers();
    const controllers = countAbortControllers();
    const cancellation = new CallCancellation(undefined, undefined, 50);
    expect(vi.getTimerCount()).toBe(1);
    const listener = vi.fn();
    cancellation.onCancel(listener);
    vi.advanceTimersByTime(50);
    expect(listener).toHaveBeenCalledOnce();
    expect(cancellation).toMatchObject({ reason: 'timeout' });
    await expect(cancellation.race(new Promise(() => undefined))).rejects.toThrow('timed out after 50 ms');
    expect(controllers.made).toBe(0);
  });

  it('listens on the signals given, and on nothing once disposed', () => {
    const agent = new AbortController();
    const call = new AbortController();
    const cancellation = new CallCancellation(agent.signal, call.signal, 0);
    expect(getEventListeners(agent.signal, 'abort')).toHaveLength(1);
    expect(getEventListeners(call.signal, 'abort')).toHaveLength(1);
    cancellation.dispose();
    expect(getEventListeners(agent.signal, 'abort')).toHaveLength(0);
    expect(getEventListeners(call.signal, 'abort')).toHaveLength(0);
  });

  it("an abort cancels with the signal's reason; the fetch signal, made on demand, aborts with it", () => {
    const call = new AbortController();
    const cancellation = new CallCancellation(undefined, call.signal, 0);
    const signal = cancellation.signal;
    const reason = new Error('stop');
    call.abort(reason);
    expect(cancellation).toMatchObject({ reason: 'aborted', cause: reason });
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe(reason);
  });

  it('an already aborted signal: cancelled from the start, no timer', () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const cancellation = new CallCancellation(AbortSignal.abort('early'), undefined, 1000);
    expect(cancellation).toMatchObject({ reason: 'aborted', cause: 'early' });
    expect(setTimeoutSpy).not.toHaveBeenCalled();
  });
});

describe('a call over the Node transport', () => {
  it('makes no AbortController and one timer', async () => {
    const server = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => response.end(cacheNames(['x'])));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const agent = new DiagnosticsAgent({ endpoint: `http://127.0.0.1:${port}/`, transport: 'node' });
      await agent.getCacheNames(); // the pool's first connection
      const controllers = countAbortControllers();
      const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
      await expect(agent.getCacheNames()).resolves.toEqual(['x']);
      expect(controllers.made).toBe(0);
      expect(setTimeoutSpy.mock.calls.filter(([, delay]) => delay === 60_000)).toHaveLength(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('a fetch response without a body stream', () => {
  /** A response as some fetch polyfills give it: text() only, no body stream. */
  const textOnly = (text: string): FetchLike => {
    const response: FetchResponseLike = {
      status: 200,
      statusText: 'OK',
      headers: { get: (name) => (name.toLowerCase() === 'content-type' ? 'text/xml; charset=utf-8' : null) },
      body: null,
      text: async () => text,
    };
    return async () => response;
  };

  it('is decoded from its text as it is, not encoded and decoded again', async () => {
    const encode = vi.spyOn(TextEncoder.prototype, 'encode');
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    await expect(new DiagnosticsAgent({ fetch: textOnly(cacheNames(['Ærø 😀'])) }).getCacheNames()).resolves.toEqual(['Ærø 😀']);
    expect(encode).not.toHaveBeenCalled();
    expect(decode.mock.calls.filter(([input]) => input != null && input.byteLength > 0)).toEqual([]);
  });

  it('is held to maxResponseBytes in UTF-8 bytes, inclusively', async () => {
    const body = cacheNames(['😀'.repeat(100)]);
    const bytes = Buffer.byteLength(body);
    expect(bytes).toBeGreaterThan(body.length); // more bytes than UTF-16 units: the count must be of bytes
    await expect(new DiagnosticsAgent({ fetch: textOnly(body), maxResponseBytes: bytes }).getCacheNames()).resolves.toHaveLength(1);
    const error = await new DiagnosticsAgent({ fetch: textOnly(body), maxResponseBytes: bytes - 1 })
      .getCacheNames()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SoapResponseError);
    expect((error as Error).message).toContain(`the response is larger than ${bytes - 1} bytes (read ${bytes})`);
  });
});
