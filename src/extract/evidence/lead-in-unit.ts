import { unitOfWord, type StatedUnit } from '../values/estimates.js';

/**
 * The unit the sentence introducing a table states for its figures: "PERT-style ranges in
 * implementation days:", "Estimates (hours):". Only the last line of prose right above the table,
 * ending in a colon, and only when it names one unit.
 */
export function leadInUnit(lines: readonly string[], tableLine: number): StatedUnit | null {
  let index = tableLine - 2;
  while (index >= 0 && lines[index].trim() === '') index--;
  if (index < 0 || tableLine - 2 - index > 1) return null;
  const text = lines[index].replace(/[*_`]/g, '').trim();
  if (!text.endsWith(':') || /^(?:#|\||[-*+]\s|\d+[.)]\s)/.test(text)) return null;
  const words = text
    .slice(0, -1)
    .split(/[\s(),;]+/)
    .filter(Boolean);
  const found = new Map<string, StatedUnit>();
  for (let i = 0; i < words.length; i++) {
    const unit = unitOfWord(`${words[i]} ${words[i + 1] ?? ''}`.trim()) ?? (words[i].length > 1 ? unitOfWord(words[i]) : null);
    if (unit) found.set(`${unit.unit} ${unit.factor}`, unit);
  }
  return found.size === 1 ? [...found.values()][0] : null;
}
