/** The dashboard's only way to the data: GET requests to the HTTP API, with errors as {code, message}. */
import { useEffect, useState } from 'preact/hooks';

/** Query parameters; undefined and empty values are left out. */
export type Params = Record<string, string | number | boolean | undefined>;

/** An error answered by the API (or a network failure, code MIZAN_E_NETWORK). */
export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly status: number) {
    super(message);
  }
}

/** A path with its query string. */
export function apiUrl(path: string, params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && v !== false) q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** GET a JSON resource of the API. */
export async function getJson<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, params), { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError('MIZAN_E_NETWORK', 'the server cannot be reached', 0);
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(e?.code ?? 'MIZAN_E_HTTP', e?.message ?? `HTTP ${res.status}`, res.status);
  }
  return body as T;
}

/** The state of a request: loading, its data, or its error. */
export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/** Fetch `path` with `params` whenever the URL they make changes (null: fetch nothing). */
export function useApi<T>(path: string | null, params: Params = {}): Loaded<T> {
  const url = path === null ? null : apiUrl(path, params);
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: url !== null });
  useEffect(() => {
    if (url === null) {
      setState({ data: undefined, error: undefined, loading: false });
      return undefined;
    }
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, error: undefined, loading: true }));
    getJson<T>(url, {}, ctl.signal).then(
      (data) => setState({ data, error: undefined, loading: false }),
      (err: unknown) => {
        if ((err as Error).name === 'AbortError') return;
        setState({ data: undefined, error: err instanceof ApiError ? err : new ApiError('MIZAN_E_CLIENT', String(err), 0), loading: false });
      },
    );
    return () => ctl.abort();
  }, [url]);
  return state;
}
