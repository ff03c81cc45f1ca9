/** Fills `{{name}}` placeholders; unknown names stay visible so a broken template is noticed. */
export function formatMessage(template: string, data: Record<string, unknown> = {}): string {
  // Most messages have no placeholder, and a report is made for each of 10,000s of findings.
  if (!template.includes('{{')) return template;
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
