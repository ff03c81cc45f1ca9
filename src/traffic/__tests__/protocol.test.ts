import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Exchange } from '../exchange.js';
import { detectProtocol } from '../protocol.js';

function exchange(method: string, url: string, requestType = '', body?: string, headers: Record<string, string> = {}, responseType = 'application/json'): Exchange {
  return {
    startedAt: 0,
    origin: 't',
    request: { method, url, headers: { ...(requestType ? { 'content-type': requestType } : {}), ...headers }, body: body === undefined ? undefined : { mediaType: requestType, text: body } },
    response: { status: 200, headers: { 'content-type': responseType }, body: { mediaType: responseType } },
  };
}

describe('detectProtocol', () => {
  const cases: [string, Exchange, ReturnType<typeof detectProtocol>][] = [
    ['REST JSON', exchange('GET', 'https://a/users/1'), { protocol: 'rest', category: 'api' }],
    ['GraphQL POST with operationName', exchange('POST', 'https://a/graphql', 'application/json', '{"query":"query GetUser { user { id } }","operationName":"GetUser"}'), { protocol: 'graphql', category: 'api', operation: 'query GetUser' }],
    ['GraphQL mutation named in the document', exchange('POST', 'https://a/api', 'application/json', '{"query":"mutation AddItem($x: Int) { add(x: $x) }"}'), { protocol: 'graphql', category: 'api', operation: 'mutation AddItem' }],
    ['GraphQL GET', exchange('GET', 'https://a/graphql?query=%7Bviewer%7Bid%7D%7D'), { protocol: 'graphql', category: 'api', operation: 'query (anonymous)' }],
    ['gRPC', exchange('POST', 'https://a/shop.v1.Cart/AddItem', 'application/grpc+proto'), { protocol: 'grpc', category: 'api', operation: 'shop.v1.Cart/AddItem' }],
    ['SOAP by header', exchange('POST', 'https://a/ws', 'text/xml', '<x/>', { soapaction: '"urn:GetQuote"' }), { protocol: 'soap', category: 'api', operation: 'urn:GetQuote' }],
    ['SOAP by envelope', exchange('POST', 'https://a/ws', 'text/xml', '<soap:Envelope><soap:Body><m:GetPrice/></soap:Body></soap:Envelope>'), { protocol: 'soap', category: 'api', operation: 'GetPrice' }],
    ['form post', exchange('POST', 'https://a/login', 'application/x-www-form-urlencoded', 'user=a&password=b'), { protocol: 'form', category: 'api' }],
    ['static by extension', exchange('GET', 'https://a/assets/app.3f2a.js', '', undefined, {}, 'application/javascript'), { protocol: 'rest', category: 'static' }],
    ['static by type', exchange('GET', 'https://a/avatar/1', '', undefined, {}, 'image/png'), { protocol: 'rest', category: 'static' }],
    ['health check', exchange('GET', 'https://a/healthz'), { protocol: 'rest', category: 'health' }],
    ['a POST to /status is an API call', exchange('POST', 'https://a/status', 'application/json', '{}'), { protocol: 'rest', category: 'api' }],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      const url = new URL(input.request.url);
      assert.deepEqual(detectProtocol(input, url.pathname, url.searchParams), expected);
    });
  }
});
