/** Small shared pieces: bidi-isolated text, loading and error states, an event's dyad, and actor choice. */
import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api.js';
import { dirOf } from '../format.js';
import type { ApiActor } from '../types.js';

/** Inline text isolated from its neighbours' direction (Arabic inside English and back). */
export function Bidi({ text, lang, class: cls }: { text: string | null | undefined; lang?: string | undefined; class?: string }) {
  if (!text) return null;
  return <bdi dir="auto" lang={lang && lang !== 'und' ? lang : undefined} class={cls}>{text}</bdi>;
}

/** A block of text laid out in its own direction (right-aligned when it is Arabic). */
export function Block({ text, lang, class: cls }: { text: string; lang?: string | undefined; class?: string }) {
  return <div dir={lang ? dirOf(lang) : 'auto'} lang={lang && lang !== 'und' ? lang : undefined} class={cls}>{text}</div>;
}

/** A loading notice, an error box, or the children. */
export function Status({ loading, error, children }: { loading: boolean; error: ApiError | undefined; children?: ComponentChildren }) {
  if (error) {
    return (
      <div class="error" role="alert">
        <strong>{error.code}</strong> <span>{error.message}</span>
      </div>
    );
  }
  if (loading && !children) return <div class="loading" aria-busy="true">Loading…</div>;
  return <>{children}</>;
}

/** "SYR → RUS" with each code isolated. */
export function Dyad({ source, target }: { source: string; target: string }) {
  return (
    <span class="dyad">
      <bdi>{source}</bdi> → <bdi>{target}</bdi>
    </span>
  );
}

/** An actor's label: code and English name (the Arabic name isolated after it). */
export function actorLabel(a: ApiActor): string {
  return [a.code, a.names.en].filter(Boolean).join(' — ');
}

/** A select of actors. */
export function ActorSelect(props: {
  id: string;
  label: string;
  actors: ApiActor[];
  value: string;
  onChange: (code: string) => void;
  allowEmpty?: boolean;
}) {
  return (
    <label class="field" for={props.id}>
      <span>{props.label}</span>
      <select id={props.id} name={props.id} value={props.value} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}>
        {props.allowEmpty ? <option value="">any</option> : null}
        {props.actors.map((a) => (
          <option key={a.code} value={a.code}>{`${actorLabel(a)} (${a.events})`}</option>
        ))}
      </select>
    </label>
  );
}
