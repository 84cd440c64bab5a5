/** Event rows: date, dyad, type, modality, domains and the evidence sentence, linking to the evidence reader. */
import { href } from '../router.js';
import type { ApiEvent } from '../types.js';
import { Bidi, Block, Dyad } from './common.js';

/** A link to the evidence reader for an event. */
export function evidenceHref(e: { articleId: number; id?: number; eventId?: number }): string {
  return href(`article/${e.articleId}`, { event: e.id ?? e.eventId });
}

/** A table of events. */
export function EventTable({ events, compact = false }: { events: ApiEvent[]; compact?: boolean }) {
  if (events.length === 0) return <p class="empty">No events match.</p>;
  return (
    <table class="events" data-testid="event-table">
      <thead>
        <tr>
          <th scope="col">date</th>
          <th scope="col">dyad</th>
          <th scope="col">type</th>
          <th scope="col">modality</th>
          {compact ? null : <th scope="col">domains</th>}
          <th scope="col">evidence</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} data-event-id={e.id}>
            <td class="nowrap">{e.eventDate ?? 'undated'}</td>
            <td class="nowrap"><Dyad source={e.source} target={e.target} /></td>
            <td>{e.type}{e.mode ? <span class="muted"> ({e.mode})</span> : null}</td>
            <td><span class={`modality m-${e.modality}`}>{e.modality}</span></td>
            {compact ? null : <td>{e.domains.join(', ')}</td>}
            <td class="evidence-cell">
              <a href={evidenceHref(e)} class="evidence-link" title="open the article at this sentence">
                <Block text={e.evidenceText} lang={e.article.lang} />
              </a>
              <div class="muted small" dir="auto">
                <Bidi text={e.article.outlet} lang={e.article.lang} />
                {e.cluster && e.cluster.numArticles > 1 ? <span> · {e.cluster.numArticles} articles</span> : null}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
