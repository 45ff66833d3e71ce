import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

/**
 * Markdown to mdast with positions. Only the GFM pieces a backlog needs (tables, task-list
 * checkboxes) and YAML front matter: full GFM also runs autolinks, footnotes and strikethrough,
 * which cost more than the tables and add nothing to the model.
 */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, {
    extensions: [frontmatter(['yaml']), gfmTable(), gfmTaskListItem()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
  });
}
