/**
 * Line-level recognisers shared by the passes that prepare text before it is parsed: they walk
 * a document line by line and must agree on where tables and fenced code blocks are.
 */

/** A GFM table delimiter row: `|---|:--:|`, `--- | ---`. */
export const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * The fence open after `line` (its marker character, ``` or ~), given the one open before it;
 * `marker` tells whether the line itself opens or closes a fence.
 */
export function nextFence(open: string | null, line: string): { open: string | null; marker: boolean } {
  const match = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
  if (!match) return { open, marker: false };
  if (open === null) return { open: match[1][0], marker: true };
  return { open: match[1][0] === open ? null : open, marker: true };
}
