/**
 * Numbers as documents type them, made plain for the estimate reader: full-width forms from
 * CJK keyboards ("（５pt）") and fractions ("½ day", "1½ days", "1/2d").
 */

const VULGAR: Record<string, number> = {
  '½': 1 / 2,
  '⅓': 1 / 3,
  '⅔': 2 / 3,
  '¼': 1 / 4,
  '¾': 3 / 4,
  '⅕': 1 / 5,
  '⅖': 2 / 5,
  '⅗': 3 / 5,
  '⅘': 4 / 5,
  '⅙': 1 / 6,
  '⅚': 5 / 6,
  '⅛': 1 / 8,
  '⅜': 3 / 8,
  '⅝': 5 / 8,
  '⅞': 7 / 8,
};
const VULGAR_CHARS = Object.keys(VULGAR).join('');

/** A number that may still be written as a fraction: where an estimate starts in running text. */
export const WRITTEN_NUMBER = String.raw`(?:\d+(?:[.,]\d+)?(?:\s?[${VULGAR_CHARS}]|[/⁄]\d+)?|[${VULGAR_CHARS}])`;

const MIXED_VULGAR = new RegExp(String.raw`(?<![\d.,])(?:(\d+)\s?)?([${VULGAR_CHARS}])`, 'gu');
// A fraction stands alone: "1/2/3" is a three-point estimate and "24/10" a date, neither a fraction.
const SLASH_FRACTION = /(?<![\d.,/⁄]|[\d.,]\s*[/⁄]\s*)(?:(\d+)\s+)?(\d+)[/⁄](\d+)(?![\d.,]|\s*[/⁄])/g;

/**
 * Full-width ASCII forms (U+FF01–FF5E) and the ideographic space as their ASCII twins. Every
 * character maps to one character, so positions in the folded text are positions in the original.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (char) => (char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0)));
}

/** Fractions as decimals: "½" → "0.5", "1½" → "1.5", "1/2" → "0.5", "1 1/2" → "1.5". Only proper fractions up to tenths count. */
export function fractionsAsDecimals(text: string): string {
  return text
    .replace(MIXED_VULGAR, (_, whole: string | undefined, fraction: string) => String(Number(whole ?? 0) + VULGAR[fraction]))
    .replace(SLASH_FRACTION, (match, whole: string | undefined, numerator: string, denominator: string) => {
      const [top, bottom] = [Number(numerator), Number(denominator)];
      return top < bottom && bottom <= 10 ? String(Number(whole ?? 0) + top / bottom) : match;
    });
}

/** Full-width forms, vulgar fractions and the fraction slashes are all outside printable ASCII but "/". */
const MAYBE_UNPLAIN = /[/\u0080-\uffff]/;

export function plainNumerals(text: string): string {
  // Most estimates are plain ASCII ("3", "5 SP", "2-4h"): nothing to make plain.
  return MAYBE_UNPLAIN.test(text) ? fractionsAsDecimals(foldWidth(text)) : text;
}
