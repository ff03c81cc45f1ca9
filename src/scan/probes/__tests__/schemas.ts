import { buildApi, type Operation, type Schema } from '../../../spec/api.js';
import { loadDocument } from '../../../spec/document.js';

/** Named schemas and operations of a small in-memory OpenAPI 3.0 document, through the real loader and Api model. */
export async function apiOf(schemas: Record<string, unknown>, paths: Record<string, unknown> = {}): Promise<{ schema: (name: string) => Schema; operation: (method: string, path: string) => Operation }> {
  const file = '/virtual/scan-test/openapi.json';
  const text = JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths, components: { schemas } });
  const api = buildApi(await loadDocument(file, { overlay: new Map([[file, text]]), overlayOnly: true, cwd: '/virtual/scan-test' }));
  return {
    schema: (name) => api.schemas.get(name)!,
    operation: (method, path) => api.operations.find((operation) => operation.method === method && operation.path === path)!,
  };
}
