/**
 * Bytes of a local file to text: a byte order mark decides the encoding; known binary formats, NUL bytes
 * and invalid UTF-8 are refused with the place of the fault; UTF-16 without a mark is recognised by its
 * NUL bytes; a charset an HTML <meta> or XML declaration names is honoured.
 */
import { isUtf8 } from 'node:buffer';

/** Decoded text, with a note when the encoding was guessed; or why the bytes are not text. */
export type Decoded = { text: string; note?: string } | { problem: string };

/** Binary formats recognised by their first bytes. */
const SIGNATURES: Array<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b, 0x08]],
  ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['a SQLite database', [...Buffer.from('SQLite format 3\0', 'latin1')]],
];

const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

/** The encoding a byte order mark announces, and the mark's length. */
export function byteOrderMark(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32'; length: number } | undefined {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) return { encoding: 'utf-32', length: 4 };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', length: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', length: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** The binary format the bytes begin with, if one is known. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find(([, sig]) => startsWith(bytes, sig))?.[0];
}

/**
 * UTF-16 without a byte order mark, told by its NUL bytes: ASCII letters, digits and spaces have a zero high
 * byte, so one side of the byte pairs is often zero and the other (almost) never.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.1 && even <= pairs * 0.01) return 'utf-16le';
  if (even >= pairs * 0.1 && odd <= pairs * 0.01) return 'utf-16be';
  return undefined;
}

/** The offset of the first byte that breaks UTF-8 (an overlong form, a surrogate, a cut sequence...), or -1. */
export function invalidUtf8(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need >= n) return i;
    const b1 = bytes[i + 1] as number;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF have a narrower second byte.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (b1 < lo || b1 > hi) return i;
    for (let k = 2; k <= need; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return 0;
}

/** The 1-based line and column of a byte offset. */
export function lineAndColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** A byte as written in messages: 0xFF. */
export function hexByte(b: number | undefined): string {
  return `0x${(b ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
}

function at(bytes: Uint8Array, offset: number): string {
  const { line, column } = lineAndColumn(bytes, offset);
  return `line ${line}, column ${column} (offset ${offset})`;
}

/** The charset an HTML <meta> or XML declaration in the first 2 KiB names, if any. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  return /<meta[^>]+charset=["']?([\w-]+)/iu.exec(head)?.[1] ?? /<\?xml[^>]+encoding=["']([\w-]+)/iu.exec(head)?.[1];
}

/** Decode a local file's bytes, or say why they are not text. */
export function decodeFile(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { problem: 'empty file (0 bytes)' };
  const bom = byteOrderMark(bytes);
  if (bom?.encoding === 'utf-32') return { problem: 'UTF-32 text is not read; convert it to UTF-8' };
  if (bom && bom.encoding !== 'utf-8') return { text: new TextDecoder(bom.encoding).decode(bytes) };
  const kind = binaryKind(bytes);
  if (kind) return { problem: `binary content, not text: ${kind}` };
  const utf16 = bom ? undefined : sniffUtf16(bytes);
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes), note: `no byte order mark: read as ${utf16.toUpperCase()} from its NUL bytes` };
    } catch {
      // not UTF-16 after all: judged below
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { problem: `binary content, not text: a NUL byte at ${at(bytes, nul)}` };
  // A file in UTF-16 has shown itself above; a declaration of UTF-16 in bytes without NULs is a copying slip.
  const label = declaredCharset(bytes)?.toLowerCase();
  if (label && !/^utf-?(8|16|32)/u.test(label)) {
    try {
      return { text: new TextDecoder(label).decode(bytes) };
    } catch {
      // an unknown charset: read as UTF-8
    }
  }
  const bad = invalidUtf8(bytes);
  if (bad >= 0) return { problem: `not valid UTF-8: byte ${hexByte(bytes[bad])} at ${at(bytes, bad)}; convert the file to UTF-8` };
  return { text: new TextDecoder('utf-8').decode(bytes) };
}
