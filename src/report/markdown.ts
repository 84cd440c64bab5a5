/** The brief as Markdown: claims with bracketed citation numbers, each section followed by the sources it cites. */
import { formatSigned } from './format.js';
import type { Brief, BriefSection, Citation } from './brief.js';

/** Text safe in Markdown: emphasis, code, link and table characters escaped, HTML as entities, one line. */
export function mdEscape(s: string): string {
  return s.replace(/\s+/gu, ' ').trim().replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;')
    .replace(/([\\`*_[\]|~])/gu, '\\$1')
    // What would open a heading, list or block at the start of a line.
    .replace(/^([#+=-])/u, '\\$1').replace(/^(\d+)([.)])/u, '$1\\$2');
}

/** A link target kept only when it is http(s), with characters that would end it percent-encoded. */
export function safeUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\/[^\s]+$/iu.test(url)) return null;
  return url.replace(/[<>()"'\s\\`]/gu, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const refs = (cites: number[]): string => cites.map((n) => `[${n}]`).join('');

function source(c: Citation): string {
  const url = safeUrl(c.url);
  return `${c.n}. «${mdEscape(c.text)}» — ${mdEscape(c.where)}${url ? ` — <${url}>` : ''}`;
}

function section(s: BriefSection, brief: Brief, level = 2): string[] {
  const byN = new Map(brief.citations.map((c) => [c.n, c]));
  const out = [`${'#'.repeat(level)} ${mdEscape(s.title)}`, ''];
  for (const claim of s.claims) out.push(`${mdEscape(claim.text)}${claim.cites.length > 0 ? ` ${refs(claim.cites)}` : ''}`, '');
  if (s.quotes.length > 0) {
    out.push(`**${mdEscape(brief.headings.quotes)}**`, '');
    for (const n of s.quotes) {
      const c = byN.get(n);
      if (c) out.push(`> «${mdEscape(c.text)}» [${n}]`, '>');
    }
    if (out[out.length - 1] === '>') out.pop();
    out.push('');
  }
  const cited = [...new Set([...s.claims.flatMap((x) => x.cites), ...s.quotes])].sort((x, y) => x - y);
  if (cited.length > 0) {
    out.push(`*${mdEscape(brief.headings.sources)}*`, '');
    for (const n of cited) {
      const c = byN.get(n);
      if (c) out.push(source(c));
    }
    out.push('');
  }
  return out;
}

/** The brief as a Markdown document. Article text is untrusted: it is escaped, and only http(s) links are kept. */
export function toMarkdown(brief: Brief): string {
  const [dCol, ...cols] = brief.headings.columns;
  const table = [
    `| ${mdEscape(dCol)} | ${cols.map(mdEscape).join(' | ')} |`,
    `| --- | ${cols.map(() => '---:').join(' | ')} |`,
    ...brief.table.map((r) => `| ${mdEscape(r.title)} | ${r.events} | ${r.acts} | ${r.talk} | ${r.negated} | ${r.mean === null ? '–' : formatSigned(r.mean, brief.lang)} |`),
  ];
  const lines = [
    `# ${mdEscape(brief.title)}`, '',
    `*${mdEscape(brief.scope)}* · ${mdEscape(brief.dyad.a.code)}–${mdEscape(brief.dyad.b.code)}`, '',
    `> ${mdEscape(brief.headings.generated)}`, '',
    ...section(brief.overview, brief),
    ...table, '',
    ...brief.domains.flatMap((d) => section(d, brief)),
    ...section(brief.alignment, brief),
    `## ${mdEscape(brief.method.title)}`, '',
    ...brief.method.notes.map((n) => `- ${mdEscape(n)}`), '',
  ];
  return lines.join('\n');
}
