/** The coding pipeline: text in, coded record out, through pure stages. */
import type { CodedEvent, CodedRecord, InputRecord, Lang, Trigger } from '../core/types.js';
import { createLanguageIdentifier, type LanguageIdentifier } from '../text/langid.js';
import type { NormalizedText } from '../text/normalize.js';
import type { Doc, Stage } from './document.js';
import { actorStage, eventStage, languageStage, normalizeStage, segmentStage } from './stages.js';

/** Options of {@link createPipeline}; all optional. */
export interface PipelineOptions {
  /** Use fastText to identify languages (default true); false judges by script alone. */
  fastText?: boolean;
  /**
   * Find triggers (default true): in records, and in each sentence of a document. Without them, a sentence that
   * names fewer than two actors, and so can hold no event, is not coded at all; ingest, which keeps events only,
   * codes so.
   */
  triggers?: boolean;
}

/** A ready pipeline. */
export interface Pipeline {
  /**
   * Run every stage on one input and return the document. A caller that already normalized the text
   * (ingest does, for fingerprints and search terms) passes it, and it is not done twice.
   */
  analyse(input: InputRecord, normalized?: NormalizedText): Doc;
  /** Code one input into the contract's record. */
  code(input: InputRecord): CodedRecord;
}

/** Turn a document into the contract's record. */
export function toRecord(doc: Doc, withTriggers = true): CodedRecord {
  const actors = new Set<string>();
  const events: CodedEvent[] = [];
  const triggers: Trigger[] = [];
  const seen = new Set<string>();
  for (const s of doc.sentences) {
    for (const m of s.mentions) if (m.via !== 'coreference') actors.add(m.code);
    for (const e of s.events) {
      const key = `${e.source}|${e.target}|${e.type}`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push(e);
    }
    triggers.push(...s.triggers);
  }
  const record: CodedRecord = { id: doc.id, lang: doc.lang, actors: [...actors].sort(), events };
  if (withTriggers) record.triggers = triggers;
  return record;
}

/** The pipeline ingest codes with: it keeps events only, so it finds no triggers (see {@link PipelineOptions.triggers}). */
export function createIngestPipeline(): Promise<Pipeline> {
  return createPipeline({ triggers: false });
}

/** Create the pipeline: language ID, normalization, sentences and tokens, actors, events. */
export async function createPipeline(options: PipelineOptions = {}): Promise<Pipeline> {
  const identify: LanguageIdentifier | undefined = options.fastText === false ? undefined : await createLanguageIdentifier();
  const stages: Stage[] = [languageStage(identify), normalizeStage(), segmentStage(), actorStage(), eventStage(options)];
  const analyse = (input: InputRecord, normalized?: NormalizedText): Doc => {
    const lang: Lang = input.lang ?? 'und';
    let doc: Doc = { id: input.id, text: input.text, lang, langGiven: input.lang !== undefined, sentences: [], messages: [] };
    if (normalized && normalized.source === input.text) doc.normalized = normalized;
    for (const stage of stages) doc = stage(doc);
    return doc;
  };
  return { analyse, code: (input) => toRecord(analyse(input), options.triggers ?? true) };
}
