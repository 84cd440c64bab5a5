/** The event table with the filters of `mizan events`, kept in the URL, a page at a time. */
import { useApi } from '../api.js';
import { ActorSelect, Status } from '../components/common.js';
import { EventTable } from '../components/events.js';
import { DOMAINS, EVENT_TYPES, MODALITIES } from '../format.js';
import { href, navigate, type Route } from '../router.js';
import type { ApiActor, EventPage } from '../types.js';

const PAGE = 25;
const KEYS = ['actor', 'with', 'directed', 'type', 'domain', 'modality', 'since', 'until', 'distinct'] as const;

/** The events page. */
export function EventsView({ route, actors }: { route: Route; actors: ApiActor[] }) {
  const q = Object.fromEntries(KEYS.map((k) => [k, route.query.get(k) ?? ''])) as Record<(typeof KEYS)[number], string>;
  const offset = Number(route.query.get('offset') ?? '0') || 0;
  const set = (changes: Partial<Record<(typeof KEYS)[number] | 'offset', string>>): void => {
    navigate(href('events', { ...q, offset: undefined, ...changes }), true);
  };
  const dyad = q.actor && q.with ? `${q.actor}-${q.with}` : undefined;
  const page = useApi<EventPage>('/api/events', {
    dyad, actor: dyad ? undefined : q.actor || q.with || undefined, directed: dyad && q.directed === 'true' ? true : undefined,
    type: q.type, domain: q.domain, modality: q.modality, since: q.since, until: q.until, distinct: q.distinct === 'true' ? true : undefined,
    limit: PAGE, offset,
  });
  return (
    <section class="view" data-view="events">
      <h1>Events</h1>
      <form class="filters" data-testid="event-filters" onSubmit={(e) => e.preventDefault()}>
        <ActorSelect id="f-actor" label="actor" actors={actors} value={q.actor} allowEmpty onChange={(v) => set({ actor: v })} />
        <ActorSelect id="f-with" label="with" actors={actors} value={q.with} allowEmpty onChange={(v) => set({ with: v })} />
        <label class="field check"><input type="checkbox" name="directed" checked={q.directed === 'true'} onChange={(e) => set({ directed: e.currentTarget.checked ? 'true' : '' })} /> <span>only actor → with</span></label>
        <Choice id="f-type" label="type" value={q.type} choices={EVENT_TYPES} onChange={(v) => set({ type: v })} />
        <Choice id="f-domain" label="domain" value={q.domain} choices={DOMAINS} onChange={(v) => set({ domain: v })} />
        <Choice id="f-modality" label="modality" value={q.modality} choices={MODALITIES} onChange={(v) => set({ modality: v })} />
        <DateField id="f-since" label="since" value={q.since} onChange={(v) => set({ since: v })} />
        <DateField id="f-until" label="until" value={q.until} onChange={(v) => set({ until: v })} />
        <label class="field check"><input type="checkbox" name="distinct" checked={q.distinct === 'true'} onChange={(e) => set({ distinct: e.currentTarget.checked ? 'true' : '' })} /> <span>one row per real-world event</span></label>
        <button type="button" onClick={() => navigate(href('events'), true)}>clear</button>
      </form>
      <Status loading={page.loading} error={page.error}>
        {page.data ? (
          <>
            <EventTable events={page.data.items} />
            <nav class="pager" aria-label="pages">
              <button type="button" disabled={offset === 0} onClick={() => set({ offset: String(Math.max(0, offset - PAGE)) })}>← newer</button>
              <span class="muted" data-testid="page-range">{page.data.items.length ? `${offset + 1}–${offset + page.data.items.length}` : '0'}</span>
              <button type="button" disabled={!page.data.hasMore} onClick={() => set({ offset: String(offset + PAGE) })}>older →</button>
            </nav>
          </>
        ) : null}
      </Status>
    </section>
  );
}

/** A select over a closed list, with "any". */
export function Choice(props: { id: string; label: string; value: string; choices: readonly string[]; onChange: (v: string) => void; any?: boolean }) {
  return (
    <label class="field" for={props.id}>
      <span>{props.label}</span>
      <select id={props.id} name={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.any === false ? null : <option value="">any</option>}
        {props.choices.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
    </label>
  );
}

/** A date field (YYYY, YYYY-MM or YYYY-MM-DD), applied when it is left or Enter is pressed. */
export function DateField(props: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  const apply = (v: string): void => {
    if (v !== props.value && (v === '' || /^\d{4}(-\d{2}(-\d{2})?)?$/u.test(v))) props.onChange(v);
  };
  return (
    <label class="field" for={props.id}>
      <span>{props.label}</span>
      <input id={props.id} name={props.id} type="text" inputMode="numeric" placeholder="YYYY-MM-DD" size={11} value={props.value}
        pattern="\d{4}(-\d{2}(-\d{2})?)?"
        onBlur={(e) => apply(e.currentTarget.value.trim())}
        onKeyDown={(e) => { if (e.key === 'Enter') apply(e.currentTarget.value.trim()); }} />
    </label>
  );
}
