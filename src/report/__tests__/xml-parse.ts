/**
 * A strict little XML 1.0 reader for tests: enough to prove the JUnit report is well-formed and to read
 * it back. It rejects mismatched tags, unknown or bare entities, `<` in attributes, duplicate
 * attributes, characters XML forbids, and anything after the root element.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: Array<XmlElement | string>;
}

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NAME = /^[A-Za-z_:][\w.:-]*/;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  if (FORBIDDEN.test(source)) throw new Error(`forbidden character U+${source.charCodeAt(source.search(FORBIDDEN)).toString(16)}`);
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${at}: ${JSON.stringify(source.slice(at, at + 30))}`);
  };
  const skipSpace = () => {
    while (at < source.length && /\s/.test(source[at]!)) at++;
  };
  const decode = (raw: string, inAttribute: boolean): string => {
    if (inAttribute && raw.includes('<')) fail('"<" in attribute value');
    // Attribute-value normalisation: literal whitespace characters become spaces.
    const normalised = inAttribute ? raw.replace(/[\t\n\r]/g, ' ') : raw.replace(/\r\n?/g, '\n');
    return normalised.replace(/&([^;&\s]*)(;?)/g, (_match, entity: string, semicolon: string) => {
      if (!semicolon) fail('bare "&"');
      if (entity in NAMED_ENTITIES) return NAMED_ENTITIES[entity]!;
      const code = /^#x([0-9a-f]+)$/i.exec(entity) ? parseInt(entity.slice(2), 16) : /^#(\d+)$/.exec(entity) ? Number(entity.slice(1)) : fail(`unknown entity &${entity};`);
      const char = String.fromCodePoint(code);
      if (FORBIDDEN.test(char)) fail(`reference to a forbidden character &${entity};`);
      return char;
    });
  };
  const readName = (): string => {
    const match = NAME.exec(source.slice(at));
    if (!match) fail('expected a name');
    at += match![0].length;
    return match![0];
  };
  const readElement = (): XmlElement => {
    if (source[at] !== '<') fail('expected "<"');
    at++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      skipSpace();
      if (source.startsWith('/>', at)) {
        at += 2;
        return { name, attributes, children: [] };
      }
      if (source[at] === '>') {
        at++;
        break;
      }
      if (at === before) fail('expected whitespace before an attribute');
      const attribute = readName();
      skipSpace();
      if (source[at] !== '=') fail('expected "="');
      at++;
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = source.indexOf(quote!, at + 1);
      if (end === -1) fail('unterminated attribute value');
      if (attribute in attributes) fail(`duplicate attribute ${attribute}`);
      attributes[attribute] = decode(source.slice(at + 1, end), true);
      at = end + 1;
    }
    const children: Array<XmlElement | string> = [];
    for (;;) {
      if (at >= source.length) fail(`unclosed <${name}>`);
      if (source.startsWith('</', at)) {
        at += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        skipSpace();
        if (source[at] !== '>') fail('expected ">"');
        at++;
        return { name, attributes, children };
      }
      if (source.startsWith('<!--', at)) {
        const end = source.indexOf('-->', at);
        if (end === -1) fail('unterminated comment');
        at = end + 3;
      } else if (source.startsWith('<![CDATA[', at)) {
        const end = source.indexOf(']]>', at);
        if (end === -1) fail('unterminated CDATA');
        children.push(source.slice(at + 9, end));
        at = end + 3;
      } else if (source[at] === '<') {
        children.push(readElement());
      } else {
        const end = source.indexOf('<', at);
        const raw = source.slice(at, end === -1 ? source.length : end);
        if (raw.includes(']]>')) fail('"]]>" in text');
        children.push(decode(raw, false));
        at += raw.length;
      }
    }
  };

  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end === -1) fail('unterminated XML declaration');
    at = end + 2;
  }
  skipSpace();
  const root = readElement();
  skipSpace();
  if (at !== source.length) fail('content after the root element');
  return root;
}

/** Child elements by name. */
export function elements(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((child): child is XmlElement => typeof child !== 'string' && child.name === name);
}

/** Concatenated text content. */
export function textOf(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
}
