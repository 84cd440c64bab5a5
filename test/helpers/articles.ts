/** Hand-built coded articles for store tests: text, sentences with search terms, and events. */
import type { EventType } from '../../src/core/types.js';
import { indexTerms } from '../../src/store/search-terms.js';
import type { ArticleInput, EventInput } from '../../src/store/store.js';
import { splitSentences } from '../../src/text/segment.js';

let counter = 0;

/** Options of {@link makeArticle}. */
export interface MakeArticle {
  text: string;
  title?: string;
  lang?: 'ar' | 'en' | 'ru';
  outlet?: string;
  date?: string;
  /** Events, each in the sentence given by index (evidence: that sentence). */
  events?: Array<Partial<EventInput> & { source: string; target: string; type: EventType; sentence?: number }>;
  bands?: number[];
}

/** A coded article ready for `Store.addArticle`, with a unique content hash unless the text repeats. */
export function makeArticle(a: MakeArticle): ArticleInput {
  const spans = splitSentences(a.text);
  const sentences = spans.map((s) => ({ ...s, terms: indexTerms(a.text.slice(s.start, s.end)) }));
  const events: EventInput[] = (a.events ?? []).map((e) => {
    const s = spans[e.sentence ?? 0] ?? { start: 0, end: a.text.length };
    return {
      sentence: e.sentence ?? 0, domains: ['diplomatic'], modality: 'asserted', intensity: 1, evidence: { start: s.start, end: s.end },
      ...(a.date ? { eventDate: a.date, datePrecision: 'day' as const } : {}), ...e,
    };
  });
  counter++;
  return {
    meta: {
      origin: `test-${counter}`, ...(a.title ? { title: a.title } : {}), ...(a.outlet ? { outlet: a.outlet } : {}),
      ...(a.date ? { published: a.date, publishedDate: a.date } : {}),
    },
    lang: a.lang ?? 'en', text: a.text, contentHash: `hash:${a.text}`, bands: a.bands ?? [counter * 8 + 1, counter * 8 + 2],
    titleTerms: a.title ? indexTerms(a.title) : '', sentences, events,
  };
}
