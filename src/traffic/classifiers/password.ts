import { defineClassifier } from './classifier.js';

export default defineClassifier({
  id: 'password',
  description: 'Passwords (by field name, any non-empty value).',
  byName: /(^|[_-])(pass|password|passwd|pwd|passphrase)$|Password$/i,
  nameNeedsValue: (value) => value.length > 0 && value.length <= 1024,
});
