/**
 * The evidence reader: an article's text with the chosen event's evidence span highlighted, and the
 * events coded in it. The text is untrusted: it is only ever rendered as text nodes.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useApi } from '../api.js';
import { Bidi, Dyad, Status } from '../components/common.js';
import { dirOf, LANG_NAMES } from '../format.js';
import { href, navigate } from '../router.js';
import type { ApiArticleDetail } from '../types.js';

/** An external link only when it is http(s); anything else is shown as text. */
export function safeUrl(url: string | null): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The evidence reader page. */
export function ArticleView({ id, eventId, start, end }: { id: string; eventId?: number | undefined; start?: number | undefined; end?: number | undefined }) {
  const res = useApi<ApiArticleDetail>(/^\d+$/u.test(id) ? `/api/articles/${id}` : null);
  const markRef = useRef<HTMLElement>(null);
  const d = res.data;
  const event = d?.events.find((e) => e.id === eventId);
  const span = event ? event.evidence : start !== undefined && end !== undefined && end > start ? { start, end } : undefined;
  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center' });
  }, [d, span?.start, span?.end]);
  if (!/^\d+$/u.test(id)) return <section class="view"><div class="error" role="alert">No such article.</div></section>;
  const lang = d?.article.lang;
  const url = safeUrl(d?.article.url ?? null);
  return (
    <section class="view" data-view="article">
      <Status loading={res.loading} error={res.error}>
        {d ? (
          <>
            <h1 dir="auto" lang={lang}>{d.article.title ?? `Article ${d.article.id}`}</h1>
            <p class="meta muted">
              <Bidi text={d.article.outlet} lang={lang} /> · {d.article.publishedDate ?? 'undated'} · {LANG_NAMES[d.article.lang] ?? d.article.lang}
              {url ? <> · <a href={url} rel="noopener noreferrer nofollow" target="_blank">source</a></> : null}
            </p>
            <div class="reader">
              <article class="article-text" dir={dirOf(lang)} lang={lang} data-testid="article-text">
                {span ? (
                  <>
                    {d.text.slice(0, span.start)}
                    <mark ref={markRef} data-testid="evidence-mark">{d.text.slice(span.start, span.end)}</mark>
                    {d.text.slice(span.end)}
                  </>
                ) : d.text}
              </article>
              <aside class="reader-events">
                <h2>Events in this article ({d.events.length})</h2>
                {d.events.length === 0 ? <p class="empty">No event was coded in this article.</p> : null}
                <ol>
                  {d.events.map((e) => (
                    <li key={e.id} class={e.id === eventId ? 'current' : undefined}>
                      <button type="button" class="link" onClick={() => navigate(href(`article/${d.article.id}`, { event: e.id }), true)}>
                        <Dyad source={e.source} target={e.target} /> {e.type} <span class={`modality m-${e.modality}`}>{e.modality}</span>
                      </button>
                      <div class="small muted">{e.eventDate ?? 'undated'} · {e.domains.join(', ')}{e.trigger ? <> · <Bidi text={e.trigger} lang={lang} /></> : null}</div>
                    </li>
                  ))}
                </ol>
              </aside>
            </div>
          </>
        ) : null}
      </Status>
    </section>
  );
}
