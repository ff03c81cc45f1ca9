import { defineClassifier } from './classifier.js';

const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}$/;

export default defineClassifier({
  id: 'email',
  description: 'E-mail addresses (personal data).',
  byValue: (value) => value.length <= 320 && EMAIL.test(value),
});
