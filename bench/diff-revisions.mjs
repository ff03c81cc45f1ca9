/**
 * Derives a realistic next version of an API description (a parsed Swagger 2.0 / OpenAPI 3.x
 * value): a path parameter renamed, an operation removed, a query parameter tightened, a required
 * request property added, a response property removed, an operation deprecated without a sunset
 * date, an operationId renamed. Each edit hits a different operation and names the change Rampart
 * must report, so a diff of the pair can be checked, not just timed.
 */
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function deriveRevision(spec) {
  const doc = structuredClone(spec);
  const oas2 = typeof doc.swagger === 'string';
  const expected = [];
  const used = new Set();
  const resolve = (node) => {
    for (let i = 0; i < 20 && node && typeof node.$ref === 'string' && node.$ref.startsWith('#/'); i++) {
      node = node.$ref
        .slice(2)
        .split('/')
        .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((at, key) => (at == null ? undefined : at[key]), doc);
    }
    return node && typeof node.$ref === 'string' ? undefined : node;
  };
  const operations = () =>
    Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      item && !item.$ref ? METHODS.filter((m) => item[m] && typeof item[m] === 'object').map((method) => ({ path, method, item, op: item[method] })) : [],
    );
  const label = ({ method, path }) => `${method.toUpperCase()} ${path}`;
  const pick = (predicate) => {
    const found = operations().find((o) => !used.has(label(o)) && !o.op.deprecated && predicate(o));
    if (found) used.add(label(found));
    return found;
  };

  // 1. Rename a path parameter everywhere on one path (all its declarations inline).
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const name = /\{([^}]+)\}/.exec(path)?.[1];
    if (!name || !item || item.$ref) continue;
    const ops = METHODS.filter((m) => item[m]);
    const lists = [item.parameters ?? [], ...ops.map((m) => item[m].parameters ?? [])];
    const declared = lists.flat().filter((p) => p && (p.$ref || (p.in === 'path' && p.name === name)));
    if (ops.length === 0 || declared.length === 0 || declared.some((p) => p.$ref)) continue;
    const renamed = `${name}Key`;
    for (const p of declared) p.name = renamed;
    const newPath = path.replace(`{${name}}`, `{${renamed}}`);
    doc.paths = Object.fromEntries(Object.entries(doc.paths).map(([key, value]) => [key === path ? newPath : key, value]));
    for (const method of ops) {
      used.add(label({ method, path: newPath }));
      expected.push({ id: 'request-path-parameter-renamed', operation: label({ method, path: newPath }) });
    }
    break;
  }

  // 2. Remove an operation that was never deprecated.
  const removed = pick(() => true);
  if (removed) {
    delete removed.item[removed.method];
    expected.push({ id: 'endpoint-removed-without-deprecation', operation: label(removed) });
  }

  // 3. Tighten an inline query parameter: a lower maximum (integers) or a maximum length (strings).
  const schemaOf = (p) => (oas2 ? p : p.schema && !p.schema.$ref ? p.schema : undefined);
  const tightenable = (p) => p && !p.$ref && p.in === 'query' && ['integer', 'string'].includes(schemaOf(p)?.type) && schemaOf(p).enum === undefined;
  const tightened = pick((o) => (o.op.parameters ?? []).some(tightenable));
  if (tightened) {
    const schema = schemaOf(tightened.op.parameters.find(tightenable));
    if (schema.type === 'integer') schema.maximum = typeof schema.maximum === 'number' ? schema.maximum - 1 : 1000;
    else schema.maxLength = typeof schema.maxLength === 'number' ? Math.max(0, schema.maxLength - 1) : 64;
    expected.push({ id: 'request-parameter-max-decreased', operation: label(tightened) });
  }

  // 4. Add a required property to a JSON request body (to its shared schema, when it is a $ref).
  const requestSchema = (o) => {
    if (oas2) return resolve((o.op.parameters ?? []).map(resolve).find((p) => p?.in === 'body')?.schema);
    const body = resolve(o.op.requestBody);
    return resolve(body?.content?.['application/json']?.schema);
  };
  const bodyOp = pick((o) => {
    const schema = requestSchema(o);
    return schema && schema.properties && typeof schema.properties === 'object' && !schema.allOf;
  });
  if (bodyOp) {
    const schema = requestSchema(bodyOp);
    schema.properties.rampartAdded = { type: 'string' };
    schema.required = [...(Array.isArray(schema.required) ? schema.required : []), 'rampartAdded'];
    expected.push({ id: 'request-property-added-required', operation: label(bodyOp) });
  }

  // 5. Remove a property from a success response body.
  const responseSchema = (o) => {
    const response = resolve(o.op.responses?.['200'] ?? o.op.responses?.['201']);
    return resolve(oas2 ? response?.schema : response?.content?.['application/json']?.schema);
  };
  const responseOp = pick((o) => {
    const schema = responseSchema(o);
    return schema && !schema.allOf && schema.properties && Object.keys(schema.properties).length > 1 && !Object.values(schema.properties).some((p) => p?.writeOnly);
  });
  if (responseOp) {
    const schema = responseSchema(responseOp);
    const name = Object.keys(schema.properties)[0];
    delete schema.properties[name];
    if (Array.isArray(schema.required)) schema.required = schema.required.filter((r) => r !== name);
    expected.push({ id: 'response-property-removed', operation: label(responseOp) });
  }

  // 6. Deprecate an operation without announcing a sunset date.
  const deprecated = pick(() => true);
  if (deprecated) {
    deprecated.op.deprecated = true;
    expected.push({ id: 'endpoint-deprecated-without-sunset', operation: label(deprecated) });
  }

  // 7. Rename an operationId.
  const renamedId = pick((o) => typeof o.op.operationId === 'string');
  if (renamedId) {
    renamedId.op.operationId += 'V2';
    expected.push({ id: 'operation-id-changed', operation: label(renamedId) });
  }
  return { value: doc, expected };
}

/** Which expected changes a list of findings (JSON report shape) contains. */
export function checkExpected(findings, expected) {
  const seen = new Set(findings.map((f) => `${f.ruleId} ${f.operation ?? f.fields?.operation ?? ''}`));
  return expected.map((e) => ({ ...e, found: seen.has(`${e.id} ${e.operation}`) }));
}
