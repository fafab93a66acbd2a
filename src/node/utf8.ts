/**
 * Files and streams are read as UTF-8, strictly. Node's own decoding turns every byte that is
 * not UTF-8 into U+FFFD without a word, so a Windows-1252 export ("caf\xE9") used to be moderated
 * as "caf\uFFFD" and written back out changed. decorum names the line and byte instead, so the
 * file can be converted. A byte order mark, which Windows tools write and RFC 8259 lets a JSON
 * reader ignore, is dropped from the start of a file.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { DecorumError, type DecorumErrorCode } from '../errors.js';

const BOM = [0xef, 0xbb, 0xbf] as const;

/** Does `bytes` start with a UTF-8 byte order mark? */
export const startsWithBom = (bytes: Uint8Array): boolean => bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or -1. Only run once isUtf8 has said no.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** What is wrong with a line whose bytes are not UTF-8: the byte, where it is, and what to do. */
export function invalidUtf8Message(bytes: Uint8Array, at: number): string {
  const hex = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
  return `not valid UTF-8: byte 0x${hex} at byte ${at + 1} of the line (decorum reads text as UTF-8; convert the file, e.g. iconv -f windows-1252 -t utf-8)`;
}

/**
 * The text of a whole file's bytes: without a leading byte order mark, and refused with a
 * DecorumError of `code` naming the file, line and byte when it is not UTF-8.
 */
export function decodeUtf8File(bytes: Buffer, file: string, code: DecorumErrorCode): string {
  const body = startsWithBom(bytes) ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) {
    const at = firstInvalidUtf8(body);
    const lineStart = body.lastIndexOf(0x0a, at) + 1;
    let line = 1;
    for (let i = body.indexOf(0x0a); i !== -1 && i < at; i = body.indexOf(0x0a, i + 1)) line++;
    throw new DecorumError(code, `${file}:${line}: ${invalidUtf8Message(body.subarray(lineStart), at - lineStart)}`, { file, line });
  }
  return body.toString('utf8');
}

/**
 * A text file, read as `decodeUtf8File` decodes it. A file that cannot be read is an `IO` error
 * naming `what` and the file; one that is not UTF-8 is a `code` error naming the line.
 */
export function readTextFile(file: string, what: string, code: DecorumErrorCode): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    throw new DecorumError('IO', `cannot read ${what} ${file}: ${(cause as Error).message}`, { file }, { cause });
  }
  return decodeUtf8File(bytes, file, code);
}
