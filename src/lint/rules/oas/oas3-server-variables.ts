import { defineRule } from '../../rule.js';
import { isObject } from './support/nodes.js';

/** Spectral stops after five bad substitutions; so do we, and we bound the product of enum values. */
const MAX_INVALID = 5;
const MAX_SUBSTITUTIONS = 10_000;

export default defineRule({
  id: 'oas3-server-variables',
  meta: {
    description: 'Server variables must be defined and valid, and there must be no unused variables.',
    defaultSeverity: 'error',
    recommended: true,
    spectralPositions: true,
    formats: ['oas3.0', 'oas3.1'],
    messages: {
      unused: 'Server\'s "variables" object has unused defined "{{name}}" url variable.',
      missing: 'Not all server\'s variables are described with "variables" object. Missed: {{names}}.',
      defaultNotInEnum: 'Server Variable "{{name}}" has a default not listed in the enum.',
      noDefault: 'Server Variable "{{name}}" has a missing default.',
      invalidUrls: 'A few substitutions of server variables resulted in invalid URLs: {{urls}}',
      manyInvalidUrls: 'At least 5 substitutions of server variables resulted in invalid URLs: {{urls}} and more',
    },
    docs: {
      why: 'Clients build the server URL from its variables: an undeclared variable cannot be filled, an unused one misleads, and a default outside the enum is a contradiction.',
      fix: 'Declare every `{variable}` of the URL under `variables` with a `default` (within its `enum`), and remove the ones the URL does not use.',
      bad: "servers:\n  - url: 'https://{region}.shop.example/{version}'\n    variables:\n      region: { default: eu, enum: [us] }",
      good: "servers:\n  - url: 'https://{region}.shop.example/{version}'\n    variables:\n      region: { default: eu, enum: [eu, us] }\n      version: { default: v1 }",
    },
  },
  create() {
    return {
      Server(server, ctx) {
        if (!isObject(server) || typeof server.url !== 'string') return;
        const url = server.url;
        const found = (url.match(/{(.+?)}/g) ?? []).map((match) => match.slice(1, -1));
        const variables = isObject(server.variables) ? server.variables : undefined;
        const defined = variables ? Object.keys(variables) : [];
        const at = ctx.location.child('variables');
        for (const name of defined) if (!found.includes(name)) ctx.report({ messageId: 'unused', data: { name }, location: at.child(name) });
        if (found.length === 0) return;
        const missing = defined.length === 0 ? found : found.filter((name) => !defined.includes(name));
        if (missing.length > 0) ctx.report({ messageId: 'missing', data: { names: missing.join(', ') }, location: at });
        if (!variables) return;

        const choices: [string, string[]][] = [];
        for (const name of defined) {
          if (!found.includes(name)) continue;
          const variable = variables[name];
          if (!isObject(variable)) continue;
          if (Array.isArray(variable.enum)) {
            choices.push([name, variable.enum.map(String)]);
            if (variable.default !== undefined && !variable.enum.includes(variable.default)) {
              ctx.report({ messageId: 'defaultNotInEnum', data: { name }, location: at.child(name, 'default') });
            }
          } else choices.push([name, variable.default !== undefined ? [String(variable.default)] : []]);
          if (variable.default === undefined) ctx.report({ messageId: 'noDefault', data: { name }, location: at.child(name) });
        }
        const invalid = invalidSubstitutions(url, choices);
        if (invalid.length >= MAX_INVALID) ctx.report({ messageId: 'manyInvalidUrls', data: { urls: invalid.join(', ') }, location: at });
        else if (invalid.length > 0) ctx.report({ messageId: 'invalidUrls', data: { urls: invalid.join(', ') }, location: at });
      },
    };
  },
});

/** Every combination of variable values substituted into the URL, keeping the first few that do not parse. */
function invalidSubstitutions(url: string, choices: [string, string[]][]): string[] {
  if (choices.length === 0) return [];
  const invalid: string[] = [];
  let tried = 0;
  const substitute = (current: string, index: number): void => {
    if (invalid.length >= MAX_INVALID || tried >= MAX_SUBSTITUTIONS) return;
    const [name, values] = choices[index]!;
    for (const value of values) {
      const next = current.split(`{${name}}`).join(encodeURI(value));
      if (index === choices.length - 1) {
        tried++;
        if (!URL.canParse(next)) invalid.push(next);
        if (invalid.length >= MAX_INVALID || tried >= MAX_SUBSTITUTIONS) return;
      } else substitute(next, index + 1);
    }
  };
  substitute(url, 0);
  return invalid;
}
