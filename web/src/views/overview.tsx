/** Overview: store counts, languages, a timeline of dated events, and the latest events. */
import { useApi } from '../api.js';
import { Chart } from '../components/chart.js';
import { Status } from '../components/common.js';
import { EventTable } from '../components/events.js';
import { LANG_NAMES } from '../format.js';
import { href } from '../router.js';
import type { ApiStats, ApiTimeline, EventPage } from '../types.js';

const drawTimeline = (m: typeof import('../charts/echarts.js'), el: HTMLElement, t: ApiTimeline) => m.timelineChart(el, t);

/** The overview page. */
export function Overview() {
  const stats = useApi<ApiStats>('/api/stats');
  const first = stats.data?.articles.firstDate;
  const timeline = useApi<ApiTimeline>(stats.data ? '/api/timeline' : null, { by: 'month', since: first ? first.slice(0, 7) : undefined });
  const latest = useApi<EventPage>('/api/events', { limit: 10, distinct: true });
  const s = stats.data;
  return (
    <section class="view" data-view="overview">
      <h1>Overview</h1>
      <Status loading={stats.loading} error={stats.error}>
        {s ? (
          <>
            <div class="cards" data-testid="counts">
              <Card label="articles" value={s.articles.total} note={s.articles.firstDate ? `${s.articles.firstDate} … ${s.articles.lastDate ?? ''}` : undefined} />
              <Card label="sentences" value={s.sentences.total} />
              <Card label="events (reports)" value={s.events.total} />
              <Card label="distinct events" value={s.clusters.total} note={`${s.clusters.multiArticle} reported by several articles`} />
            </div>
            <div class="two-col">
              <section>
                <h2>Languages</h2>
                <table class="langs" data-testid="languages">
                  <thead><tr><th scope="col">language</th><th scope="col">articles</th><th scope="col">sentences</th><th scope="col">events</th></tr></thead>
                  <tbody>
                    {Object.keys(s.articles.byLang).map((l) => (
                      <tr key={l}>
                        <td><bdi lang={l} dir="auto">{LANG_NAMES[l] ?? l}</bdi> <span class="muted">({l})</span></td>
                        <td>{s.articles.byLang[l] ?? 0}</td>
                        <td>{s.sentences.byLang[l] ?? 0}</td>
                        <td>{s.events.byLang[l] ?? 0}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <h2>Modalities</h2>
                <ul class="inline-list">
                  {Object.entries(s.events.byModality).map(([m, n]) => <li key={m}><span class={`modality m-${m}`}>{m}</span> {n}</li>)}
                </ul>
              </section>
              <section>
                <Status loading={timeline.loading} error={timeline.error}>
                  {timeline.data ? <Chart label="Dated events per month, by modality" data={timeline.data} draw={drawTimeline} testId="timeline-chart" /> : null}
                </Status>
              </section>
            </div>
          </>
        ) : null}
      </Status>
      <h2>Latest events <a class="small" href={href('events')}>all events →</a></h2>
      <Status loading={latest.loading} error={latest.error}>
        {latest.data ? <EventTable events={latest.data.items} compact /> : null}
      </Status>
    </section>
  );
}

function Card({ label, value, note }: { label: string; value: number; note?: string | undefined }) {
  return (
    <div class="card">
      <div class="card-value">{value.toLocaleString('en')}</div>
      <div class="card-label">{label}</div>
      {note ? <div class="muted small">{note}</div> : null}
    </div>
  );
}
