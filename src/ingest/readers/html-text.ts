/** HTML to plain text: one paragraph per block element, line breaks kept, scripts, styles and captions dropped. */
import { parseHTML } from 'linkedom';
import { tidyText } from '../article.js';

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'FIGURE', 'FIGCAPTION', 'SVG', 'BUTTON', 'FORM', 'IFRAME']);

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

/** The text of an HTML fragment or page body: paragraphs separated by a blank line. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeText(document.body as unknown as NodeLike);
}

/** The text of a DOM node: paragraphs separated by a blank line. */
export function nodeText(root: NodeLike): string {
  const out: string[] = [];
  const walk = (node: NodeLike): void => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/gu, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCKS.has(name);
    if (block) out.push('\n\n');
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as NodeLike);
    if (block) out.push('\n\n');
  };
  walk(root);
  return tidyText(out.join('').replace(/[ \t]*\n[ \t]*/gu, '\n'));
}
