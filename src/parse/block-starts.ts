/**
 * Lines that start a block in CommonMark, as line-based readers need to know them. Each pattern
 * is for a line without indent; callers strip (or refuse) the indent first.
 */
export const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
/** A fence opening: a backtick fence's info string cannot hold a backtick. */
export const FENCE_OPENING = /^(?:`{3,}[^`]*|~{3,}.*)$/;
/** A bullet or an ordered-list number: what opens a list item. */
export const LIST_MARKER = String.raw`[-*+]|\d{1,9}[.)]`;
export const LIST_ITEM = new RegExp(String.raw`^(?:${LIST_MARKER})(?:[ \t]|$)`);
export const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/** Leading spaces of a line (a tab in the indent makes the line one micromark should read). */
export function indentOf(line: string): number {
  let index = 0;
  while (line.charCodeAt(index) === 32) index++;
  return index;
}

export function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}
