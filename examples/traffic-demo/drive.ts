/**
 * Drives realistic traffic against the demo and records it as HAR 1.2, the way a browser or proxy
 * would: every request and response with headers, bodies and timings.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

export interface HarLog {
  log: { version: '1.2'; creator: { name: string; version: string }; entries: Record<string, unknown>[] };
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An HS256 JWT. */
export function signJwt(payload: Record<string, unknown>, secret: string): string {
  const input = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

interface Call {
  method: string;
  path: string;
  token?: string;
  body?: unknown;
  userAgent?: string;
}

export async function recordHar(baseUrl: string, calls: readonly Call[]): Promise<HarLog> {
  const entries: Record<string, unknown>[] = [];
  for (const call of calls) {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': call.userAgent ?? 'demo-web/1.0' };
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    const text = call.body === undefined ? undefined : JSON.stringify(call.body);
    if (text !== undefined) headers['content-type'] = 'application/json';
    const started = new Date();
    const t0 = performance.now();
    const response = await fetch(baseUrl + call.path, { method: call.method, headers, body: text });
    const responseText = await response.text();
    const time = performance.now() - t0;
    const url = new URL(baseUrl + call.path);
    entries.push({
      startedDateTime: started.toISOString(),
      time,
      request: {
        method: call.method,
        url: url.toString(),
        httpVersion: 'HTTP/1.1',
        headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
        queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
        cookies: [],
        headersSize: -1,
        bodySize: text?.length ?? 0,
        ...(text === undefined ? {} : { postData: { mimeType: 'application/json', text } }),
      },
      response: {
        status: response.status,
        statusText: response.statusText,
        httpVersion: 'HTTP/1.1',
        headers: [...response.headers].map(([name, value]) => ({ name, value })),
        cookies: [],
        content: { size: responseText.length, mimeType: response.headers.get('content-type') ?? '', text: responseText },
        redirectURL: '',
        headersSize: -1,
        bodySize: responseText.length,
      },
      cache: {},
      timings: { send: 0, wait: time, receive: 0 },
    });
  }
  return { log: { version: '1.2', creator: { name: 'rampart-traffic-demo', version: '1' }, entries } };
}

/** The standard scenario: every documented and undocumented behaviour of the demo, several times. */
export function demoCalls(): Call[] {
  const now = Math.floor(Date.now() / 1000);
  // Mobile app: HS256 with a guessable secret and a 30-day lifetime.
  const weak = (sub: number) => signJwt({ sub: String(sub), iat: now, exp: now + 30 * 86400 }, 'secret');
  // Web: strong random secret, 15 minutes.
  const strongSecret = randomBytes(32).toString('hex');
  const strong = (sub: number) => signJwt({ sub: String(sub), iat: now, exp: now + 900 }, strongSecret);
  const calls: Call[] = [];
  for (let k = 0; k < 40; k++) {
    const id = 1000 + k;
    calls.push({ method: 'GET', path: `/api/v1/users/${id}`, token: k % 2 ? weak(id) : strong(id), userAgent: k % 2 ? 'demo-mobile/3.1' : 'demo-web/1.0' });
    if (k % 2 === 0) calls.push({ method: 'GET', path: `/api/v1/users/${id}/orders`, token: k % 4 === 0 ? undefined : strong(id) });
  }
  for (let k = 0; k < 5; k++) {
    calls.push({ method: 'GET', path: '/api/v1/users/me', token: strong(1000 + k) });
    calls.push({ method: 'GET', path: '/api/v1/users', token: strong(1000 + k) });
    calls.push({ method: 'PATCH', path: `/api/v1/users/${1000 + k}`, token: strong(1000 + k), body: { name: `Renamed ${k}` } });
    calls.push({ method: 'GET', path: `/api/v1/products?category=lamps&limit=${10 + k}` });
    calls.push({ method: 'GET', path: '/api/v1/products/sku-' + (10023 + k * 17) });
    calls.push({ method: 'GET', path: '/api/v1/products/sku-' + (20011 + k * 13) });
  }
  calls.push({ method: 'GET', path: '/api/v1/users' });
  for (let k = 0; k < 6; k++) {
    const body = k < 4 ? { items: [{ sku: 'sku-10023', quantity: k + 1 }], currency: 'EUR' } : { items: [{ sku: 'sku-10040', quantity: 1 }] };
    calls.push({ method: 'POST', path: '/api/v1/orders', token: strong(1001), body });
  }
  for (let k = 0; k < 10; k++) calls.push({ method: 'GET', path: `/api/v1/orders/${randomUUID()}`, token: strong(1002) });
  for (let k = 0; k < 3; k++) calls.push({ method: 'GET', path: '/api/v1/legacy/reports', token: strong(1003), userAgent: 'legacy-batch/0.9' });
  calls.push({ method: 'GET', path: '/api/v1/admin/export' }, { method: 'GET', path: '/api/v1/admin/export' }, { method: 'GET', path: '/api/v1/debug/config' });
  for (let k = 0; k < 3; k++) calls.push({ method: 'POST', path: '/graphql', body: { operationName: 'GetViewer', query: 'query GetViewer { viewer { id name } }' } });
  for (let k = 0; k < 2; k++) calls.push({ method: 'POST', path: '/graphql', body: { operationName: 'ListProducts', query: 'query ListProducts { products { sku price } }' } });
  for (let k = 0; k < 3; k++) calls.push({ method: 'GET', path: '/health' });
  calls.push({ method: 'GET', path: '/static/app.js' }, { method: 'GET', path: '/static/app.js' });
  return calls;
}
