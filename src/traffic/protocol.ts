import type { Exchange } from './exchange.js';

export type Protocol = 'rest' | 'graphql' | 'grpc' | 'soap' | 'form';
export type Category = 'api' | 'static' | 'health';

export interface ProtocolInfo {
  protocol: Protocol;
  category: Category;
  /** GraphQL `query GetUser`, SOAP action, gRPC `pkg.Service/Method`. */
  operation?: string;
  /** The parsed JSON request body when we had to parse it anyway (GraphQL). */
}

const STATIC_EXTENSION = /\.(js|mjs|css|map|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|otf|eot|mp4|webm|mp3|wasm|html?|txt|pdf|zip)$/i;
const STATIC_TYPE = /^(image|font|audio|video)\/|^text\/(css|javascript|html)$|^application\/(javascript|wasm)$/;
const HEALTH = /^\/(health|healthz|livez|readyz|ready|live|ping|status|metrics|heartbeat|actuator(\/health|\/info|\/metrics)?|_health)\/?$/i;
const GRAPHQL_OPERATION = /^\s*(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/;

/** Which protocol one exchange speaks, and whether it is an API call at all. */
export function detectProtocol(exchange: Exchange, path: string, searchParams: URLSearchParams): ProtocolInfo {
  const request = exchange.request;
  const requestType = request.body?.mediaType || (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const responseType = exchange.response?.body?.mediaType || (exchange.response?.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (requestType.startsWith('application/grpc') || responseType.startsWith('application/grpc')) {
    return { protocol: 'grpc', category: 'api', operation: path.replace(/^\//, '') };
  }
  const soapAction = request.headers.soapaction;
  if (soapAction !== undefined || requestType === 'application/soap+xml' || (requestType.endsWith('/xml') && /<(\w+:)?Envelope[\s>]/.test(request.body?.text?.slice(0, 2048) ?? ''))) {
    const action = soapAction?.replace(/^"|"$/g, '') || soapOperation(request.body?.text) || undefined;
    return { protocol: 'soap', category: 'api', operation: action };
  }
  const graphql = graphqlOperation(request.method, requestType, request.body?.text, searchParams, path);
  if (graphql) return { protocol: 'graphql', category: 'api', operation: graphql };
  if (request.method === 'GET' || request.method === 'HEAD') {
    if (HEALTH.test(path)) return { protocol: 'rest', category: 'health' };
    if (STATIC_EXTENSION.test(path) || STATIC_TYPE.test(responseType)) return { protocol: 'rest', category: 'static' };
  }
  if (requestType === 'application/x-www-form-urlencoded' || requestType === 'multipart/form-data') return { protocol: 'form', category: 'api' };
  return { protocol: 'rest', category: 'api' };
}

function graphqlOperation(method: string, mediaType: string, body: string | undefined, params: URLSearchParams, path: string): string | undefined {
  let query: string | undefined;
  let name: string | undefined;
  if (method === 'GET' && params.has('query')) {
    query = params.get('query') ?? '';
    name = params.get('operationName') ?? undefined;
  } else if (mediaType === 'application/graphql') {
    query = body;
  } else if (body && (mediaType === 'application/json' || mediaType === '') && /graphql/i.test(path) || (body && /^\s*[[{]\s*"(query|operationName)"/.test(body.slice(0, 64)))) {
    try {
      const parsed = JSON.parse(body!) as unknown;
      const first = Array.isArray(parsed) ? parsed[0] : parsed;
      if (first && typeof first === 'object' && typeof (first as { query?: unknown }).query === 'string') {
        query = (first as { query: string }).query;
        name = typeof (first as { operationName?: unknown }).operationName === 'string' ? (first as { operationName: string }).operationName : undefined;
      }
    } catch {
      return undefined;
    }
  }
  if (query === undefined) return undefined;
  const match = GRAPHQL_OPERATION.exec(query);
  const type = match?.[1] ?? 'query';
  return `${type} ${name ?? match?.[2] ?? '(anonymous)'}`;
}

function soapOperation(body: string | undefined): string | undefined {
  if (!body) return undefined;
  const match = /<(?:\w+:)?Body[^>]*>\s*<(?:\w+:)?(\w+)/.exec(body.slice(0, 8192));
  return match?.[1];
}
