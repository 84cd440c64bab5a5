/** HTML to plain text: one paragraph per block element, line breaks kept, scripts, styles and captions dropped. */
import { parseHTML } from 'linkedom';
import { tidyText } from '../article.js';
import { MAX_HTML_DEPTH } from '../limits.js';

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'FIGURE', 'FIGCAPTION', 'SVG', 'BUTTON', 'FORM', 'IFRAME']);

/** The little of a DOM node the walk needs. */
export interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

/** Elements that hold no others, or whose end tag may be left out: not counted by {@link tagDepth}. */
const FLAT = new Set([
  'AREA', 'BASE', 'BR', 'COL', 'EMBED', 'HR', 'IMG', 'INPUT', 'LINK', 'META', 'PARAM', 'SOURCE', 'TRACK', 'WBR',
  'P', 'LI', 'DT', 'DD', 'OPTION', 'OPTGROUP', 'TR', 'TD', 'TH', 'THEAD', 'TBODY', 'TFOOT', 'COLGROUP', 'CAPTION',
  'RB', 'RT', 'RTC', 'RP', 'HTML', 'HEAD', 'BODY',
]);

/**
 * How deep the tags of an HTML string nest, estimated in one pass before parsing it (the parser's time
 * grows with the square of the depth, readability's with its cube). Comments and the insides of scripts
 * and styles are passed over: markup in them is not the page's.
 */
export function tagDepth(html: string): number {
  const tag = /<!--|<(\/?)([A-Za-z][\w:-]*)[^<>]*?(\/?)>/gu;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    const name = m[2]?.toUpperCase();
    const skipTo = name === undefined ? /-->/gu : !m[1] && (name === 'SCRIPT' || name === 'STYLE') ? new RegExp(`</${name}`, 'giu') : undefined;
    if (skipTo) {
      skipTo.lastIndex = tag.lastIndex;
      if (!skipTo.exec(html)) break;
      tag.lastIndex = skipTo.lastIndex;
      continue;
    }
    if (m[3] || FLAT.has(name as string)) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

/** The depth of the deepest element under a node, found without recursion. */
export function nodeDepth(root: NodeLike): number {
  let max = 0;
  const stack: Array<[NodeLike, number]> = [[root, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    if (depth > max) max = depth;
    const children = node.childNodes; // linkedom builds this list anew on every read: read it once
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as NodeLike;
      if (child.nodeType === 1) stack.push([child, depth + 1]);
    }
  }
  return max;
}

/**
 * The text of an HTML fragment or page body: paragraphs separated by a blank line. Markup nested deeper
 * than {@link MAX_HTML_DEPTH} is not parsed: its tags are dropped and its text kept as one paragraph.
 */
export function htmlToText(html: string): string {
  if (tagDepth(html) > MAX_HTML_DEPTH) html = html.replace(/<[^<>]*>/gu, ' ');
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeText(document.body as unknown as NodeLike);
}

/** The text of a DOM node: paragraphs separated by a blank line (walked without recursion, however deep). */
export function nodeText(root: NodeLike): string {
  const out: string[] = [];
  // A node to enter, or the '\n\n' that closes a block once its children are done.
  const stack: Array<NodeLike | string> = [root];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (typeof top === 'string') {
      out.push(top);
      continue;
    }
    const node = top;
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/gu, ' '));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    if (name === 'BR') {
      out.push('\n');
      continue;
    }
    const block = BLOCKS.has(name);
    if (block) {
      out.push('\n\n');
      stack.push('\n\n');
    }
    const children = node.childNodes; // linkedom builds this list anew on every read: read it once
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as NodeLike);
  }
  return tidyText(out.join('').split('\n').map(trimLine).join('\n'));
}

/** A line without the spaces and tabs at its ends, cut by hand: a regular expression backtracks over long runs of them. */
function trimLine(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && (line[start] === ' ' || line[start] === '\t')) start++;
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(start, end);
}
