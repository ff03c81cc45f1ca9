import { defineRule } from '../../rule.js';
import { markdownVisitor } from './support/markdown-rule.js';

export default defineRule({
  id: 'no-script-tags-in-markdown',
  meta: {
    description: 'Markdown descriptions must not contain "<script>" tags.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    cwe: ['CWE-79'],
    messages: { forbidden: 'Markdown descriptions must not have "<script>" tags.' },
    docs: {
      why: 'Descriptions are rendered as HTML in documentation portals; a `<script>` tag runs in the readers\' browsers (stored XSS).',
      fix: 'Remove the script tag from the description.',
      bad: "info:\n  description: 'Welcome <script>alert(1)</script>'",
      good: 'info:\n  description: Welcome to the Shop API.',
    },
  },
  create: () => markdownVisitor(/<script/),
});
