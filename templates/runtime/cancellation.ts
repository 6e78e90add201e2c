/**
 * What may end a call early: the agent's signal, the call's signal and the timeout. Made for every
 * call, so it sets up as little as it can: one timer, a listener only on the signals that were
 * given, and an AbortController only when a `fetch` asks for a signal.
 */

export type CancelReason = 'timeout' | 'aborted';

export class CallCancellation {
  /** Set once the call was cancelled. */
  reason: CancelReason | undefined = undefined;
  /** The signal's reason, or the timeout's error. */
  cause: unknown = undefined;
  /** Milliseconds; 0 when the call has no timeout. */
  readonly timeout: number;
  private readonly agentSignal: AbortSignal | undefined;
  private readonly callSignal: AbortSignal | undefined;
  private readonly onAbort: ((event: Event) => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;
  private controller: AbortController | undefined = undefined;
  /** What to do on cancellation: close the request, reject what is being awaited. One at a time. */
  private listener: (() => void) | undefined = undefined;

  constructor(agentSignal: AbortSignal | undefined, callSignal: AbortSignal | undefined, timeout: number) {
    this.agentSignal = agentSignal;
    this.callSignal = callSignal;
    this.timeout = timeout;
    if (agentSignal?.aborted || callSignal?.aborted) {
      this.reason = 'aborted';
      this.cause = agentSignal?.aborted ? agentSignal.reason : callSignal?.reason;
      return;
    }
    if (agentSignal || callSignal) {
      this.onAbort = (event) => this.cancel('aborted', (event.target as AbortSignal).reason);
      agentSignal?.addEventListener('abort', this.onAbort, { once: true });
      callSignal?.addEventListener('abort', this.onAbort, { once: true });
    }
    // a module-level callback with an argument: no closure per call
    if (timeout > 0) this.timer = setTimeout(expire, timeout, this);
  }

  /** True when nothing can cancel this call. */
  get unstoppable(): boolean {
    return this.timer === undefined && this.onAbort === undefined && this.reason === undefined;
  }

  /** A signal that aborts with this call, for `fetch`; made on first use. */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.reason) this.controller.abort(this.cause);
    }
    return this.controller.signal;
  }

  /** Calls `listener` on cancellation (at once when already cancelled), in place of the previous one. */
  onCancel(listener: (() => void) | undefined): void {
    this.listener = listener;
    if (listener && this.reason) listener();
  }

  /**
   * Settles with `promise`, or rejects with the cancellation's cause as soon as the call is
   * cancelled: the timeout holds even against a fetch (or a body stream) that ignores its signal.
   */
  race<T>(promise: Promise<T>): Promise<T> {
    if (this.reason) {
      promise.catch(ignore);
      return Promise.reject(this.cause);
    }
    if (this.unstoppable) return promise;
    return new Promise<T>((resolve, reject) => {
      this.onCancel(() => reject(this.cause));
      promise.then(
        (value) => {
          this.listener = undefined;
          resolve(value);
        },
        (error: unknown) => {
          this.listener = undefined;
          reject(error);
        },
      );
    });
  }

  cancel(reason: CancelReason, cause: unknown): void {
    if (this.reason) return;
    this.reason = reason;
    this.cause = cause;
    this.controller?.abort(cause);
    const listener = this.listener;
    this.listener = undefined;
    listener?.();
  }

  /** Clears the timer and the signal listeners; the call is over. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.onAbort) {
      this.agentSignal?.removeEventListener('abort', this.onAbort);
      this.callSignal?.removeEventListener('abort', this.onAbort);
    }
    this.listener = undefined;
  }
}

function expire(cancellation: CallCancellation): void {
  cancellation.cancel('timeout', new Error(`timed out after ${cancellation.timeout} ms`));
}

function ignore(): void {}
