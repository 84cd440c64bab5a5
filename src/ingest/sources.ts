/** Inputs named on the command line: files by extension, folders walked recursively, http(s) URLs. */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Problem } from './article.js';

/** The formats Mizan reads. */
export type Format = 'txt' | 'md' | 'html' | 'json' | 'jsonl' | 'feed';

/** One input to read. */
export type Input =
  | { kind: 'file'; path: string; format: Format; bytes: number }
  | { kind: 'url'; url: string };

const EXTENSIONS: Record<string, Format> = {
  '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html',
  '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.rss': 'feed', '.atom': 'feed', '.xml': 'feed',
};

/** Files a folder walk leaves out: a project's own documents, not articles (README, LICENSE, CHANGELOG, CONTRIBUTING). */
const PROJECT_DOCS = /^(readme|license|licence|changelog|contributing|copying|notice)(\.[\w.]+)?$/iu;

/** The format of a file name, by extension. */
export function formatOf(path: string): Format | undefined {
  return EXTENSIONS[extname(path).toLowerCase()];
}

/**
 * Expand command-line arguments into inputs, in order: URLs as they are, files by extension, folders
 * walked recursively in name order (hidden entries, project documents and files of other types left
 * out). Arguments that cannot be used are returned as problems.
 */
export function expandSources(args: readonly string[]): { inputs: Input[]; problems: Problem[] } {
  const inputs: Input[] = [];
  const problems: Problem[] = [];
  for (const arg of args) {
    if (/^https?:\/\//iu.test(arg)) {
      inputs.push({ kind: 'url', url: arg });
      continue;
    }
    let st;
    try {
      st = statSync(arg);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({ place: arg, reason: code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code ?? (err as Error).message})` });
      continue;
    }
    if (st.isDirectory()) walk(arg, inputs, problems);
    else {
      const format = formatOf(arg);
      if (format) inputs.push({ kind: 'file', path: arg, format, bytes: st.size });
      else problems.push({ place: arg, reason: `unknown file type "${extname(arg) || '(none)'}" (Mizan reads ${Object.keys(EXTENSIONS).join(' ')})` });
    }
  }
  return { inputs, problems };
}

function walk(dir: string, inputs: Input[], problems: Problem[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    problems.push({ place: dir, reason: `cannot list the folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, inputs, problems);
    else if (e.isFile() && !PROJECT_DOCS.test(e.name)) {
      const format = formatOf(e.name);
      if (format) inputs.push({ kind: 'file', path, format, bytes: statSync(path).size });
    }
  }
}
