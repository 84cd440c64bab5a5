/**
 * An article made ready for the store's writer: checked, fingerprinted and coded (or to be coded). The one-thread
 * ingest prepares here and codes only what is not already stored; the worker pool prepares in worker threads and
 * sends the result back as data ({@link PreparedMessage}).
 */
import { MizanError, type ErrorCode } from '../core/errors.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Problem, RawArticle } from './article.js';
import { fingerprint, type Fingerprint } from './fingerprint.js';
import { checkArticle, tryCode, type Coding } from './prepare.js';

/** A checked and fingerprinted article, with its coding (done already, or done when first asked for). */
export interface Prepared {
  origin: string;
  /** The checked text, which near-duplicate candidates are compared with. */
  text: string;
  fp: Fingerprint;
  /** The coding; throws a fault of Mizan's data (MIZAN_E_DATA) as coding it here would. */
  code: () => Coding;
}

/** A prepared article, or the problem that keeps it out of the store. */
export type Preparation = Prepared | { problem: Problem };

/** Turns raw articles into prepared ones, in this thread or in others. */
export interface Preparer {
  /** Start preparing an article; the promise settles with it (or rejects when the preparer failed). */
  prepare(raw: RawArticle): Promise<Preparation>;
  /** Most articles read and not yet stored at once: 1 in one thread; bounds memory with workers. */
  readonly window: number;
  /** Stop the preparer (its workers, if any); what is in hand is dropped. */
  close(): Promise<void>;
}

/** Check and fingerprint an article now; code it when asked (so that a duplicate is never coded). */
export function prepareHere(raw: RawArticle, pipeline: Pipeline): Preparation {
  const checked = checkArticle(raw);
  if ('problem' in checked) return checked;
  return { origin: raw.origin, text: checked.text, fp: fingerprint(checked.text, checked.normalized.text), code: () => tryCode(checked, pipeline) };
}

/** The preparer of the one-thread ingest: each article prepared as it comes, coded on this thread. */
export function localPreparer(pipeline: Pipeline): Preparer {
  return { prepare: async (raw) => prepareHere(raw, pipeline), window: 1, close: async () => {} };
}

/** A fault of Mizan's data met while coding, as data. */
export interface Fault {
  code: ErrorCode;
  message: string;
  place?: string;
}

/** A prepared article as a worker sends it: data only, coded already unless it was found stored. */
export type PreparedMessage = { problem: Problem } | {
  origin: string;
  fp: Fingerprint;
  /** The coding, the data fault coding met, or none for an article the store already held when the worker asked. */
  coding: Coding | { fault: Fault } | { stored: true };
  /** The checked text when the coding does not carry it (a failure); otherwise the coded article's. */
  text?: string;
};

/** Code a prepared article now, as data a worker can send. */
export function codedMessage(p: Prepared): PreparedMessage {
  let coding: Coding | { fault: Fault };
  try {
    coding = p.code();
  } catch (err) {
    if (!(err instanceof MizanError)) throw err;
    const message = err.place ? err.message.slice(err.place.length + 2) : err.message;
    coding = { fault: { code: err.code, message, ...(err.place ? { place: err.place } : {}) } };
  }
  return { origin: p.origin, fp: p.fp, coding, ...('coded' in coding ? {} : { text: p.text }) };
}

/**
 * A prepared article the store already holds, not coded: stores keep what they hold, so the writer finds it by
 * its hash again when its turn comes and counts it a duplicate without asking for its coding.
 */
export function storedMessage(p: Prepared): PreparedMessage {
  return { origin: p.origin, fp: p.fp, coding: { stored: true } };
}

/** The prepared article a worker's message stands for. */
export function fromMessage(m: PreparedMessage): Preparation {
  if ('problem' in m) return m;
  const { coding } = m;
  const text = m.text ?? ('coded' in coding ? coding.coded.text : '');
  return {
    origin: m.origin, text, fp: m.fp,
    code: () => {
      if ('fault' in coding) throw new MizanError(coding.fault.code, coding.fault.message, coding.fault.place);
      if ('stored' in coding) throw new Error(`${m.origin} was found stored, yet the store now lacks it`);
      return coding;
    },
  };
}
