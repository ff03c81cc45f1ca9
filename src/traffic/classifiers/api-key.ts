import { defineClassifier, entropy } from './classifier.js';

/** Well-known provider key shapes: these need no field name. */
export const PROVIDER_KEYS: readonly { provider: string; pattern: RegExp }[] = [
  { provider: 'aws-access-key', pattern: /^(AKIA|ASIA)[0-9A-Z]{16}$/ },
  { provider: 'github-token', pattern: /^(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})$/ },
  { provider: 'stripe-secret', pattern: /^(sk|rk)_(live|test)_[0-9A-Za-z]{16,}$/ },
  { provider: 'slack-token', pattern: /^xox[abposr]-[0-9A-Za-z-]{10,}$/ },
  { provider: 'google-api-key', pattern: /^AIza[0-9A-Za-z_-]{35}$/ },
  { provider: 'openai-key', pattern: /^sk-(proj-)?[A-Za-z0-9_-]{32,}$/ },
  { provider: 'sendgrid-key', pattern: /^SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/ },
];

/** Provider keys anywhere; otherwise a high-entropy value in a field named like a key or secret. */
export default defineClassifier({
  id: 'api-key',
  description: 'API keys and secrets (provider patterns, or high entropy in a key/secret field).',
  byValue: (value) => value.length >= 20 && value.length <= 200 && PROVIDER_KEYS.some((key) => key.pattern.test(value)),
  byName: /(api[-_]?key|apikey|secret|access[-_]?key|private[-_]?token|auth[-_]?token|client[-_]?secret|x-api-key)$/i,
  nameNeedsValue: (value) => value.length >= 16 && value.length <= 512 && !/\s/.test(value) && entropy(value) >= 3.5,
});
