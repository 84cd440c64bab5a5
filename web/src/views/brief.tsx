/**
 * Briefs: the analyst brief of any dyad in English or Arabic, rendered from its JSON (every text as text,
 * laid out in the brief's direction), each claim's citations opening the evidence reader; downloadable
 * as Markdown, HTML or JSON.
 */
import type { ComponentChildren } from 'preact';
import { apiUrl, useApi } from '../api.js';
import { ActorSelect, Block, Status } from '../components/common.js';
import { href, navigate, type Route } from '../router.js';
import type { ApiActor } from '../types.js';
import { safeUrl } from './article.js';
import { Choice, DateField } from './events.js';

const LANGS = ['en', 'ar'] as const;

interface Claim { text: string; cites: number[] }
interface Section { id: string; title: string; claims: Claim[]; quotes: number[] }
interface Citation {
  n: number; text: string; where: string; url: string | null; articleId: number; start: number; end: number; lang: string;
}
/** The brief, as far as the view reads it (src/report/brief.ts). */
interface Brief {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  scope: string;
  dyad: { a: { code: string; name: string }; b: { code: string; name: string } };
  overview: Section;
  table: Array<{ domain: string; title: string; events: number; acts: number; talk: number; negated: number; mean: number | null }>;
  domains: Array<Section & { domain: string; events: number }>;
  alignment: Section;
  method: { title: string; notes: string[] };
  headings: { overview: string; sources: string; quotes: string; generated: string; columns: string[] };
  citations: Citation[];
}

/** The brief page. */
export function BriefView({ route, actors }: { route: Route; actors: ApiActor[] }) {
  const a = route.query.get('a') ?? actors[0]?.code ?? '';
  const b = route.query.get('b') ?? actors.find((x) => x.code !== a)?.code ?? '';
  const lang = route.query.get('lang') === 'ar' ? 'ar' : 'en';
  const since = route.query.get('since') ?? '';
  const until = route.query.get('until') ?? '';
  const set = (changes: Record<string, string>): void => navigate(href('brief', { a, b, lang, since, until, ...changes }), true);
  const ready = a !== '' && b !== '' && a !== b;
  const params = { a, b, lang, since, until };
  const res = useApi<Brief>(ready ? '/api/brief' : null, params);
  return (
    <section class="view" data-view="brief">
      <h1>Brief</h1>
      <form class="filters" data-testid="brief-form" onSubmit={(e) => e.preventDefault()}>
        <ActorSelect id="brief-a" label="actor A" actors={actors} value={a} onChange={(v) => set({ a: v })} />
        <ActorSelect id="brief-b" label="actor B" actors={actors} value={b} onChange={(v) => set({ b: v })} />
        <Choice id="brief-lang" label="language" value={lang} choices={LANGS} any={false} onChange={(v) => set({ lang: v })} />
        <DateField id="brief-since" label="since" value={since} onChange={(v) => set({ since: v })} />
        <DateField id="brief-until" label="until" value={until} onChange={(v) => set({ until: v })} />
      </form>
      {!ready ? <p class="empty">Choose two different actors.</p> : (
        <Status loading={res.loading} error={res.error}>
          {res.data ? (
            <>
              <p class="downloads" data-testid="brief-downloads">
                <span>Download:</span>
                {(['md', 'html', 'json'] as const).map((f) => (
                  <a key={f} href={apiUrl('/api/brief', { ...params, format: f, download: true })} download>{{ md: 'Markdown', html: 'HTML', json: 'JSON' }[f]}</a>
                ))}
              </p>
              <BriefDoc brief={res.data} />
            </>
          ) : null}
        </Status>
      )}
    </section>
  );
}

function BriefDoc({ brief }: { brief: Brief }) {
  const byN = new Map(brief.citations.map((c) => [c.n, c]));
  const [dCol, ...cols] = brief.headings.columns;
  return (
    <article class="brief" dir={brief.dir} lang={brief.lang} data-testid="brief">
      <h2 class="brief-title">{brief.title}</h2>
      <p class="muted">{brief.scope} · <bdi>{brief.dyad.a.code}–{brief.dyad.b.code}</bdi></p>
      <p class="muted small">{brief.headings.generated}</p>
      <BriefSection s={brief.overview} byN={byN} quotesTitle={brief.headings.quotes}>
        <table class="brief-table">
          <thead><tr><th scope="col">{dCol}</th>{cols.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
          <tbody>
            {brief.table.map((r) => (
              <tr key={r.domain}>
                <td>{r.title}</td><td>{r.events}</td><td>{r.acts}</td><td>{r.talk}</td><td>{r.negated}</td>
                <td><bdi>{r.mean === null ? '–' : `${r.mean > 0 ? '+' : r.mean < 0 ? '−' : ''}${Math.abs(r.mean).toFixed(1)}`}</bdi></td>
              </tr>
            ))}
          </tbody>
        </table>
      </BriefSection>
      {brief.domains.map((d) => <BriefSection key={d.id} s={d} byN={byN} quotesTitle={brief.headings.quotes} />)}
      <BriefSection s={brief.alignment} byN={byN} quotesTitle={brief.headings.quotes} />
      <section>
        <h3>{brief.method.title}</h3>
        <ul>{brief.method.notes.map((n, i) => <li key={i}>{n}</li>)}</ul>
      </section>
      <section>
        <h3>{brief.headings.sources}</h3>
        <ol class="citations" data-testid="brief-citations">
          {brief.citations.map((c) => {
            const url = safeUrl(c.url);
            return (
              <li key={c.n} id={`cite-${c.n}`} value={c.n}>
                <a class="evidence-link" href={href(`article/${c.articleId}`, { start: c.start, end: c.end })}>
                  <Block text={c.text} lang={c.lang} />
                </a>
                <div class="small muted">{c.where}{url ? <> · <a href={url} rel="noopener noreferrer nofollow" target="_blank">source</a></> : null}</div>
              </li>
            );
          })}
        </ol>
      </section>
    </article>
  );
}

function BriefSection({ s, byN, quotesTitle, children }: {
  s: Section; byN: Map<number, Citation>; quotesTitle: string; children?: preact.ComponentChildren;
}) {
  return (
    <section id={`brief-${s.id}`}>
      <h3>{s.title}</h3>
      {s.claims.map((c, i) => <p key={i} class="claim">{c.text}<Cites cites={c.cites} /></p>)}
      {children}
      {s.quotes.length > 0 ? <h4>{quotesTitle}</h4> : null}
      {s.quotes.map((n) => {
        const c = byN.get(n);
        return c ? <blockquote key={n} dir="auto" lang={c.lang}>{c.text}<Cites cites={[n]} /></blockquote> : null;
      })}
    </section>
  );
}

function Cites({ cites }: { cites: number[] }) {
  if (cites.length === 0) return null;
  return (
    <sup class="cites">
      {cites.map((n) => (
        <button key={n} type="button" class="link" onClick={() => document.getElementById(`cite-${n}`)?.scrollIntoView({ block: 'center' })}>[{n}]</button>
      ))}
    </sup>
  );
}
