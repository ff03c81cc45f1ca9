import { defineClassifier } from './classifier.js';

export default defineClassifier({
  id: 'private-key',
  description: 'PEM private keys.',
  byValue: (value) => value.includes('-----BEGIN') && /-----BEGIN ([A-Z]+ )*PRIVATE KEY( BLOCK)?-----/.test(value),
});
