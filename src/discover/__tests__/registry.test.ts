import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SEVERITIES } from '../../core/severity.js';
import { dataClassifiers } from '../../traffic/classifiers/index.js';
import { trafficReaders } from '../../traffic/readers/index.js';
import { discoverChecks } from '../checks/index.js';

const here = import.meta.dirname;

describe('discover registries', () => {
  for (const [id, check] of Object.entries(discoverChecks)) {
    it(`check ${id}: id matches its file, metadata complete`, () => {
      assert.equal(check.id, id);
      assert.ok(existsSync(path.join(here, '..', 'checks', `${id}.ts`)), `src/discover/checks/${id}.ts`);
      assert.ok(check.description.length > 20 && check.fix.length > 10);
      assert.ok((SEVERITIES as readonly string[]).includes(check.defaultSeverity));
      assert.ok(check.owasp.every((tag) => /^API\d{1,2}:2023$/.test(tag)), check.owasp.join());
      assert.ok(check.cwe.every((tag) => /^CWE-\d+$/.test(tag)));
    });
  }
  for (const [id, classifier] of Object.entries(dataClassifiers)) {
    it(`classifier ${id}: id matches its file and it can detect something`, () => {
      assert.equal(classifier.id, id);
      assert.ok(existsSync(path.join(here, '..', '..', 'traffic', 'classifiers', `${id}.ts`)));
      assert.ok(classifier.byValue || classifier.byName);
    });
  }
  for (const [id, reader] of Object.entries(trafficReaders)) {
    it(`reader ${id}: id and description`, () => {
      assert.equal(reader.id, id);
      assert.ok(reader.description.length > 10);
    });
  }
});
