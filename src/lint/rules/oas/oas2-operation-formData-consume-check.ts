import { defineRule } from '../../rule.js';
import { isObject, isPathsOperation } from './support/nodes.js';

const FORM_MEDIA_TYPE = /(application\/x-www-form-urlencoded|multipart\/form-data)/;

export default defineRule({
  id: 'oas2-operation-formData-consume-check',
  meta: {
    description: 'Operations with an "in: formData" parameter must consume "application/x-www-form-urlencoded" or "multipart/form-data".',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas2'],
    messages: { consumes: 'Operations with "in: formData" parameter must include "application/x-www-form-urlencoded" or "multipart/form-data" in their "consumes" property.' },
    docs: {
      why: 'Form parameters are only sent in a form-encoded or multipart body; any other media type makes the operation impossible to call as described.',
      fix: 'Add `application/x-www-form-urlencoded` or `multipart/form-data` to the operation\'s `consumes`.',
      bad: 'post:\n  consumes: [application/json]\n  parameters:\n    - { name: file, in: formData, type: file }',
      good: 'post:\n  consumes: [multipart/form-data]\n  parameters:\n    - { name: file, in: formData, type: file }',
    },
  },
  create() {
    return {
      Operation(operation, ctx) {
        if (!isPathsOperation(ctx) || !Array.isArray(operation.consumes) || !Array.isArray(operation.parameters)) return;
        const hasForm = operation.parameters.some((parameter: unknown) => {
          const { node } = ctx.resolve(parameter);
          return isObject(node) && node.in === 'formData';
        });
        if (hasForm && !FORM_MEDIA_TYPE.test(operation.consumes.join(','))) ctx.report({ messageId: 'consumes' });
      },
    };
  },
});
