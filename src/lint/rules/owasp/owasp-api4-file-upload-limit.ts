import { defineRule } from '../../rule.js';
import { forEachProperty, isObject, operationSite, resolveAt, type Json, type Located } from './support/api.js';

const BINARY_MEDIA = /^(application\/octet-stream|application\/pdf|application\/zip|image\/|video\/|audio\/)/i;

export default defineRule({
  id: 'owasp-api4-file-upload-limit',
  meta: {
    description: 'File uploads must declare a maximum size (maxLength on the binary schema).',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API4:2023'],
    cwe: ['CWE-400'],
    messages: {
      noLimit: '{{method}} {{path}} accepts a file ({{what}}) without a size limit (maxLength).',
      oas2File: '{{method}} {{path}} accepts a file in form field "{{name}}"; Swagger 2.0 cannot bound it, so document the limit with x-max-size.',
    },
    docs: {
      why: 'Uploads without a size limit let one client fill disks, memory and bandwidth, and make decompression bombs easy.',
      fix: 'Enforce a size limit and declare it with `maxLength` (bytes) on the binary schema.',
      bad: 'requestBody:\n  content:\n    multipart/form-data:\n      schema:\n        properties:\n          file: { type: string, format: binary }',
      good: 'requestBody:\n  content:\n    multipart/form-data:\n      schema:\n        properties:\n          file: { type: string, format: binary, maxLength: 10485760 }',
    },
  },
  create() {
    const seen = new Set<object>();
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (!isObject(node)) return;
        const data = { method: site.method.toUpperCase(), path: site.path };
        if (ctx.format === 'oas2') {
          const parameters = Array.isArray(node.parameters) ? node.parameters : [];
          // One segment at a time: no pointer is spelled out unless a finding needs it.
          const parametersAt = ctx.location.child('parameters');
          for (let index = 0; index < parameters.length; index++) {
            const parameter = resolveAt(ctx.document, parameters[index], parametersAt.child(index));
            if (!parameter || !isObject(parameter.node) || parameter.node.type !== 'file') continue;
            if (parameter.node['x-max-size'] === undefined && parameter.node.maxLength === undefined) ctx.report({ messageId: 'oas2File', data: { ...data, name: String(parameter.node.name) }, location: parameter.location });
          }
          return;
        }
        const body = resolveAt(ctx.document, node.requestBody, ctx.location.child('requestBody'));
        if (!body || !isObject(body.node) || !isObject(body.node.content)) return;
        for (const [mediaType, media] of Object.entries(body.node.content)) {
          if (!isObject(media)) continue;
          const schemaAt = body.location.child('content').child(mediaType).child('schema');
          const schema = media.schema === undefined ? undefined : resolveAt(ctx.document, media.schema, schemaAt);
          if (BINARY_MEDIA.test(mediaType)) {
            // A raw binary body: the schema (if any) is the file.
            if (!schema || !isObject(schema.node) || schema.node.maxLength === undefined) ctx.report({ messageId: 'noLimit', data: { ...data, what: mediaType }, location: schema?.location ?? body.location.child('content', mediaType) });
            continue;
          }
          if (!schema || !isObject(schema.node)) continue;
          forEachProperty(ctx.document, [schema as Located], seen, (property) => {
            if (isFile(property.schema.node) && property.schema.node.maxLength === undefined) ctx.report({ messageId: 'noLimit', data: { ...data, what: `property "${property.name}"` }, location: property.schema.location });
          });
        }
      },
    };
  },
});

function isFile(schema: Json): boolean {
  if (schema.format === 'binary' || schema.format === 'byte' || typeof schema.contentMediaType === 'string' || schema.contentEncoding === 'base64') return true;
  return isObject(schema.items) && ((schema.items as Json).format === 'binary');
}
