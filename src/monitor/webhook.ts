import type { Finding } from '../core/finding.js';

export interface WebhookOptions {
  url: string;
  /** Alerts waiting to be sent; beyond it the oldest waiting alert is dropped (and counted). */
  queueLimit?: number;
  /** Attempts per alert, the first included. */
  attempts?: number;
  /** Delay before the first retry; doubled each time, with jitter, capped at 30 s. */
  backoffMs?: number;
  timeoutMs?: number;
  warn?: (message: string) => void;
}

/**
 * Sends each alert as one JSON POST, in order, from a bounded queue: a slow or dead receiver never
 * slows traffic or grows memory. Failed sends are retried with exponential backoff, then dropped.
 */
export class WebhookSink {
  private readonly queue: Finding[] = [];
  private sending = false;
  private idle?: () => void;
  private closed = false;
  readonly counters = { sent: 0, retried: 0, dropped: 0, failed: 0 };

  constructor(private readonly options: WebhookOptions) {
    const url = new URL(options.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`webhook must be an http(s) URL, got ${options.url}`);
  }

  get pending(): number {
    return this.queue.length + (this.sending ? 1 : 0);
  }

  push(finding: Finding): void {
    if (this.closed) return;
    if (this.queue.length >= (this.options.queueLimit ?? 1000)) {
      this.queue.shift();
      this.counters.dropped++;
    }
    this.queue.push(finding);
    if (!this.sending) void this.drain();
  }

  /** Waits until the queue is empty or `timeoutMs` passed; later pushes are ignored. */
  async close(timeoutMs = 5000): Promise<void> {
    this.closed = true;
    if (!this.sending && this.queue.length === 0) return;
    await Promise.race([new Promise<void>((resolve) => (this.idle = resolve)), new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  }

  private async drain(): Promise<void> {
    this.sending = true;
    while (this.queue.length > 0) {
      const finding = this.queue.shift()!;
      const attempts = this.options.attempts ?? 5;
      let delay = this.options.backoffMs ?? 200;
      for (let attempt = 1; ; attempt++) {
        if (await this.send(finding)) {
          this.counters.sent++;
          break;
        }
        if (attempt >= attempts) {
          this.counters.failed++;
          this.options.warn?.(`webhook: alert ${finding.ruleId} not delivered after ${attempt} attempts`);
          break;
        }
        this.counters.retried++;
        // Unref'd: a receiver that stays down never keeps a stopping process alive past close().
        await new Promise((resolve) => setTimeout(resolve, delay * (0.75 + Math.random() / 2)).unref());
        delay = Math.min(delay * 2, 30_000);
      }
    }
    this.sending = false;
    this.idle?.();
  }

  private async send(finding: Finding): Promise<boolean> {
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'rampart-proxy' },
        body: JSON.stringify({ type: 'rampart.alert', version: 1, finding }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
        redirect: 'error',
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.ok;
    } catch {
      return false;
    }
  }
}
