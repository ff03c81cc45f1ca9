/**
 * Prometheus text exposition, written by hand (no client library): counters and histograms with a
 * bounded label set. Labels are operation id, method, status class, detector — never a raw path or
 * an identity, so cardinality is bounded by the description.
 */

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE']);
const MAX_SERIES = 5000;

type Labels = Record<string, string>;

class Counter {
  readonly series = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}

  inc(labels: Labels = {}, amount = 1): void {
    const key = labelKey(labels);
    const entry = this.series.get(key);
    if (entry) entry.value += amount;
    else if (this.series.size < MAX_SERIES) this.series.set(key, { labels, value: amount });
  }

  value(labels: Labels = {}): number {
    return this.series.get(labelKey(labels))?.value ?? 0;
  }

  render(out: string[]): void {
    out.push(`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`);
    for (const { labels, value } of this.series.values()) out.push(`${this.name}${formatLabels(labels)} ${value}`);
  }
}

class Histogram {
  readonly series = new Map<string, { labels: Labels; buckets: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string) {}

  observe(labels: Labels, seconds: number): void {
    const key = labelKey(labels);
    let entry = this.series.get(key);
    if (!entry) {
      if (this.series.size >= MAX_SERIES) return;
      entry = { labels, buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, entry);
    }
    for (let k = 0; k < LATENCY_BUCKETS.length; k++) if (seconds <= LATENCY_BUCKETS[k]!) entry.buckets[k]!++;
    entry.sum += seconds;
    entry.count++;
  }

  render(out: string[]): void {
    out.push(`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`);
    for (const { labels, buckets, sum, count } of this.series.values()) {
      LATENCY_BUCKETS.forEach((bound, k) => out.push(`${this.name}_bucket${formatLabels({ ...labels, le: String(bound) })} ${buckets[k]}`));
      out.push(`${this.name}_bucket${formatLabels({ ...labels, le: '+Inf' })} ${count}`, `${this.name}_sum${formatLabels(labels)} ${sum}`, `${this.name}_count${formatLabels(labels)} ${count}`);
    }
  }
}

/** Values only, in the labels' own order: every call site of one metric passes the same names. */
function labelKey(labels: Labels): string {
  let key = '';
  for (const name in labels) key += labels[name] + '\u0000';
  return key;
}

function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}

/** `GET`, or `OTHER` for anything outside the standard methods (clients choose methods freely). */
export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : 'OTHER';
}

export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'none';
}

/** Every metric the proxy exposes. `outcome` accounts for each request exactly once. */
export class ProxyMetrics {
  readonly requests = new Counter('rampart_proxy_requests_total', 'Requests answered, by operation id, method, status class and outcome (forwarded, blocked, rejected, upstream_error, upstream_timeout, client_aborted).');
  readonly received = new Counter('rampart_proxy_requests_received_total', 'Requests received (every one ends in exactly one rampart_proxy_requests_total outcome, or is in flight).');
  readonly upstreamSeconds = new Histogram('rampart_proxy_upstream_duration_seconds', 'Time from sending the request upstream to the end of its response, by operation id and method.');
  readonly proxySeconds = new Histogram('rampart_proxy_overhead_duration_seconds', 'Time spent in the proxy before forwarding (identity, matching, request-phase detectors), by operation id and method.');
  readonly validationFailures = new Counter('rampart_proxy_validation_failures_total', 'Contract violations, by operation id, method and direction (request, response).');
  readonly alerts = new Counter('rampart_proxy_alerts_total', 'Alerts raised, by detector, operation id and action (alerted, blocked, would-block).');
  readonly clientErrors = new Counter('rampart_proxy_client_errors_total', 'Connections refused before a request could be parsed (malformed, oversized headers, timeouts), by reason.');
  readonly storeDropped = new Counter('rampart_proxy_store_dropped_total', 'Records the store could not keep (queue full or write failed); traffic was not affected.');
  readonly webhookDropped = new Counter('rampart_proxy_webhook_dropped_total', 'Alerts the webhook queue dropped or failed to deliver.');
  inFlight = 0;
  detectorState = () => 0;

  render(): string {
    const out: string[] = [];
    for (const metric of [this.received, this.requests, this.upstreamSeconds, this.proxySeconds, this.validationFailures, this.alerts, this.clientErrors, this.storeDropped, this.webhookDropped]) metric.render(out);
    out.push('# HELP rampart_proxy_in_flight Requests being handled now.', '# TYPE rampart_proxy_in_flight gauge', `rampart_proxy_in_flight ${this.inFlight}`);
    out.push('# HELP rampart_proxy_detector_state_entries Entries held by detectors (bounded by their maxTracked thresholds).', '# TYPE rampart_proxy_detector_state_entries gauge', `rampart_proxy_detector_state_entries ${this.detectorState()}`);
    const memory = process.memoryUsage();
    out.push('# HELP rampart_proxy_resident_memory_bytes Resident set size.', '# TYPE rampart_proxy_resident_memory_bytes gauge', `rampart_proxy_resident_memory_bytes ${memory.rss}`);
    return out.join('\n') + '\n';
  }
}
