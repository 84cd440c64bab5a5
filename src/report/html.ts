/** The brief as one standalone HTML file: right-to-left for Arabic, print styles, every text escaped, only http(s) links. */
import { formatSigned } from './format.js';
import type { Brief, BriefSection, Citation } from './brief.js';
import { safeUrl } from './markdown.js';

/** Text escaped for HTML content and attribute values. */
export function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const STYLE = `
  :root { color-scheme: light; --ink: #1d2228; --muted: #5b6570; --rule: #d5dae0; --accent: #7a4b00; }
  * { box-sizing: border-box; }
  body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.5rem 4rem; color: var(--ink); background: #fff;
    font: 16px/1.65 "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "DejaVu Sans", "Segoe UI", system-ui, sans-serif; }
  h1 { font-size: 1.6rem; line-height: 1.3; margin: 0 0 .25rem; }
  h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid var(--rule); }
  .scope, .note { color: var(--muted); margin: 0 0 1rem; }
  p.claim { margin: .5rem 0; }
  sup.cite a { color: var(--accent); text-decoration: none; font-size: .8em; }
  blockquote { margin: .5rem 0; padding: .25rem .9rem; border-inline-start: 3px solid var(--rule); color: #333; }
  table { border-collapse: collapse; margin: 1rem 0; width: 100%; font-size: .95rem; }
  th, td { padding: .3rem .5rem; border-bottom: 1px solid var(--rule); text-align: start; }
  td.n { text-align: end; font-variant-numeric: tabular-nums; }
  ol.sources { font-size: .88rem; color: var(--muted); padding-inline-start: 1.6rem; }
  ol.sources li { margin: .3rem 0; }
  ol.sources q { color: var(--ink); }
  .empty { color: var(--muted); font-style: italic; }
  a { color: var(--accent); overflow-wrap: anywhere; }
  @media print {
    body { max-width: none; padding: 0; font-size: 11pt; }
    h2 { break-after: avoid; }
    section, blockquote, tr, ol.sources li { break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
    a[href]::after { content: " <" attr(href) ">"; font-size: .8em; color: var(--muted); }
    sup.cite a::after { content: none; }
  }
  @page { margin: 18mm 16mm; }
`;

function citeLinks(cites: number[]): string {
  return cites.length === 0 ? '' : ` <sup class="cite">${cites.map((n) => `<a href="#c${n}">[${n}]</a>`).join('')}</sup>`;
}

function sourceItem(c: Citation): string {
  const url = safeUrl(c.url);
  const link = url ? ` — <a dir="ltr" href="${htmlEscape(url)}" rel="noopener noreferrer nofollow">${htmlEscape(url)}</a>` : '';
  return `<li id="c${c.n}" value="${c.n}"><q dir="auto">${htmlEscape(c.text)}</q> — <bdi>${htmlEscape(c.where)}</bdi>${link}</li>`;
}

function section(s: BriefSection, brief: Brief, extra = ''): string {
  const byN = new Map(brief.citations.map((c) => [c.n, c]));
  const empty = s.claims.every((c) => c.cites.length === 0) && s.quotes.length === 0;
  const claims = s.claims.map((c) => `<p class="claim${empty ? ' empty' : ''}">${htmlEscape(c.text)}${citeLinks(c.cites)}</p>`).join('\n');
  const quotes = s.quotes.length === 0 ? '' : `<h3 class="note">${htmlEscape(brief.headings.quotes)}</h3>\n${s.quotes.map((n) => {
    const c = byN.get(n);
    return c ? `<blockquote dir="auto">${htmlEscape(c.text)}${citeLinks([n])}</blockquote>` : '';
  }).join('\n')}`;
  const cited = [...new Set([...s.claims.flatMap((x) => x.cites), ...s.quotes])].sort((x, y) => x - y);
  const sources = cited.length === 0 ? '' : `<ol class="sources" aria-label="${htmlEscape(brief.headings.sources)}">\n${cited
    .map((n) => byN.get(n)).filter((c): c is Citation => c !== undefined).map(sourceItem).join('\n')}\n</ol>`;
  return `<section id="${htmlEscape(s.id)}">\n<h2>${htmlEscape(s.title)}</h2>\n${claims}\n${extra}${quotes}\n${sources}\n</section>`;
}

/** The brief as a standalone HTML document (no scripts, no external resources). Article text is untrusted and escaped. */
export function toHtml(brief: Brief): string {
  const [dCol, ...cols] = brief.headings.columns;
  const table = `<table>\n<thead><tr><th>${htmlEscape(dCol)}</th>${cols.map((c) => `<th>${htmlEscape(c)}</th>`).join('')}</tr></thead>\n<tbody>\n${brief.table
    .map((r) => `<tr><td><a href="#${r.domain}">${htmlEscape(r.title)}</a></td><td class="n">${r.events}</td><td class="n">${r.acts}</td><td class="n">${r.talk}</td>`
      + `<td class="n">${r.negated}</td><td class="n">${r.mean === null ? '–' : htmlEscape(formatSigned(r.mean, brief.lang))}</td></tr>`).join('\n')}\n</tbody>\n</table>\n`;
  return `<!DOCTYPE html>
<html lang="${brief.lang}" dir="${brief.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Mizan">
<title>${htmlEscape(brief.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${htmlEscape(brief.title)}</h1>
<p class="scope">${htmlEscape(brief.scope)} · ${htmlEscape(brief.dyad.a.code)}–${htmlEscape(brief.dyad.b.code)}</p>
<p class="note">${htmlEscape(brief.headings.generated)}</p>
</header>
<main>
${section(brief.overview, brief, table)}
${brief.domains.map((d) => section(d, brief)).join('\n')}
${section(brief.alignment, brief)}
<section id="method">
<h2>${htmlEscape(brief.method.title)}</h2>
<ul>${brief.method.notes.map((n) => `<li>${htmlEscape(n)}</li>`).join('')}</ul>
</section>
</main>
</body>
</html>
`;
}
