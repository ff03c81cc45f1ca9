import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'contact-properties',
  meta: {
    description: 'Contact object must have "name", "url" and "email".',
    defaultSeverity: 'warning',
    recommended: false,
    spectralPositions: true,
    messages: { missing: 'Contact object must have "name", "url" and "email".' },
    docs: {
      why: 'A complete contact lets consumers reach the team by the channel they prefer.',
      fix: 'Add the missing `name`, `url` or `email` to `info.contact`.',
      bad: 'contact:\n  name: Shop team',
      good: "contact:\n  name: Shop team\n  url: 'https://shop.example/support'\n  email: api@shop.example",
    },
  },
  create() {
    return {
      Contact(contact, ctx) {
        if (ctx.ancestors.at(-1)?.type !== 'Info') return;
        // One finding on the contact, however many fields are missing, as Spectral reports it.
        if (!contact.name || !contact.url || !contact.email) ctx.report({ messageId: 'missing' });
      },
    };
  },
});
