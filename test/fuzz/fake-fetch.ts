/**
 * A `fetch` stand-in that answers with given bytes: status, content type, chunking and the odd
 * transport detail (no body stream, a Content-Length, a body that stalls) chosen by the case.
 * Like undici's fetch, it honours the request's AbortSignal, also while the body is being read.
 */
import fc from 'fast-check';
import type { FetchLike, FetchResponseLike } from '../../generated/runtime/index.js';

export interface Transport {
  readonly status: number;
  readonly contentType: string | null;
  /** Chunk sizes are drawn from this seed, each between 1 and `maxChunk` bytes. */
  readonly chunkSeed: number;
  readonly maxChunk: number;
  /** `body: null`, so the agent falls back to `text()`. */
  readonly nullBody: boolean;
  /** A Content-Length header, true or not. */
  readonly contentLength: 'none' | 'true' | 'huge' | 'garbage';
  /** The body sends everything, then neither ends nor errors until the call is aborted. */
  readonly stall: boolean;
  /** The agent's maxResponseBytes, when set. */
  readonly maxResponseBytes: number | undefined;
}

export const transport: fc.Arbitrary<Transport> = fc.record({
  status: fc.oneof({ weight: 12, arbitrary: fc.constant(200) }, { weight: 6, arbitrary: fc.constant(500) }, { weight: 2, arbitrary: fc.constantFrom(202, 204, 206, 299, 400, 401, 404, 502, 302, 199, 600) }),
  contentType: fc.oneof(
    { weight: 10, arbitrary: fc.constant('text/xml; charset=utf-8') },
    {
      weight: 4,
      arbitrary: fc.constantFrom<string | null>(
        null, 'application/soap+xml; charset=utf-8; action="x"', 'text/xml', 'text/html', 'text/xml; charset="UTF-8"', 'text/xml; charset=iso-8859-1',
        'text/xml; charset=utf-16', 'text/xml; charset=utf-16le', 'text/xml; charset=bogus', 'text/xml; charset=iso-2022-kr', 'text/xml; charset=',
        'multipart/related; type="application/xop+xml"; boundary="b"; start="<root>"', 'multipart/related; boundary=', 'multipart/mixed; boundary=x',
      ),
    },
  ),
  chunkSeed: fc.nat(),
  maxChunk: fc.constantFrom(1, 3, 7, 64, 1000, 1 << 20),
  nullBody: fc.oneof({ weight: 10, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  contentLength: fc.constantFrom<Transport['contentLength']>('none', 'none', 'none', 'true', 'huge', 'garbage'),
  stall: fc.oneof({ weight: 60, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  maxResponseBytes: fc.oneof({ weight: 15, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4000 }) }),
});

/**
 * Splits data into chunks of pseudo-random sizes (deterministic in the seed), at most about
 * `maxChunks` of them so that huge mutated bodies do not turn into a million stream reads.
 */
export function chunked<T extends { length: number; slice(start: number, end: number): T }>(data: T, seed: number, maxChunk: number, maxChunks = 300): T[] {
  const chunks: T[] = [];
  const least = Math.ceil(data.length / maxChunks);
  let state = seed | 0 || 1;
  for (let i = 0; i < data.length; ) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const size = Math.max(least, 1 + ((state >>> 0) % maxChunk));
    chunks.push(data.slice(i, i + size));
    i += size;
  }
  return chunks;
}

/** A fetch answering every request with `bytes` as `transport` says. */
export function fakeFetch(bytes: Uint8Array, transport: Transport): FetchLike {
  return async (_url, init) => {
    const signal = init.signal;
    if (signal.aborted) throw signal.reason;
    const chunks = chunked(bytes, transport.chunkSeed, transport.maxChunk);
    let next = 0;
    const body = transport.nullBody
      ? null
      : new ReadableStream<Uint8Array>({
          start(controller) {
            signal.addEventListener(
              'abort',
              () => {
                try {
                  controller.error(signal.reason);
                } catch {
                  // already closed
                }
              },
              { once: true },
            );
          },
          pull(controller) {
            if (next < chunks.length) controller.enqueue(chunks[next++]);
            else if (!transport.stall) controller.close();
          },
        });
    const headers = new Map<string, string>();
    if (transport.contentType !== null) headers.set('content-type', transport.contentType);
    if (transport.contentLength === 'true') headers.set('content-length', String(bytes.length));
    if (transport.contentLength === 'huge') headers.set('content-length', String(2 ** 40));
    if (transport.contentLength === 'garbage') headers.set('content-length', '12abc');
    const response: FetchResponseLike = {
      status: transport.status,
      statusText: transport.status === 200 ? 'OK' : 'Something',
      headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
      body,
      text: async () => {
        if (transport.stall) await new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
        return new TextDecoder().decode(bytes);
      },
    };
    return response;
  };
}
