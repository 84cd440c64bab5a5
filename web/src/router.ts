/** Hash routing: #/view/part?key=value. The hash is the page's whole state, so every view can be linked to. */
import { useEffect, useState } from 'preact/hooks';

/** A parsed location. */
export interface Route {
  /** Path parts after "#/": [] for the overview, ["article", "12"] for an article. */
  parts: string[];
  query: URLSearchParams;
}

/** The route of a hash. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/u, '');
  const [path = '', search = ''] = raw.split('?', 2);
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(search) };
}

/** A hash for a path and query (empty values left out). */
export function href(path: string, query: Record<string, string | number | boolean | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '' && v !== false) q.set(k, String(v));
  const s = q.toString();
  return `#/${path}${s ? `?${s}` : ''}`;
}

/** Go to a hash (replacing the history entry when `replace`). */
export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else location.hash = to.replace(/^#/u, '');
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** The current route, updated on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = (): void => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
