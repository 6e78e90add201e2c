/**
 * Every way a call can fail, as classes to catch with `instanceof`. All extend SoapError.
 * Messages never contain request headers (tickets, application tokens).
 */

/** How much of a response body errors keep, to show what came back without holding it all. */
export const BODY_START_LENGTH = 1024;

export class SoapError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The arguments could not be written as XML (a value of the wrong type, an unwritable character). */
export class SoapEncodeError extends SoapError {}

/** The service answered with a SOAP Fault (1.1 or 1.2). */
export class SoapFaultError extends SoapError {
  /** `faultcode` (1.1) or `Code/Value` (1.2), as written (a QName such as `s:Client`). */
  readonly code: string;
  /** SOAP 1.2 `Subcode/Value`s, outermost first. */
  readonly subcodes: readonly string[];
  /** `faultstring` (1.1) or the first `Reason/Text` (1.2). */
  readonly reason: string;
  /** `faultactor` (1.1) or `Role` (1.2). */
  readonly actor: string | undefined;
  /** The `detail` / `Detail` element's content as XML text, when there is one. */
  readonly detail: string | undefined;
  readonly status: number;

  constructor(
    fault: { code: string; subcodes?: readonly string[]; reason: string; actor?: string | undefined; detail?: string | undefined },
    status: number,
  ) {
    super(`SOAP fault ${fault.code}: ${fault.reason}`);
    this.code = fault.code;
    this.subcodes = fault.subcodes ?? [];
    this.reason = fault.reason;
    this.actor = fault.actor;
    this.detail = fault.detail;
    this.status = status;
  }
}

/**
 * The service reported failure in its response headers (WCF style: an `ExceptionInfo` header, or
 * `Succeeded` false). `exceptionInfo` is that header's value; `headers` are all response headers.
 */
export class ServiceError<Info = unknown, Headers = Record<string, unknown>> extends SoapError {
  readonly exceptionInfo: Info | undefined;
  readonly headers: Headers;
  readonly status: number;

  constructor(exceptionInfo: Info | undefined, headers: Headers, status: number) {
    super(serviceErrorMessage(exceptionInfo));
    this.exceptionInfo = exceptionInfo;
    this.headers = headers;
    this.status = status;
  }
}

function serviceErrorMessage(info: unknown): string {
  if (info && typeof info === 'object') {
    const { Message, ExceptionType } = info as { Message?: unknown; ExceptionType?: unknown };
    if (typeof Message === 'string' && Message) {
      return typeof ExceptionType === 'string' && ExceptionType ? `${ExceptionType}: ${Message}` : Message;
    }
  }
  return 'the service reported that the call did not succeed';
}

/** An HTTP status other than 2xx that did not carry a SOAP Fault. */
export class SoapHttpError extends SoapError {
  readonly status: number;
  readonly statusText: string;
  /** The first characters of the response body. */
  readonly bodyStart: string;

  constructor(status: number, statusText: string, bodyStart: string) {
    super(`HTTP ${status}${statusText ? ` ${statusText}` : ''} from the service${bodyStart ? `: ${oneLine(bodyStart)}` : ''}`);
    this.status = status;
    this.statusText = statusText;
    this.bodyStart = bodyStart;
  }
}

/** The response was not the SOAP message the operation declares (not XML, malformed, wrong element). */
export class SoapResponseError extends SoapError {
  readonly status: number;
  /** The first characters of the response body. */
  readonly bodyStart: string;

  constructor(problem: string, status: number, bodyStart: string, options?: { cause?: unknown }) {
    super(`unexpected response (HTTP ${status}): ${problem}${bodyStart ? `; the body starts: ${oneLine(bodyStart)}` : ''}`, options);
    this.status = status;
    this.bodyStart = bodyStart;
  }
}

/** The request did not complete: a network failure, the timeout, or the caller's AbortSignal. */
export class SoapTransportError extends SoapError {
  readonly reason: 'timeout' | 'aborted' | 'network';

  constructor(message: string, reason: 'timeout' | 'aborted' | 'network', options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
