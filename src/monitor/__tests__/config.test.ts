import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyDetectorFlags, readProxyConfig } from '../config.js';
import type { DetectorSetting } from '../monitor.js';

test('proxy config: modes and thresholds per detector, trusted proxies, flags merged over it', () => {
  const config = readProxyConfig({ upstream: 'http://127.0.0.1:3000', mode: 'monitor', trustedProxies: ['10.0.0.0/8'], detectors: { bola: { mode: 'enforce', distinctIds: 10 }, scanning: 'off' } }, 'rampart.yaml');
  assert.equal(config.mode, 'monitor');
  assert.deepEqual(config.detectors, { bola: { mode: 'enforce', options: { distinctIds: 10 } }, scanning: { mode: 'off' } });
  const settings: Record<string, DetectorSetting> = { ...config.detectors };
  applyDetectorFlags(settings, ['scanning=monitor'], ['bola.foreignReads=5', 'rate-anomaly.perIdentity=50']);
  assert.deepEqual(settings, {
    bola: { mode: 'enforce', options: { distinctIds: 10, foreignReads: 5 } },
    scanning: { mode: 'monitor' },
    'rate-anomaly': { options: { perIdentity: 50 } },
  });
});

test('proxy config: errors name the key path and what is expected', () => {
  const cases: [unknown, string][] = [
    [{ detectors: { bola: 'on' } }, 'proxy.detectors.bola: expected off, monitor or enforce, got "on"'],
    [{ detectors: { nope: 'off' } }, 'proxy.detectors.nope: unknown detector. Available: rate-anomaly, brute-force, bola, bfla, scanning, sensitive-data, unsafe-jwt, shadow-operation, zombie-operation, request-contract, response-contract, min-version'],
    [{ detectors: { bola: { distinctIds: 'ten' } } }, 'proxy.detectors.bola.distinctIds: expected a number > 0, got "ten"'],
    [{ detectors: { bola: { windowSecs: 3 } } }, 'proxy.detectors.bola.windowSecs: unknown threshold. Known: mode, windowSeconds, distinctIds, foreignReads, givenIdsPerIdentity, maxTracked'],
    [{ retentionDays: 0 }, 'proxy.retentionDays: expected a number > 0, got 0'],
    [{ upstrem: 'x' }, 'proxy.upstrem: unknown key. Known: upstream, listen, admin, store, retentionDays, spec, mode, detectors, trustedProxies, jwtKey, webhook, bflaBaseline, minVersion, upstreamTimeoutMs, maxBodyBytes'],
  ];
  for (const [section, message] of cases) {
    assert.throws(() => readProxyConfig(section, 'rampart.yaml'), (error: Error & { toOneLine: () => string }) => {
      assert.equal(error.toOneLine(), `rampart.yaml: ${message} [RAMPART_CONFIG_INVALID]`);
      return true;
    });
  }
});
