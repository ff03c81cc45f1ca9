/** Helpers for the proxy e2e tests: a client that records a HAR of what it sent and got, and the demo description as a file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoDescription } from '../../../examples/demo-api/description.js';

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'rampart-proxy-e2e-'));
}

/** The demo's description, with GET /products/{productId} marked deprecated so zombie calls exist. */
export function writeDemoSpec(dir: string): string {
  const description = demoDescription() as { paths: Record<string, Record<string, Record<string, unknown>>> };
  description.paths['/products/{productId}']!.get!.deprecated = true;
  const file = path.join(dir, 'demo-openapi.json');
  writeFileSync(file, JSON.stringify(description, null, 2));
  return file;
}

export interface Reply {
  status: number;
  contentType: string;
  body: string;
  json: () => any;
}

/** A fetch wrapper that keeps a HAR 1.2 log of every exchange, as a browser's devtools would. */
export class RecordingClient {
  readonly entries: unknown[] = [];
  constructor(readonly base: string) {}

  async call(method: string, target: string, options: { token?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const body = options.json === undefined ? undefined : JSON.stringify(options.json);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const started = new Date();
    const response = await fetch(this.base + target, { method, headers, body });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    this.entries.push({
      startedDateTime: started.toISOString(),
      time: Date.now() - started.getTime(),
      request: {
        method,
        url: this.base + target,
        httpVersion: 'HTTP/1.1',
        headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
        queryString: [],
        ...(body === undefined ? {} : { postData: { mimeType: 'application/json', text: body } }),
        headersSize: -1,
        bodySize: body?.length ?? 0,
      },
      response: {
        status: response.status,
        statusText: response.statusText,
        httpVersion: 'HTTP/1.1',
        headers: [...response.headers].map(([name, value]) => ({ name, value })),
        content: { size: text.length, mimeType: contentType, text },
        redirectURL: '',
        headersSize: -1,
        bodySize: text.length,
      },
      cache: {},
      timings: { send: 0, wait: 0, receive: 0 },
    });
    return { status: response.status, contentType, body: text, json: () => JSON.parse(text) };
  }

  writeHar(file: string): void {
    writeFileSync(file, JSON.stringify({ log: { version: '1.2', creator: { name: 'rampart-test', version: '1' }, entries: this.entries } }));
  }
}
