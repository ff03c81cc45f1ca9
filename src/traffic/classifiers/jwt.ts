import { defineClassifier } from './classifier.js';

const JWT = /^(Bearer\s+)?eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

export default defineClassifier({
  id: 'jwt',
  description: 'JSON Web Tokens (credentials).',
  byValue: (value) => value.length < 16384 && JWT.test(value),
});
