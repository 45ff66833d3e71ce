import { cleanId, configuredId, expandRange, idKey, looksLikeId, looksLikeNonLatinId } from './ids.js';

export const ALL_ABOVE = '\u0000all-above';

const ARROWS = String.raw`[→⟶➔➜⇒]|->|=>`;

/**
 * What separates references in a cell. An arrow chain ("PAY-101 → PAY-102") in a dependency
 * cell lists what must come first, so its arrows separate as commas do.
 */
const SEPARATOR = new RegExp(String.raw`\s*(?:,|;|、|，|；|\/|\+|&|\band\b|\bund\b|\bet\b|\be\b|\by\b|${ARROWS})\s*`, 'i');

const NO_DEPENDENCY = /^(?:|-+|—|–|none|nothing|n\/?a|keine?|aucune?|nenhuma?|ninguna?|нет|无|없음|なし|no dependencies|independent)$/i;

/**
 * Splits a dependency cell or line into references as written. Notes in parentheses
 * ("E12-03 (S4)", "None (start first)", "#133 (done)") are dropped; "All above" becomes
 * ALL_ABOVE for the table to expand; ranges expand to each ID; pull requests are not items.
 * Names that are not IDs ("Release 2", "Epic 1 complete") are kept for the model to resolve.
 */
export function parseReferences(raw: string, extra: readonly RegExp[] = []): string[] {
  const { text: shielded, literals } = shieldConfiguredIds(raw, extra);
  const text = shielded
    .replace(/<br\s*\/?>/gi, ',')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[*_`[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (NO_DEPENDENCY.test(text.replace(/[.:]$/, ''))) return [];
  if (
    /^(?:all\s+(?:above|previous|prior)|alle\s+(?:oben|vorherigen)|tout\s+ce\s+qui\s+précède|todas?\s+(?:acima|anteriores)|tutt[ie]\s+(?:sopra|precedenti)|すべての前|全ての前|以上すべて|所有前面|위의 모든|이전 모든)/iu.test(
      text,
    )
  ) {
    return [ALL_ABOVE];
  }
  const references: string[] = [];
  let prefix = '';
  for (const piece of text.split(SEPARATOR)) {
    // "after US-054", "Depends on: X", "T-001 ✅": the label and status marks are not part of the ID.
    let part = piece
      .replace(/\p{Extended_Pictographic}|\uFE0F/gu, '')
      .trim()
      .replace(/^(?:after|depends\s+on|(?:is\s+)?blocked\s+by|requires|needs|nach|après|depois de|después de|dopo|после)\s*:?\s+/i, '')
      .replace(/[.:]$/, '');
    if (!part || NO_DEPENDENCY.test(part)) continue;
    const literal = SHIELDED.exec(part);
    if (literal) {
      references.push(literals[Number(literal[1])]);
      continue;
    }
    // "#42 #43": IDs side by side, with nothing but a space between them.
    const words = part.split(' ');
    if (words.length > 1 && words.every((word) => looksLikeId(word, extra) || looksLikeNonLatinId(word))) {
      references.push(...words);
      continue;
    }
    if (/^(?:PR|MR|pull request)\s*#?\d+$/i.test(part)) continue;
    part = part.replace(/^(?:stories|story)\s+(?=\d)/i, 'Story ').replace(/\s+(?:complete|completed|done|finished|fertig|terminé)$/i, '');
    // "Stories 2.2, 2.3": a bare number continues the word before it.
    const word = /^(\p{L}+\s+)#?\d/u.exec(part);
    if (word) prefix = word[1];
    else if (/^\d+(?:\.\d+)*(?:\s*-\s*\d+(?:\.\d+)*)?$/.test(part) && prefix) part = prefix + part;
    const dotted = /^(\p{L}+\s+\d+\.)(\d+)\s*-\s*(?:\d+\.)?(\d+)$/u.exec(part);
    if (dotted && Number(dotted[3]) > Number(dotted[2]) && Number(dotted[3]) - Number(dotted[2]) < 100) {
      for (let n = Number(dotted[2]); n <= Number(dotted[3]); n++) references.push(`${dotted[1]}${n}`);
      continue;
    }
    const range =
      /^(.+?)\s*(?:\s-\s|–|—|\bthrough\b|\bto\b|\bbis\b|\.\.)\s*(.+)$/i.exec(part) ??
      /^([A-Za-z#]+[\w.]*?\d)\s*-\s*([A-Za-z#]+\d[\w.]*)$/.exec(part);
    if (range) {
      const ids = expandRange(
        range[1],
        /^\d/.test(range[2]) && /[A-Za-z#]/.test(range[1]) ? range[1].replace(/\d+$/, '') + range[2] : range[2],
      );
      if (ids && (looksLikeId(range[1], extra) || /^Story /i.test(range[1]))) {
        references.push(...ids);
        continue;
      }
    }
    references.push(part);
  }
  return references;
}

const ARROW = new RegExp(String.raw`\s*(?:${ARROWS})\s*`);

/**
 * An arrow chain through the item itself in its own dependency cell ("PAY-101 → PAY-104" on
 * PAY-104's row): what comes before the item must precede it, what comes after follows it.
 * Null when the cell is not such a chain.
 */
export function chainThrough(raw: string, id: string): { before: string; after: string } | null {
  const links = raw.split(ARROW);
  const at = links.findIndex((link) => idKey(cleanId(link)) === idKey(id));
  if (links.length < 2 || at === -1) return null;
  return { before: links.slice(0, at).join(', '), after: links.slice(at + 1).join(', ') };
}

const SHIELDED = /^\uE000(\d+)\uE000$/;
const PLAIN_ID = /^[\p{L}\p{N}\s.#-]*$/u;

/**
 * Replaces each reference that a configured ID pattern matches as written by a placeholder, so
 * that none of the reading above takes it apart: "(X)" is no note, "A+1" no pair, "a.b*" keeps
 * its star. IDs of letters, digits, dots and hyphens alone are read as any other reference.
 */
function shieldConfiguredIds(raw: string, extra: readonly RegExp[]): { text: string; literals: string[] } {
  const literals: string[] = [];
  if (extra.length === 0) return { text: raw, literals };
  const text = raw
    .split(/(\s*(?:,|;|<br\s*\/?>)\s*)/i)
    .map((piece) => {
      const id = PLAIN_ID.test(piece) ? null : configuredId(piece, extra);
      if (id === null) return piece;
      literals.push(id);
      return `\uE000${literals.length - 1}\uE000`;
    })
    .join('');
  return { text, literals };
}
