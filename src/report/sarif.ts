import { isDocumentLocation, type Finding, type Location } from '../core/finding.js';
import { compareSeverity, parseSeverity, type Severity } from '../core/severity.js';
import { absoluteUri, directoryUri, isOutsideRoot, isUrl, placesForCodeHost, relativeUri, reportPath } from './paths.js';
import type { Reporter, ReportContext, RuleInfo } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const RAMPART_HOMEPAGE = 'https://github.com/rampart-dev/rampart';
/** Key of our fingerprint in `partialFingerprints`; bump the suffix if the recipe ever changes. */
export const FINGERPRINT_KEY = 'rampartFingerprint/v1';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';
type Json = Record<string, unknown>;

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * GitHub ranks security alerts by `security-severity` (0-10: ≥9 critical, ≥7 high, ≥4 medium,
 * else low). Our severities map onto the middle of each band.
 */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '3.0', hint: '1.0' };

/**
 * SARIF 2.1.0 for GitHub code scanning and SARIF viewers: one run, the rules that reported,
 * stable `partialFingerprints`, suppressions, and paths relative to `%SRCROOT%` (the cwd).
 */
export const sarif: Reporter = (findings, context) => {
  const rules = collectRules(findings, context);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const artifacts = collectArtifacts(findings, context);
  const artifactIndex = new Map(artifacts.map((artifact, index) => [artifact.uri, index]));
  const locate = (location: Location): Json => toSarifLocation(location, context.cwd, artifactIndex);

  const results = findings.map((finding) => {
    // Code scanning shows files of the checkout: a change found in a git revision leads with its counterpart.
    const { primary, related } = placesForCodeHost(finding, context.revisions);
    const result: Json = {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [locate(primary)],
    };
    if (related.length) {
      result.relatedLocations = related.map((location, index) => ({ id: index + 1, ...locate(location) }));
    }
    if (finding.fingerprint) result.partialFingerprints = { [FINGERPRINT_KEY]: finding.fingerprint };
    if (finding.suppressed) {
      const suppression: Json = { kind: finding.suppressed.kind === 'inline' ? 'inSource' : 'external' };
      if (finding.suppressed.justification) suppression.justification = finding.suppressed.justification;
      result.suppressions = [suppression];
    }
    const properties = withoutUndefined({
      fix: finding.fix,
      evidence: finding.evidence,
      reproduce: finding.reproduce,
      ...finding.fields,
    });
    if (Object.keys(properties).length > 0) result.properties = properties;
    return result;
  });

  const run: Json = {
    tool: {
      driver: {
        name: context.tool.name,
        version: context.tool.version,
        semanticVersion: context.tool.version,
        informationUri: RAMPART_HOMEPAGE,
        rules: rules.map((rule) => rule.descriptor),
      },
    },
    // One category per command, so lint and diff uploads do not replace each other's alerts.
    automationDetails: { id: `${context.tool.name}/${context.command}/` },
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
    artifacts: artifacts.map((artifact) => artifact.descriptor),
    results,
    columnKind: 'utf16CodeUnits',
  };
  if (context.blocks && Object.keys(context.blocks).length > 0) run.properties = { ...context.blocks };

  return JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] }, null, 2) + '\n';
};

interface CollectedRule {
  id: string;
  descriptor: Json;
}

/** The rules that reported, sorted by id; rules missing from the context are described from their findings. */
function collectRules(findings: readonly Finding[], context: ReportContext): CollectedRule[] {
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = byRule.get(finding.ruleId);
    if (group) group.push(finding);
    else byRule.set(finding.ruleId, [finding]);
  }
  return [...byRule.keys()].sort().map((id) => ({ id, descriptor: describeRule(id, byRule.get(id)!, context.rules.get(id)) }));
}

function describeRule(id: string, findings: readonly Finding[], info: RuleInfo | undefined): Json {
  const first = findings[0]!;
  const description = info?.description || id;
  const docsUrl = info?.docsUrl ?? first.docsUrl;
  const foundFix = findings.find((finding) => finding.fix)?.fix;
  // Built-in rules' help already ends with the fix; do not say it twice.
  const fix = foundFix && !info?.help?.includes(foundFix) ? foundFix : undefined;
  const owasp = info?.owasp.length ? [...info.owasp] : unique(findings.flatMap((finding) => finding.owasp));
  const cwe = info?.cwe.length ? [...info.cwe] : unique(findings.flatMap((finding) => finding.cwe));
  const isSecurity = owasp.length > 0 || cwe.length > 0;
  const defaultSeverity = parseDefaultSeverity(info?.defaultSeverity) ?? first.severity;
  const worst = findings.map((finding) => finding.severity).sort(compareSeverity)[0]!;

  const textParts = [description, info?.help, fix && `Fix: ${fix}`, mappingLine(owasp, cwe), docsUrl && `Documentation: ${docsUrl}`];
  const markdownParts = [
    `**${description}**`,
    info?.help,
    fix && `**Fix:** ${fix}`,
    mappingLine(owasp, cwe),
    docsUrl && `[Documentation](${docsUrl})`,
  ];
  const tags = [...(isSecurity ? ['security'] : []), ...owasp, ...cwe.map(cweTag)];
  const properties: Json = { tags };
  if (isSecurity) properties['security-severity'] = SECURITY_SEVERITY[worst];

  return withoutUndefined({
    id,
    shortDescription: { text: description },
    fullDescription: { text: info?.help || description },
    help: { text: join(textParts), markdown: join(markdownParts) },
    helpUri: docsUrl,
    defaultConfiguration: { level: LEVELS[defaultSeverity] },
    properties,
  });
}

function parseDefaultSeverity(value: string | undefined): Severity | undefined {
  const parsed = value === undefined ? undefined : parseSeverity(value);
  return parsed === 'off' ? undefined : parsed;
}

function mappingLine(owasp: readonly string[], cwe: readonly string[]): string | undefined {
  const parts = [owasp.length ? `OWASP API Security Top 10: ${owasp.join(', ')}` : '', cwe.length ? `CWE: ${cwe.join(', ')}` : ''].filter(Boolean);
  return parts.length ? parts.join('; ') : undefined;
}

/** GitHub's convention for CWE tags (`external/cwe/cwe-639`), which its alert filters understand. */
function cweTag(cwe: string): string {
  const number = /^CWE-(\d+)$/i.exec(cwe)?.[1];
  return number ? `external/cwe/cwe-${number}` : cwe;
}

interface CollectedArtifact {
  uri: string;
  descriptor: Json;
}

/** Every file a finding points at, plus the analysed inputs (clean ones too), sorted by URI. */
function collectArtifacts(findings: readonly Finding[], context: ReportContext): CollectedArtifact[] {
  const targets = new Set((context.inputs ?? []).map((file) => artifactUri(file, context.cwd).uri));
  const byUri = new Map<string, ArtifactUri>();
  for (const file of context.inputs ?? []) {
    const uri = artifactUri(file, context.cwd);
    byUri.set(uri.uri, uri);
  }
  for (const finding of findings) {
    for (const location of [finding.location, ...(finding.relatedLocations ?? [])]) {
      if (!isDocumentLocation(location)) continue;
      const uri = artifactUri(location.file, context.cwd);
      byUri.set(uri.uri, uri);
    }
  }
  return [...byUri.values()]
    .sort((a, b) => a.uri.localeCompare(b.uri))
    .map((artifact) => {
      const descriptor: Json = { location: artifactLocationOf(artifact) };
      if (targets.has(artifact.uri)) descriptor.roles = ['analysisTarget'];
      return { uri: artifact.uri, descriptor };
    });
}

interface ArtifactUri {
  uri: string;
  /** Set when the URI is relative to the working directory. */
  uriBaseId?: string;
}

function artifactUri(file: string, cwd: string): ArtifactUri {
  if (isUrl(file)) return { uri: file };
  const relative = reportPath(file, cwd);
  if (isOutsideRoot(relative)) return { uri: absoluteUri(file, cwd) };
  return { uri: relativeUri(relative), uriBaseId: SRCROOT };
}

function artifactLocationOf(artifact: ArtifactUri): Json {
  return artifact.uriBaseId ? { uri: artifact.uri, uriBaseId: artifact.uriBaseId } : { uri: artifact.uri };
}

function toSarifLocation(location: Location, cwd: string, artifactIndex: ReadonlyMap<string, number>): Json {
  if (!isDocumentLocation(location)) {
    const where = `${location.method.toUpperCase()} ${location.path}`;
    return {
      logicalLocations: [
        withoutUndefined({ name: location.path, fullyQualifiedName: location.host ? `${where} (${location.host})` : where, kind: 'function' }),
      ],
    };
  }
  const artifact = artifactUri(location.file, cwd);
  const physicalLocation: Json = { artifactLocation: { ...artifactLocationOf(artifact), index: artifactIndex.get(artifact.uri) } };
  if (location.line !== undefined && location.line >= 1) {
    const startColumn = Math.max(1, location.column ?? 1);
    const endLine = Math.max(location.line, location.endLine ?? location.line);
    // SARIF's endColumn is exclusive and may not precede startColumn on a one-line region.
    const endColumn = location.endColumn === undefined ? undefined : endLine === location.line ? Math.max(startColumn, location.endColumn) : Math.max(1, location.endColumn);
    physicalLocation.region = withoutUndefined({ startLine: location.line, startColumn, endLine, endColumn });
  }
  const sarifLocation: Json = { physicalLocation };
  if (location.pointer) sarifLocation.logicalLocations = [{ fullyQualifiedName: location.pointer }];
  return sarifLocation;
}

function join(parts: ReadonlyArray<string | undefined | false | ''>): string {
  return parts.filter((part): part is string => Boolean(part)).join('\n\n');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function withoutUndefined(value: Json): Json {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}
