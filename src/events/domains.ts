/** Domains of an event: the trigger's own, the subject words of its clause, the sides' sectors. */
import type { ActorMention } from '../actors/matcher.js';
import { DOMAINS, type Domain, type EventType } from '../core/types.js';
import type { SeqMatch } from '../text/seq-index.js';
import type { TriggerSense } from './lexicon.js';
import type { Structure } from './structure.js';

/** The domain an event type falls in when the sentence names no subject matter. */
export const DEFAULT_DOMAIN: Record<EventType, Domain> = {
  AGREE: 'diplomatic', CONSULT: 'diplomatic', SUPPORT: 'diplomatic', CONCEDE: 'diplomatic', COOPERATE: 'diplomatic',
  AID: 'humanitarian', RETREAT: 'military', REQUEST: 'diplomatic', ACCUSE: 'diplomatic', REJECT: 'diplomatic',
  THREATEN: 'military', PROTEST: 'rights', SANCTION: 'economic', MOBILIZE: 'military', COERCE: 'security', ASSAULT: 'military',
};

/** Domain words in tokens [from, to). */
function domainWords(st: Structure, from: number, to: number, domainsIndex: Structure['domainHits']): Set<Domain> {
  const out = new Set<Domain>();
  for (const h of domainsIndex) if (h.start >= from && h.end <= to) out.add(h.value);
  return out;
}

/** Domains of one trigger's event, in the contract's order. */
export function domainsOf(st: Structure, hit: SeqMatch<TriggerSense>, sides: ActorMention[]): Domain[] {
  const found = new Set<Domain>(hit.value.entry.domains ?? []);
  const clause = st.clauseOf[hit.start] as number;
  let from = hit.start;
  while (from > 0 && st.clauseOf[from - 1] === clause) from--;
  let to = hit.end;
  while (to < st.tokens.length && st.clauseOf[to] === clause) to++;
  for (const d of domainWords(st, from, to, st.domainHits)) found.add(d);
  for (const m of sides) {
    if (m.sector === 'MIL') found.add('military');
    if (m.sector === 'SPY' || m.sector === 'COP') found.add('security');
  }
  if (found.size === 0) for (const d of domainWords(st, 0, st.tokens.length, st.domainHits)) found.add(d);
  if (found.size === 0) found.add(DEFAULT_DOMAIN[hit.value.entry.type]);
  return DOMAINS.filter((d) => found.has(d));
}

/** Domains named in tokens [from, to), or diplomatic when none is. */
export function domainsOfSpan(st: Structure, from: number, to: number): Domain[] {
  const found = domainWords(st, from, to, st.domainHits);
  return found.size ? DOMAINS.filter((d) => found.has(d)) : ['diplomatic'];
}
