/**
 * The lines of a file, streamed: UTF-8 (a byte order mark skipped) or UTF-16 (by its mark or its NUL bytes);
 * a line longer than the limit is skipped without being held in memory, and a line that is not UTF-8 is
 * named with its column.
 */
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { binaryKind, byteOrderMark, hexByte, invalidUtf8, sniffUtf16 } from './decode.js';
import { formatBytes, MAX_RECORD_BYTES } from './limits.js';

/** One line (without its line end), or why it cannot be read; `bytes` of the file it accounts for. */
export interface Line {
  /** 1-based line number. */
  n: number;
  text?: string;
  problem?: string;
  bytes: number;
}

/** A problem with the whole file, found from its first bytes. */
export interface FileProblem {
  problem: string;
}

/** Read a file line by line; the first result is a {@link FileProblem} when the file is not text at all. */
export async function* readLines(path: string, maxBytes = MAX_RECORD_BYTES): AsyncGenerator<Line | FileProblem> {
  let decoder: TextDecoder | undefined;
  let first = true;
  let n = 0;
  let parts: Buffer[] = [];
  let kept = 0;
  let length = 0;
  let unreported = 0;
  const finish = (): Line => {
    n++;
    const line: Line = { n, bytes: unreported };
    unreported = 0;
    if (length > maxBytes) line.problem = `the line is ${formatBytes(length)}, over the ${formatBytes(maxBytes)} limit for one record`;
    else {
      let buf = Buffer.concat(parts, kept);
      if (buf[buf.length - 1] === 0x0d) buf = buf.subarray(0, buf.length - 1);
      const bad = invalidUtf8(buf);
      if (bad >= 0) line.problem = `not valid UTF-8: byte ${hexByte(buf[bad])} at column ${bad + 1}; convert the file to UTF-8`;
      else line.text = buf.toString('utf8');
    }
    parts = [];
    kept = 0;
    length = 0;
    return line;
  };
  for await (const raw of createReadStream(path) as AsyncIterable<Buffer>) {
    unreported += raw.length;
    let chunk = raw;
    if (first) {
      first = false;
      const bom = byteOrderMark(chunk);
      if (bom?.encoding === 'utf-32') {
        yield { problem: 'UTF-32 text is not read; convert it to UTF-8' };
        return;
      }
      const kind = bom ? undefined : binaryKind(chunk);
      if (kind) {
        yield { problem: `binary content, not text: ${kind}` };
        return;
      }
      const utf16 = bom ? (bom.encoding === 'utf-8' ? undefined : bom.encoding) : sniffUtf16(chunk);
      if (utf16) decoder = new TextDecoder(utf16);
      else if (bom) chunk = chunk.subarray(bom.length);
    }
    // UTF-16 is turned into UTF-8 as it streams, so the one splitter below serves both.
    if (decoder) chunk = Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
    let from = 0;
    for (let nl = chunk.indexOf(0x0a, from); ; nl = chunk.indexOf(0x0a, from)) {
      const end = nl < 0 ? chunk.length : nl;
      const piece = chunk.subarray(from, end);
      length += piece.length;
      if (length <= maxBytes) {
        parts.push(piece);
        kept += piece.length;
      } else if (parts.length > 0) {
        parts = [];
        kept = 0;
      }
      if (nl < 0) break;
      yield finish();
      from = nl + 1;
    }
  }
  if (decoder) {
    const rest = Buffer.from(decoder.decode(), 'utf8');
    length += rest.length;
    if (length <= maxBytes) {
      parts.push(rest);
      kept += rest.length;
    }
  }
  if (length > 0) yield finish();
}
