/**
 * Prometheus text exposition, written by hand (no client library): counters and histograms with a
 * bounded label set. Labels are operation id, method, status class, detector — never a raw path or
 * an identity, so cardinality is bounded by the description.
 */

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BUCKET_TEXT = LATENCY_BUCKETS.map(String);
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE']);
const MAX_SERIES = 5000;

type Labels = Record<string, string>;

/** One labelled series of a counter; callers on the request path keep it instead of building labels per request. */
export interface CounterSeries {
  labels: Labels;
  value: number;
}

/** One labelled series of a histogram: per-bucket counts (made cumulative when rendered). */
export interface HistogramSeries {
  labels: Labels;
  buckets: number[];
  sum: number;
  count: number;
}

class Counter {
  readonly series = new Map<string, CounterSeries>();
  constructor(readonly name: string, readonly help: string) {}

  inc(labels: Labels = {}, amount = 1): void {
    this.seriesFor(labels).value += amount;
  }

  /** The series for these labels; beyond `MAX_SERIES` a detached one that counts but is not exposed. */
  seriesFor(labels: Labels): CounterSeries {
    const key = labelKey(labels);
    let entry = this.series.get(key);
    if (!entry) {
      entry = { labels, value: 0 };
      if (this.series.size < MAX_SERIES) this.series.set(key, entry);
    }
    return entry;
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
  readonly series = new Map<string, HistogramSeries>();
  constructor(readonly name: string, readonly help: string) {}

  observe(labels: Labels, seconds: number): void {
    observeSeries(this.seriesFor(labels), seconds);
  }

  /** The series for these labels; beyond `MAX_SERIES` a detached one that is not exposed. */
  seriesFor(labels: Labels): HistogramSeries {
    const key = labelKey(labels);
    let entry = this.series.get(key);
    if (!entry) {
      entry = { labels, buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
      if (this.series.size < MAX_SERIES) this.series.set(key, entry);
    }
    return entry;
  }

  render(out: string[]): void {
    out.push(`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`);
    for (const { labels, buckets, sum, count } of this.series.values()) {
      // The label text once per series; each bucket line only appends its bound (a scrape of
      // thousands of series stays short on the proxy's thread).
      const text = formatLabels(labels);
      const prefix = `${this.name}_bucket{${text ? `${text.slice(1, -1)},` : ''}le="`;
      let cumulative = 0;
      for (let k = 0; k < LATENCY_BUCKETS.length; k++) {
        cumulative += buckets[k]!;
        out.push(`${prefix}${BUCKET_TEXT[k]}"} ${cumulative}`);
      }
      out.push(`${prefix}+Inf"} ${count}`, `${this.name}_sum${text} ${sum}`, `${this.name}_count${text} ${count}`);
    }
  }
}

/** Counts one observation in its own bucket only (the first bound it fits under); rendering sums them up. */
export function observeSeries(series: HistogramSeries, seconds: number): void {
  for (let k = 0; k < LATENCY_BUCKETS.length; k++) {
    if (seconds <= LATENCY_BUCKETS[k]!) {
      series.buckets[k]!++;
      break;
    }
  }
  series.sum += seconds;
  series.count++;
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

const STATUS_CLASSES = ['none', '1xx', '2xx', '3xx', '4xx', '5xx'];

export function statusClass(status: number): string {
  return STATUS_CLASSES[statusClassIndex(status)]!;
}

function statusClassIndex(status: number): number {
  return status >= 100 && status < 600 ? Math.floor(status / 100) : 0;
}

/**
 * The series one operation and method write to on every request, looked up once per request
 * (two Map reads) instead of building four label objects and their keys.
 */
export class RouteMetrics {
  readonly proxySeconds: HistogramSeries;
  readonly upstreamSeconds: HistogramSeries;
  /** outcome → status class index → series. */
  private readonly answered = new Map<string, CounterSeries[]>();

  constructor(private readonly metrics: ProxyMetrics, readonly operation: string, readonly method: string) {
    this.proxySeconds = metrics.proxySeconds.seriesFor({ operation, method });
    this.upstreamSeconds = metrics.upstreamSeconds.seriesFor({ operation, method });
  }

  /** One request answered: `rampart_proxy_requests_total{operation, method, status_class, outcome}`. */
  answer(outcome: string, status: number): void {
    let byClass = this.answered.get(outcome);
    if (!byClass) this.answered.set(outcome, (byClass = []));
    const index = statusClassIndex(status);
    (byClass[index] ??= this.metrics.requests.seriesFor({ operation: this.operation, method: this.method, status_class: STATUS_CLASSES[index]!, outcome })).value++;
  }
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
  /** operation label → method label → its series (bounded: operation labels come from the description). */
  private readonly routes = new Map<string, Map<string, RouteMetrics>>();

  /** The per-request series of an operation id (or `(undocumented)` / `(unmatched)`) and method label. */
  route(operation: string, method: string): RouteMetrics {
    let byMethod = this.routes.get(operation);
    if (!byMethod) this.routes.set(operation, (byMethod = new Map()));
    let route = byMethod.get(method);
    if (!route) byMethod.set(method, (route = new RouteMetrics(this, operation, method)));
    return route;
  }

  render(): string {
    const out: string[] = [];
    for (const metric of [this.received, this.requests, this.upstreamSeconds, this.proxySeconds, this.validationFailures, this.alerts, this.clientErrors, this.storeDropped, this.webhookDropped]) metric.render(out);
    out.push('# HELP rampart_proxy_in_flight Requests being handled now.', '# TYPE rampart_proxy_in_flight gauge', `rampart_proxy_in_flight ${this.inFlight}`);
    out.push('# HELP rampart_proxy_detector_state_entries Entries held by detectors (bounded by their maxTracked thresholds).', '# TYPE rampart_proxy_detector_state_entries gauge', `rampart_proxy_detector_state_entries ${this.detectorState()}`);
    const memory = process.memoryUsage();
    out.push('# HELP rampart_proxy_resident_memory_bytes Resident set size.', '# TYPE rampart_proxy_resident_memory_bytes gauge', `rampart_proxy_resident_memory_bytes ${memory.rss}`);
    // What the JavaScript heap holds now: what detector state and queues really use; RSS also counts room the garbage collector keeps.
    out.push('# HELP rampart_proxy_heap_used_bytes JavaScript heap in use (live objects and garbage not yet collected).', '# TYPE rampart_proxy_heap_used_bytes gauge', `rampart_proxy_heap_used_bytes ${memory.heapUsed}`);
    return out.join('\n') + '\n';
  }
}
