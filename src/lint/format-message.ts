/** Template text split at its placeholders: literal, placeholder, name, literal, placeholder, name, …, literal. */
const compiled = new Map<string, string[]>();

/** Fills `{{name}}` placeholders; unknown names stay visible so a broken template is noticed. */
export function formatMessage(template: string, data: Record<string, unknown> = {}): string {
  // Most messages have no placeholder, and a report is made for each of 10,000s of findings.
  if (!template.includes('{{')) return template;
  let parts = compiled.get(template);
  if (!parts) compiled.set(template, (parts = template.split(/(\{\{\s*([\w.-]+)\s*\}\})/)));
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 3) {
    const name = parts[i + 1]!;
    text += (name in data ? String(data[name]) : parts[i]!) + parts[i + 2]!;
  }
  return text;
}
