import { defineRule } from '../../rule.js';
import { isObject, operationSite, resolveAt, responsesOf, type Json } from '../owasp/support/api.js';

const JSON_MEDIA = /(^application\/(.+\+)?json)|(^\*\/\*$)|(^application\/x-www-form-urlencoded$)|(^multipart\/form-data$)/i;

export default defineRule({
  id: 'media-examples-defined',
  meta: {
    description: 'Request bodies and success responses carry an example (media `example`/`examples`, or an example on the schema).',
    defaultSeverity: 'info',
    recommended: true,
    messages: {
      request: '{{method}} {{path}}: the {{mediaType}} request body has no example.',
      response: '{{method}} {{path}}: the {{code}} {{mediaType}} response has no example.',
    },
    docs: {
      why: 'Examples are what developers copy first; they feed mock servers, documentation and contract tests. (Whether examples are valid against their schemas is checked by the `*-valid-*-example` rules.)',
      fix: 'Add `example` or `examples` to the media type, or an `example` to its schema.',
      bad: 'content:\n  application/json:\n    schema: { $ref: "#/components/schemas/User" }',
      good: 'content:\n  application/json:\n    schema: { $ref: "#/components/schemas/User" }\n    example: { id: "8d1f…", name: Ada }',
    },
  },
  create() {
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (site.kind !== 'path' || !isObject(node)) return;
        const data = { method: site.method.toUpperCase(), path: site.path };
        const body = resolveAt(ctx.document, node.requestBody, ctx.location.child('requestBody'));
        if (body && isObject(body.node) && isObject(body.node.content)) {
          for (const [mediaType, media] of Object.entries(body.node.content)) {
            if (JSON_MEDIA.test(mediaType) && isObject(media) && !hasExample(ctx.document, media, body.location.child('content', mediaType))) {
              ctx.report({ messageId: 'request', data: { ...data, mediaType }, location: body.location.child('content', mediaType) });
            }
          }
        }
        for (const [code, response] of responsesOf(ctx.document, node, ctx.location)) {
          if (!/^2/.test(code)) continue;
          if (isObject(response.node.content)) {
            for (const [mediaType, media] of Object.entries(response.node.content)) {
              if (JSON_MEDIA.test(mediaType) && isObject(media) && !hasExample(ctx.document, media, response.location.child('content', mediaType))) {
                ctx.report({ messageId: 'response', data: { ...data, code, mediaType }, location: response.location.child('content', mediaType) });
              }
            }
          } else if (response.node.schema !== undefined && response.node.examples === undefined && !hasExample(ctx.document, response.node, response.location)) {
            ctx.report({ messageId: 'response', data: { ...data, code, mediaType: 'body' }, location: response.location });
          }
        }
      },
    };
  },
});

/** A media type (or a 2.0 response) with an example of its own or on its (resolved) schema. */
function hasExample(document: Parameters<typeof resolveAt>[0], media: Json, at: Parameters<typeof resolveAt>[2]): boolean {
  if (media.example !== undefined || (isObject(media.examples) && Object.keys(media.examples).length > 0)) return true;
  if (media.schema === undefined) return true; // nothing to exemplify
  const schema = resolveAt(document, media.schema, at.child('schema'));
  if (!schema || !isObject(schema.node)) return true;
  const node = schema.node as Json;
  if (node.example !== undefined || (Array.isArray(node.examples) && node.examples.length > 0)) return true;
  if (isObject(node.items) && (node.items as Json).example !== undefined) return true;
  return false;
}
