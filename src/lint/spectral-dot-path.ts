function isNumeric(segment: string | number): boolean {
  return typeof segment === 'number' || !Number.isNaN(Number(segment));
}

/**
 * `info.contact`, `paths['/a b'].get`, `tags[0]`: Spectral's dot notation for a path, as its
 * messages print `{{property}}`. Custom rulesets and the built-in example checks use it.
 */
export function printDotPath(path: readonly (string | number)[]): string {
  let out = '';
  path.forEach((segment, index) => {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (segment.length === 0) out += `['']`;
    else if (/\s/.test(segment)) out += `['${segment}']`;
    else if (isNumeric(segment)) out += `[${segment}]`;
    else out += `${index === 0 ? '' : '.'}${segment}`;
  });
  return out.replace(/~1/g, '/').replace(/~0/g, '~');
}
