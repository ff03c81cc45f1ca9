import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CanaryHit {
  token: string;
  method: string;
  path: string;
  userAgent?: string;
  at: number;
}

/**
 * A tiny HTTP server on 127.0.0.1 that records every request: when a target fetches a URL the
 * scanner gave it, the hit proves server-side request forgery. Each URL carries its own token.
 */
export class Canary {
  private readonly hits: CanaryHit[] = [];
  private server: Server | undefined;
  private origin = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const path = request.url ?? '/';
      const token = /\/c\/([a-f0-9]+)/.exec(path)?.[1] ?? '';
      this.hits.push({ token, method: request.method ?? 'GET', path, userAgent: request.headers['user-agent'], at: Date.now() });
      request.resume();
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end('id,name\n1,canary\n');
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', () => resolve());
    });
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A fresh URL; `label` only helps a human reading the canary's log. */
  url(label = 'x'): { url: string; token: string } {
    const token = randomBytes(8).toString('hex');
    return { url: `${this.origin}/c/${token}/${label}`, token };
  }

  /** Hits for `token`, waiting up to `waitMs` for the first. */
  async hitsFor(token: string, waitMs: number): Promise<CanaryHit[]> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const found = this.hits.filter((hit) => hit.token === token);
      if (found.length > 0 || Date.now() >= deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
