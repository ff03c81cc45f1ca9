import { defineRule } from '../../rule.js';
import { markdownVisitor } from './support/markdown-rule.js';

export default defineRule({
  id: 'no-eval-in-markdown',
  meta: {
    description: 'Markdown descriptions must not contain "eval(".',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    cwe: ['CWE-95'],
    messages: { forbidden: 'Markdown descriptions must not have "eval(".' },
    docs: {
      why: 'Descriptions are rendered as HTML in documentation portals; injected script such as `eval(` runs in the readers\' browsers.',
      fix: 'Remove the script from the description.',
      bad: "info:\n  description: 'Welcome <img src=x onerror=eval(atob(\"...\"))>'",
      good: 'info:\n  description: Welcome to the Shop API.',
    },
  },
  create: () => markdownVisitor(/eval\(/),
});
