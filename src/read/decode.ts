import type { Diagnostic } from '../model/types.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  bom: boolean;
  /** The text as it was before a double-encoding repair (null when none was needed). */
  mojibake: string | null;
  diagnostics: Diagnostic[];
}

export class BinaryFileError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Bytes to text. UTF-8 with or without BOM, UTF-16 by its BOM; invalid UTF-8 is decoded with
 * replacement characters and reported, never thrown. A NUL byte in the first 8 KB marks a binary
 * file, which is an input error rather than something to read.
 */
export function decodeBytes(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return finish(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le', true, file, []);
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return finish(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be', true, file, []);
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.subarray(0, 8192).includes(0)) {
    throw new BinaryFileError(`${file}: looks like a binary file (it has NUL bytes); pass markdown files only`);
  }
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    text = utf8Lenient.decode(body);
    diagnostics.push(
      encodingProblem(
        file,
        text,
        Math.max(text.indexOf('\uFFFD'), 0),
        'the file is not valid UTF-8; unreadable bytes were replaced with U+FFFD (save it as UTF-8)',
      ),
    );
  }
  return finish(text, 'utf-8', bom, file, diagnostics);
}

function finish(text: string, encoding: DecodedText['encoding'], bom: boolean, file: string, diagnostics: Diagnostic[]): DecodedText {
  const repaired = repairDoubleEncoding(text);
  if (repaired === null) return { text, encoding, bom, mojibake: null, diagnostics };
  const at = firstDifference(text, repaired);
  diagnostics.push({
    ...encodingProblem(
      file,
      text,
      at,
      `the file is double-encoded UTF-8 (mojibake such as "${sample(text, at)}"); it was read as "${sample(repaired, at)}" (run with --fix to repair it)`,
    ),
    fix: { start: 0, end: text.length, text: repaired },
  });
  return { text: repaired, encoding, bom, mojibake: text, diagnostics };
}

/**
 * UTF-8 that was decoded as Windows-1252/1254 or Latin-1 and encoded again shows as sequences
 * like "Ã¼" or "â€‘": each character stands for one byte of the real UTF-8. Every such run of
 * characters that maps back to a valid UTF-8 sequence is decoded; anything else (real non-Latin
 * text, or a sequence whose byte the mis-decoding dropped) is kept as it was. Returns the
 * repaired text, or null when nothing in the text was double-encoded.
 */
export function repairDoubleEncoding(text: string): string | null {
  if (!MOJIBAKE_HINT.test(text)) return null;
  const chars = Array.from(text);
  const bytes = chars.map((char) => {
    const code = char.codePointAt(0)!;
    return code < 0x100 ? code : (CP1252_REVERSE.get(code) ?? -1);
  });
  let out = '';
  let repaired = 0;
  for (let i = 0; i < chars.length;) {
    const length = sequenceLength(bytes, i);
    const lost = length === 1 ? lostByte(bytes, i) : null;
    if (length > 1) {
      out += utf8.decode(Uint8Array.from(bytes.slice(i, i + length)));
      repaired++;
      i += length;
    } else if (lost !== null) {
      out += lost;
      repaired++;
      i += 2;
    } else {
      out += chars[i];
      i++;
    }
  }
  return repaired > 0 ? out : null;
}

const MOJIBAKE_HINT =
  /[\u00c2-\u00f4\u011f][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

/**
 * Windows-1254 has no character for some bytes, so a double encoding through it drops them:
 * "ï¸" + (lost 0x8F) was U+FE0F, "â€" + (lost 0x9E or 0x9D) was „ before a word and ” after
 * one. Only these unambiguous cases are restored.
 */
function lostByte(bytes: readonly number[], i: number): string | null {
  if (bytes[i] === 0xef && bytes[i + 1] === 0xb8 && !(bytes[i + 2] >= 0x80 && bytes[i + 2] <= 0xbf)) return '\ufe0f';
  if (bytes[i] === 0xe2 && bytes[i + 1] === 0x80 && !(bytes[i + 2] >= 0x80 && bytes[i + 2] <= 0xbf)) {
    const next = bytes[i + 2];
    return next !== undefined && next > 0x40 && next !== -1 ? '\u201e' : '\u201d';
  }
  return null;
}

/** The length of a valid multi-byte UTF-8 sequence starting at `i`, or 1 when there is none. */
function sequenceLength(bytes: readonly number[], i: number): number {
  const lead = bytes[i];
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 1;
  if (length === 1 || i + length > bytes.length) return 1;
  for (let k = 1; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return 1;
  try {
    utf8.decode(Uint8Array.from(bytes.slice(i, i + length)));
    return length;
  } catch {
    return 1;
  }
}

const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
  // Windows-1254 differs from 1252 in six letters; text mis-decoded as Turkish shows them.
  0x011e: 0xd0,
  0x0130: 0xdd,
  0x015e: 0xde,
  0x011f: 0xf0,
  0x0131: 0xfd,
  0x015f: 0xfe,
};
const CP1252_REVERSE = new Map<number, number>(Object.entries(CP1252_HIGH).map(([k, v]) => [Number(k), v]));

function encodingProblem(file: string, text: string, offset: number, message: string): Diagnostic {
  return { file, ...lineColumnAt(text, offset), rule: 'encoding', severity: 'error', message };
}

function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

function sample(text: string, at: number): string {
  const start = Math.max(0, text.lastIndexOf(' ', at) + 1);
  const end = text.slice(at).search(/[\s`*|]/);
  return text.slice(start, end === -1 ? at + 12 : at + Math.min(end, 24)).trim();
}

function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
