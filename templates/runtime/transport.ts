/**
 * How a request reaches the service. Two transports carry the same exchange with the same
 * guarantees: `node:http`/`node:https` with a keep-alive pool where Node is (node-http.ts), and
 * `fetch` everywhere else or when the caller passes one.
 */
import type { CallCancellation } from './cancellation.js';

/** The part of the standard `fetch` that agents use; pass any compatible function. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: 'manual' },
) => Promise<FetchResponseLike>;

export interface FetchResponseLike {
  readonly status: number;
  readonly statusText: string;
  /** `forEach` is optional: only the wire log (`onExchange`, WSDL_AGENTS_DEBUG) lists all headers. */
  readonly headers: { get(name: string): string | null; forEach?(callback: (value: string, name: string) => void): void };
  readonly body: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

export interface TransportRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface TransportResponse {
  readonly status: number;
  readonly statusText: string;
  /** A header's value (names are case-insensitive), several joined by `, `; null when absent. */
  header(name: string): string | null;
  /** All headers, names in lower case. */
  headers(): Record<string, string>;
  /**
   * Hands the body to `onChunk` as it arrives: bytes, or the whole text at once where the
   * transport has only text. Resolves at its end. When `onChunk` throws, the rest is not read, the
   * connection is closed, and the promise rejects with what it threw.
   */
  read(onChunk: (chunk: Uint8Array | string) => void): Promise<void>;
  /** Leaves the body unread and lets go of the connection. */
  discard(): void;
}

export interface Transport {
  /** Sends the request; resolves once the status and headers are in. Never follows a redirect. */
  send(request: TransportRequest, cancellation: CallCancellation): Promise<TransportResponse>;
}

/** Sends with `fetch`: the caller's, or the global one as it is at the time of the call. */
export class FetchTransport implements Transport {
  private readonly fetchFunction: FetchLike | undefined;

  constructor(fetchFunction: FetchLike | undefined) {
    this.fetchFunction = fetchFunction;
  }

  async send(request: TransportRequest, cancellation: CallCancellation): Promise<TransportResponse> {
    // A redirect is not followed: fetch would send the envelope, credentials and all, wherever it
    // points. The headers are the agent's: a fetch of the caller's gets a copy it may change.
    const init = { method: 'POST', headers: { ...request.headers }, body: request.body, signal: cancellation.signal, redirect: 'manual' as const };
    const fetchFunction = this.fetchFunction ?? (globalThis.fetch as unknown as FetchLike);
    const response = await cancellation.race(fetchFunction(request.url, init));
    return new FetchResponse(response, cancellation);
  }
}

class FetchResponse implements TransportResponse {
  readonly status: number;
  readonly statusText: string;
  private readonly response: FetchResponseLike;
  private readonly cancellation: CallCancellation;

  constructor(response: FetchResponseLike, cancellation: CallCancellation) {
    this.response = response;
    this.status = response.status;
    this.statusText = response.statusText;
    this.cancellation = cancellation;
  }

  header(name: string): string | null {
    return this.response.headers.get(name);
  }

  headers(): Record<string, string> {
    const all: Record<string, string> = {};
    this.response.headers.forEach?.((value, name) => (all[name.toLowerCase()] = value));
    return all;
  }

  async read(onChunk: (chunk: Uint8Array | string) => void): Promise<void> {
    const body = this.response.body;
    if (!body) {
      // a fetch without body streams gives text: taken as it is, not encoded and decoded again
      onChunk(await this.cancellation.race(this.response.text()));
      return;
    }
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await this.cancellation.race(reader.read());
        if (done) break;
        onChunk(value);
      }
    } finally {
      reader.cancel().catch(ignore);
    }
  }

  discard(): void {
    this.response.body?.cancel().catch(ignore);
  }
}

function ignore(): void {}
