import { isIP } from 'node:net';
import { defineClassifier } from './classifier.js';

export default defineClassifier({
  id: 'ip-address',
  description: 'IPv4 and IPv6 addresses (personal data under GDPR when they name a client).',
  byValue: (value) => value.length >= 7 && value.length <= 45 && /^[\d.]+$|^[0-9a-f:.]+$/i.test(value) && isIP(value) !== 0,
});
