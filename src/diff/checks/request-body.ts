import { defineChange, type Check } from '../types.js';

/** The request body as a whole: present or not, required or not, which media types. */
const requestBody: Check = {
  name: 'request-body',
  definitions: [
    defineChange('request-body-added-required', 'breaking', 'request', 'request-body', 'existence', 'add'),
    defineChange('request-body-added', 'info', 'request', 'request-body', 'existence', 'add'),
    defineChange('request-body-removed', 'warning', 'request', 'request-body', 'existence', 'remove'),
    defineChange('request-body-became-required', 'breaking', 'request', 'request-body', 'requiredness', 'change'),
    defineChange('request-body-became-optional', 'info', 'request', 'request-body', 'requiredness', 'change'),
    defineChange('request-body-media-type-added', 'info', 'request', 'request-body', 'existence', 'add'),
    defineChange('request-body-media-type-removed', 'breaking', 'request', 'request-body', 'existence', 'remove'),
  ],
  run(context) {
    for (const { base: baseOp, revision: op } of context.pairs) {
      const base = baseOp.requestBody;
      const revision = op.requestBody;
      if (!base && !revision) continue;
      if (!base) {
        context.report(revision!.required ? 'request-body-added-required' : 'request-body-added', { operation: op, base: baseOp.origin, revision: revision!.origin });
        continue;
      }
      if (!revision) {
        context.report('request-body-removed', { operation: op, base: base.origin, revision: op.origin });
        continue;
      }
      const at = { operation: op, base: base.origin, revision: revision.origin };
      if (!base.required && revision.required) context.report('request-body-became-required', at);
      if (base.required && !revision.required) context.report('request-body-became-optional', at);
      for (const [mediaType, media] of base.content) {
        if (!revision.content.has(mediaType)) context.report('request-body-media-type-removed', { operation: op, base: media.origin, revision: revision.origin, data: { mediaType } });
      }
      for (const [mediaType, media] of revision.content) {
        if (!base.content.has(mediaType)) context.report('request-body-media-type-added', { operation: op, base: base.origin, revision: media.origin, data: { mediaType } });
      }
    }
  },
};

export default requestBody;
