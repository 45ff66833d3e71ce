import type { Block } from './blocks.js';
import { cleanId, hasIdShape, idKey, looksLikeId } from '../values/ids.js';
import { rolesOf } from '../roles/header-roles.js';
import { readDoneMarks } from '../values/title-marks.js';
import { splitLead } from './item-lead.js';

/** Where an item's ID stands: the lead of a heading, of a bold line or of a list entry, or a table cell. */
export type LeadPlace = 'heading' | 'bold' | 'entry' | 'cell';

/**
 * Which tokens are this document's IDs, decided from the whole document. A token of a shape
 * that also names other things ("H1" a heading level, "P0" a priority, "S3" a sprint) or of a
 * sub-item shape ("W0b") is an ID where tokens of its shape that are plainly IDs ("A1", "W0")
 * stand in the same kind of place: "H1" among "A1 … J3" bold lines, "W0b" among "W0 … W10"
 * headings. Alone, such tokens stay what they usually are.
 */
export interface IdEvidence {
  accepts(token: string, place: LeadPlace): boolean;
}

/** "H1" and "A1" share a shape; "W0b" belongs with "W0". */
function shapeOf(token: string): string {
  return token
    .replace(/[A-Z]+/g, 'A')
    .replace(/[a-z]+/g, 'a')
    .replace(/\d+/g, '9');
}

function prefixOf(token: string): string {
  return idKey(token).replace(/\d+[A-Z]?$/, '');
}

/** The tokens standing in ID places of the document's blocks, by place. */
function leadTokens(blocks: readonly Block[], lines: readonly string[]): { token: string; place: LeadPlace }[] {
  const found: { token: string; place: LeadPlace }[] = [];
  const lead = (text: string, place: LeadPlace) => {
    const token = splitLead(readDoneMarks(text).text)?.token;
    if (token && hasIdShape(token)) found.push({ token, place });
  };
  for (const block of blocks) {
    if (block.kind === 'heading') lead(block.text, 'heading');
    else if (block.kind === 'entry') lead(block.text, 'entry');
    else if (block.kind === 'line' && /^\s*(?:\*\*|__)/.test(lines[block.line - 1] ?? '')) lead(block.text, 'bold');
    else if (block.kind === 'table') {
      const idColumns = block.header.flatMap((cell, index) => (index === 0 || rolesOf(cell.text).includes('id') ? [index] : []));
      for (const row of block.rows) {
        for (const index of idColumns) {
          const token = cleanId(row[index]?.text ?? '');
          if (hasIdShape(token)) found.push({ token, place: 'cell' });
        }
      }
    }
  }
  return found;
}

/** The evidence of one document: its blocks as parsed, before any of them is read. */
export function gatherIdEvidence(blocks: readonly Block[], lines: readonly string[], extra: readonly RegExp[]): IdEvidence {
  // Shapes and prefixes of the plain IDs in each kind of place.
  const plainShapes = new Map<string, Set<string>>();
  const plainPrefixes = new Map<string, Set<string>>();
  const note = (map: Map<string, Set<string>>, key: string, token: string) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(idKey(token));
  };
  for (const { token, place } of leadTokens(blocks, lines)) {
    if (!looksLikeId(token, extra)) continue;
    note(plainShapes, `${place} ${shapeOf(token)}`, token);
    note(plainPrefixes, `${place} ${prefixOf(token)}`, token);
  }
  const enough = (map: Map<string, Set<string>>, key: string) => (map.get(key)?.size ?? 0) >= 2;
  return {
    accepts(token, place) {
      if (looksLikeId(token, extra)) return true;
      if (!hasIdShape(token)) return false;
      // "W0b": a sub-item beside its siblings "W0", "W1"; "H1": one of "A1" … "J3".
      return /\d[a-z]$/.test(token)
        ? enough(plainPrefixes, `${place} ${prefixOf(token)}`)
        : enough(plainShapes, `${place} ${shapeOf(token)}`);
    },
  };
}
