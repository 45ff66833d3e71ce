import type { Item, SourcePosition } from '../model/types.js';

/** Where an item is first defined, with the column of that record when the model knows it. */
export function itemPosition(item: Item): SourcePosition {
  const record = item.appearances.find((place) => place.file === item.source.file && place.line === item.source.line);
  return { file: item.source.file, line: item.source.line, column: record?.column ?? 1 };
}
