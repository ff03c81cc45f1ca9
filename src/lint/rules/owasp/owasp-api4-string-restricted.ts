import { defineRule } from '../../rule.js';
import { hasType } from './support/api.js';
import { primitiveVisitor } from './support/primitive.js';

export default defineRule({
  id: 'owasp-api4-string-restricted',
  meta: {
    description: 'String schemas should restrict their content with format, pattern, enum or const.',
    // info, not Spectral's warn: free text (names, descriptions, messages) has no format or pattern to
    // give, and such strings are most of every real document (22,483 findings on the corpus); the
    // resource bound that matters is maxLength, which owasp-api4-string-limit checks as an error.
    defaultSeverity: 'info',
    recommended: true,
    owasp: ['API4:2023'],
    cwe: ['CWE-20'],
    messages: { unrestricted: 'String schema has no format, pattern, enum or const.' },
    docs: {
      why: 'Free-form strings carry injection payloads and unexpected values; a format or pattern lets the server reject them at the edge.',
      fix: 'Add a `format`, a `pattern`, an `enum` or a `const`.',
      bad: 'type: string\nmaxLength: 20',
      good: 'type: string\nmaxLength: 20\npattern: "^[A-Z]{2}[0-9]{6}$"',
    },
  },
  create() {
    return primitiveVisitor((node, ctx) => {
      if (!hasType(node, 'string')) return;
      if (node.format !== undefined || node.pattern !== undefined || node.enum !== undefined || node.const !== undefined) return;
      ctx.report({ messageId: 'unrestricted' });
    });
  },
});
