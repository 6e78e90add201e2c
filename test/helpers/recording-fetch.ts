/** A `fetch` stand-in that records each request and answers with a canned response. */
import type { FetchLike } from '../../generated/runtime/index.js';

export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface CannedResponse {
  readonly status?: number;
  readonly body: string;
  readonly contentType?: string;
}

export function recordingFetch(answer: CannedResponse | ((request: RecordedRequest) => CannedResponse)) {
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    const request = { url, method: init.method, headers: init.headers, body: init.body };
    requests.push(request);
    const canned = typeof answer === 'function' ? answer(request) : answer;
    return new Response(canned.body, {
      status: canned.status ?? 200,
      headers: { 'content-type': canned.contentType ?? 'text/xml; charset=utf-8' },
    });
  };
  return { fetch, requests };
}
