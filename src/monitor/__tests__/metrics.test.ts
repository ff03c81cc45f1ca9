import assert from 'node:assert/strict';
import { test } from 'node:test';
import { observeSeries, ProxyMetrics } from '../metrics.js';

/** The lines of one metric family in a render. */
function family(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name}_`) || line.startsWith(`${name} `));
}

test('metrics: histogram buckets are cumulative in the exposition; each observation counts in its first bucket only', () => {
  const metrics = new ProxyMetrics();
  const route = metrics.route('getItem', 'GET');
  for (const seconds of [0.0004, 0.0005, 0.0007, 0.003, 0.02, 12]) observeSeries(route.upstreamSeconds, seconds);
  assert.deepEqual(route.upstreamSeconds.buckets, [2, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0], 'stored per bucket, not cumulative');
  const labels = 'operation="getItem",method="GET"';
  assert.deepEqual(family(metrics.render(), 'rampart_proxy_upstream_duration_seconds'), [
    `rampart_proxy_upstream_duration_seconds_bucket{${labels},le="0.0005"} 2`,
    `rampart_proxy_upstream_duration_seconds_bucket{${labels},le="0.001"} 3`,
    `rampart_proxy_upstream_duration_seconds_bucket{${labels},le="0.0025"} 3`,
    `rampart_proxy_upstream_duration_seconds_bucket{${labels},le="0.005"} 4`,
    `rampart_proxy_upstream_duration_seconds_bucket{${labels},le="0.01"} 4`,
    `rampart_proxy_upstream_duration_seconds_bucket{${labels},le="0.025"} 5`,
    `rampart_proxy_upstream_duration_seconds_bucket{${labels},le="0.05"} 5`,
    `rampart_proxy_upstream_duration_seconds_bucket{${labels},le="0.1"} 5`,
    `rampart_proxy_upstream_duration_seconds_bucket{${labels},le="0.25"} 5`,
    `rampart_proxy_upstream_duration_seconds_bucket{${labels},le="0.5"} 5`,
    `rampart_proxy_upstream_duration_seconds_bucket{${labels},le="1"} 5`,
    `rampart_proxy_upstream_duration_seconds_bucket{${labels},le="2.5"} 5`,
    `rampart_proxy_upstream_duration_seconds_bucket{${labels},le="5"} 5`,
    `rampart_proxy_upstream_duration_seconds_bucket{${labels},le="10"} 5`,
    `rampart_proxy_upstream_duration_seconds_bucket{${labels},le="+Inf"} 6`,
    `rampart_proxy_upstream_duration_seconds_sum{${labels}} ${0.0004 + 0.0005 + 0.0007 + 0.003 + 0.02 + 12}`,
    `rampart_proxy_upstream_duration_seconds_count{${labels}} 6`,
  ]);
});

test('metrics: route series count requests by status class and outcome, the same series as labelled calls', () => {
  const metrics = new ProxyMetrics();
  const route = metrics.route('getItem', 'GET');
  assert.equal(metrics.route('getItem', 'GET'), route, 'one RouteMetrics per operation and method');
  route.answer('forwarded', 200);
  route.answer('forwarded', 204);
  route.answer('forwarded', 404);
  route.answer('upstream_error', 502);
  metrics.requests.inc({ operation: 'getItem', method: 'GET', status_class: '2xx', outcome: 'forwarded' });
  route.answer('client_aborted', 0);
  assert.deepEqual(family(metrics.render(), 'rampart_proxy_requests_total'), [
    'rampart_proxy_requests_total{operation="getItem",method="GET",status_class="2xx",outcome="forwarded"} 3',
    'rampart_proxy_requests_total{operation="getItem",method="GET",status_class="4xx",outcome="forwarded"} 1',
    'rampart_proxy_requests_total{operation="getItem",method="GET",status_class="5xx",outcome="upstream_error"} 1',
    'rampart_proxy_requests_total{operation="getItem",method="GET",status_class="none",outcome="client_aborted"} 1',
  ]);
});

test('metrics: label values are escaped; a family without labels renders bare', () => {
  const metrics = new ProxyMetrics();
  metrics.clientErrors.inc({ reason: 'a"b\\c\nd' });
  metrics.received.inc();
  const text = metrics.render();
  assert.deepEqual(family(text, 'rampart_proxy_client_errors_total'), ['rampart_proxy_client_errors_total{reason="a\\"b\\\\c\\nd"} 1']);
  assert.deepEqual(family(text, 'rampart_proxy_requests_received_total'), ['rampart_proxy_requests_received_total 1']);
});

test('metrics: process gauges (in flight, detector state, resident memory, heap in use) are rendered with HELP and TYPE, values as numbers', () => {
  const metrics = new ProxyMetrics();
  metrics.inFlight = 3;
  metrics.detectorState = () => 42;
  const text = metrics.render();
  assert.deepEqual(family(text, 'rampart_proxy_in_flight'), ['rampart_proxy_in_flight 3']);
  assert.deepEqual(family(text, 'rampart_proxy_detector_state_entries'), ['rampart_proxy_detector_state_entries 42']);
  for (const name of ['rampart_proxy_resident_memory_bytes', 'rampart_proxy_heap_used_bytes']) {
    assert.match(text, new RegExp(`^# TYPE ${name} gauge$`, 'm'));
    const [line] = family(text, name);
    const value = Number(line?.split(' ')[1]);
    assert.ok(Number.isInteger(value) && value > 1024 * 1024, `${name}: ${line}`);
  }
});
