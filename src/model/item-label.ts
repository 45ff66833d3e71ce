import type { Item } from './types.js';

/** Titles longer than this are cut in a message. */
const TITLE_WIDTH = 60;

/** What `itemLabel` needs of an item. */
export type Labelled = Pick<Item, 'id' | 'title' | 'anonymous' | 'source'>;

/**
 * How a message names an item: by its ID, or, for work the document lists without one, by its
 * title and where it stands (`"Activation Funnel Completion" (plan.md:8)`): the `plan.md:8` the
 * model uses as its ID tells a reader nothing on its own.
 */
export function itemLabel(item: Labelled): string {
  if (!item.anonymous) return item.id;
  return titledLabel(item.title, `${item.source.file}:${item.source.line}`);
}

/** `"Title" (file:line)`, the title cut to fit a message; the place alone when there is no title. */
export function titledLabel(title: string, where: string): string {
  const text = title.replace(/\s+/g, ' ').trim();
  if (!text) return where;
  const shown = text.length > TITLE_WIDTH ? `${text.slice(0, TITLE_WIDTH - 1)}…` : text;
  return `"${shown}" (${where})`;
}

/**
 * Names items by ID as `itemLabel` does: a lookup for messages that hold only IDs (a prerequisite,
 * a path). An ID the lookup does not know is named as it is.
 */
export function labeller(items: readonly Labelled[]): (id: string) => string {
  const anonymous = new Map<string, string>();
  for (const item of items) if (item.anonymous) anonymous.set(item.id, itemLabel(item));
  return (id) => anonymous.get(id) ?? id;
}
