/**
 * The DOCTYPE of an XML document, taken out before parsing: its internal subset may declare entities
 * (external ones that name files or URLs, or nested ones that expand a billion times), and Mizan reads
 * none of them. The names it declares are kept, so items that use them can be refused by name.
 */

/** The document without its DOCTYPE (line breaks kept, so line numbers hold), and the entity names it declared. */
export interface WithoutDoctype {
  xml: string;
  /**
   * General entities the DOCTYPE declared, each with the file or URL it names when it is external
   * (parameter entities are left out: content never refers to them).
   */
  entities: Map<string, string | undefined>;
}

/** Take out the DOCTYPE declaration of the prolog, if any; a problem when it never closes. */
export function stripDoctype(xml: string): WithoutDoctype | { problem: string } {
  let i = 0;
  for (;;) {
    while (i < xml.length && /\s/u.test(xml[i] as string)) i++;
    const close = xml.startsWith('<?', i) ? '?>' : xml.startsWith('<!--', i) ? '-->' : undefined;
    if (!close) break;
    const end = xml.indexOf(close, i + 2);
    if (end < 0) return { xml, entities: new Map() };
    i = end + close.length;
  }
  if (xml.slice(i, i + 9).toUpperCase() !== '<!DOCTYPE') return { xml, entities: new Map() };
  let depth = 0;
  let quote = '';
  for (let j = i + 9; j < xml.length; j++) {
    const c = xml[j] as string;
    if (quote) {
      if (c === quote) quote = '';
    } else if (xml.startsWith('<!--', j)) {
      const end = xml.indexOf('-->', j + 4);
      if (end < 0) break;
      j = end + 2;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) {
      const decl = xml.slice(i, j + 1);
      const entities = new Map<string, string | undefined>();
      for (const m of decl.matchAll(/<!ENTITY\s+(%\s+)?([^\s"'%<>]+)\s+(?:(?:SYSTEM|PUBLIC)\s+(?:"[^"]*"\s+|'[^']*'\s+)?("[^"]*"|'[^']*'))?/gu)) {
        if (!m[1]) entities.set(m[2] as string, m[3]?.slice(1, -1));
      }
      return { xml: xml.slice(0, i) + decl.replace(/[^\n]/gu, '') + xml.slice(j + 1), entities };
    }
  }
  return { problem: 'its DOCTYPE declaration never closes' };
}
