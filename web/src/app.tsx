/** The dashboard shell: navigation and the view of the current route. */
import { useApi } from './api.js';
import { Status } from './components/common.js';
import { href, useRoute, type Route } from './router.js';
import type { ApiActor } from './types.js';
import { ArticleView } from './views/article.js';
import { BriefView } from './views/brief.js';
import { DyadView } from './views/dyad.js';
import { EventsView } from './views/events.js';
import { NetworkView } from './views/network.js';
import { Overview } from './views/overview.js';

const NAV = [
  ['', 'Overview'],
  ['dyad', 'Dyads'],
  ['network', 'Network'],
  ['events', 'Events'],
  ['brief', 'Briefs'],
] as const;

/** The app. */
export function App() {
  const route = useRoute();
  const actors = useApi<{ items: ApiActor[] }>('/api/actors');
  const view = route.parts[0] ?? '';
  return (
    <>
      <header class="top">
        <a class="brand" href="#/"><span>Mizan</span> <bdi lang="ar" dir="rtl">ميزان</bdi></a>
        <nav aria-label="views">
          {NAV.map(([path, label]) => (
            <a key={path} href={href(path)} aria-current={view === path || (path === 'events' && view === 'article') ? 'page' : undefined}>{label}</a>
          ))}
        </nav>
      </header>
      <main>
        <Status loading={actors.loading} error={actors.error}>
          {actors.data ? <View route={route} actors={actors.data.items} /> : null}
        </Status>
      </main>
    </>
  );
}

function View({ route, actors }: { route: Route; actors: ApiActor[] }) {
  const num = (k: string): number | undefined => {
    const v = route.query.get(k);
    return v !== null && /^\d+$/u.test(v) ? Number(v) : undefined;
  };
  switch (route.parts[0] ?? '') {
    case '': return <Overview />;
    case 'dyad': return <DyadView route={route} actors={actors} />;
    case 'network': return <NetworkView route={route} />;
    case 'events': return <EventsView route={route} actors={actors} />;
    case 'article': return <ArticleView id={route.parts[1] ?? ''} eventId={num('event')} start={num('start')} end={num('end')} />;
    case 'brief': return <BriefView route={route} actors={actors} />;
    default: return <section class="view"><div class="error" role="alert">No such page.</div></section>;
  }
}
