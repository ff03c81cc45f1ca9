import { headersByName } from '../pairing.js';
import { defineChange, type Check } from '../types.js';

/** Responses as a whole: statuses, media types and headers. Their schemas are the `schemas` family. */
const responses: Check = {
  name: 'responses',
  definitions: [
    defineChange('response-success-status-removed', 'breaking', 'response', 'responses', 'existence', 'remove'),
    defineChange('response-status-removed', 'warning', 'response', 'responses', 'existence', 'remove'),
    defineChange('response-status-added', 'info', 'response', 'responses', 'existence', 'add'),
    defineChange('response-media-type-removed', 'breaking', 'response', 'responses', 'existence', 'remove'),
    defineChange('response-media-type-added', 'info', 'response', 'responses', 'existence', 'add'),
    defineChange('response-required-header-removed', 'breaking', 'response', 'headers', 'existence', 'remove'),
    defineChange('response-optional-header-removed', 'warning', 'response', 'headers', 'existence', 'remove'),
    defineChange('response-header-became-optional', 'breaking', 'response', 'headers', 'requiredness', 'change'),
    defineChange('response-header-added', 'info', 'response', 'headers', 'existence', 'add'),
  ],
  run(context) {
    for (const { base: baseOp, revision: op } of context.pairs) {
      for (const [status, base] of baseOp.responses) {
        const revision = op.responses.get(status);
        if (!revision) {
          context.report(/^2/.test(status) ? 'response-success-status-removed' : 'response-status-removed', { operation: op, base: base.origin, revision: op.origin, data: { status } });
          continue;
        }
        for (const [mediaType, media] of base.content) {
          if (!revision.content.has(mediaType)) context.report('response-media-type-removed', { operation: op, base: media.origin, revision: revision.origin, data: { status, mediaType } });
        }
        for (const [mediaType, media] of revision.content) {
          if (!base.content.has(mediaType)) context.report('response-media-type-added', { operation: op, base: base.origin, revision: media.origin, data: { status, mediaType } });
        }
        const revisionHeaders = headersByName(revision.headers);
        const baseHeaders = headersByName(base.headers);
        for (const [lower, header] of baseHeaders) {
          const next = revisionHeaders.get(lower);
          const data = { status, name: header.name };
          if (!next) context.report(header.required ? 'response-required-header-removed' : 'response-optional-header-removed', { operation: op, base: header.origin, revision: revision.origin, data });
          else if (header.required && !next.required) context.report('response-header-became-optional', { operation: op, base: header.origin, revision: next.origin, data });
        }
        for (const [lower, header] of revisionHeaders) {
          if (!baseHeaders.has(lower)) context.report('response-header-added', { operation: op, base: base.origin, revision: header.origin, data: { status, name: header.name } });
        }
      }
      for (const [status, revision] of op.responses) {
        if (!baseOp.responses.has(status)) context.report('response-status-added', { operation: op, base: baseOp.origin, revision: revision.origin, data: { status } });
      }
    }
  },
};

export default responses;
