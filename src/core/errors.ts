/** The catalogue of usage and configuration errors. Codes are stable and never reused (docs/errors.md). */

/** Every error code Mizan throws, with its exit code and a one-line meaning. */
export const ERROR_CATALOGUE = {
  MIZAN_E_USAGE: { exit: 2, meaning: 'The command line is wrong: an unknown option, a missing or bad argument.' },
  MIZAN_E_INPUT: { exit: 2, meaning: 'An input line or file cannot be read as what it claims to be.' },
  MIZAN_E_IO: { exit: 3, meaning: 'A file or folder cannot be read or written.' },
  MIZAN_E_DATA: { exit: 4, meaning: 'A dictionary or data file shipped with Mizan is missing or malformed.' },
  MIZAN_E_GOLD: { exit: 2, meaning: 'A gold file for evaluation is malformed.' },
  MIZAN_E_STORE: { exit: 5, meaning: 'The store cannot be opened, migrated or written.' },
  MIZAN_E_FETCH: { exit: 6, meaning: 'A feed or page cannot be fetched.' },
  MIZAN_E_SKIPPED: { exit: 1, meaning: 'The run finished but skipped some inputs; each was reported.' },
  MIZAN_E_NOT_FOUND: { exit: 2, meaning: 'A requested actor, article or record does not exist.' },
  MIZAN_E_PARAM: { exit: 2, meaning: 'An HTTP request has a missing or bad parameter or body; the message names it (HTTP 400).' },
  MIZAN_E_AUTH: { exit: 2, meaning: 'An HTTP write request lacks the right bearer token (HTTP 401).' },
  MIZAN_E_WRITE_OFF: { exit: 2, meaning: 'The HTTP write routes are off because MIZAN_TOKEN is not set (HTTP 403).' },
  MIZAN_E_TOO_LARGE: { exit: 2, meaning: 'An HTTP request body or upload is larger than the server accepts (HTTP 413).' },
  MIZAN_E_RATE_LIMIT: { exit: 2, meaning: 'Too many HTTP write requests in a short time; retry after the time given (HTTP 429).' },
  MIZAN_E_INTERNAL: { exit: 70, meaning: 'An unexpected fault in the server; its log has the details (HTTP 500).' },
  MIZAN_E_WORKER: { exit: 7, meaning: 'A worker thread of "mizan ingest --jobs N" stopped (a crash, out of memory); the articles stored before it are kept, and the same command run again resumes.' },
  MIZAN_E_PRIVATE_ADDRESS: { exit: 6, meaning: 'A URL given to the HTTP API, or a redirect or feed item page it leads to, is on a loopback, private, link-local or other non-public address, which the server fetches only when started with --allow-private (HTTP 403).' },
} as const;

/** A catalogued error code. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** An error with a catalogued code and, where it applies, the place (file, line, item) it concerns. */
export class MizanError extends Error {
  readonly code: ErrorCode;
  readonly place: string | undefined;

  constructor(code: ErrorCode, message: string, place?: string) {
    super(place ? `${place}: ${message}` : message);
    this.name = 'MizanError';
    this.code = code;
    this.place = place;
  }

  /** The process exit code for this error. */
  get exitCode(): number {
    return ERROR_CATALOGUE[this.code].exit;
  }
}
