import type { Root } from 'mdast';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

/** Which optional syntax a micromark read turns on; task-list checkboxes are always on. */
export interface Syntax {
  tables: boolean;
  /** YAML front matter, which only the start of a document can hold. */
  frontmatter: boolean;
}

/**
 * Markdown to mdast with positions, through micromark. Only the GFM pieces a backlog needs (tables,
 * task-list checkboxes) and YAML front matter: full GFM also runs autolinks, footnotes and
 * strikethrough, which cost more than the tables and add nothing to the model.
 */
export function micromarkTree(text: string, syntax: Syntax): Root {
  return fromMarkdown(text, optionsFor(syntax));
}

/** Fresh extensions for every read: the front matter construct keeps state between calls. */
function optionsFor(syntax: Syntax): Options {
  return {
    extensions: [...(syntax.frontmatter ? [frontmatter(['yaml'])] : []), ...(syntax.tables ? [gfmTable()] : []), gfmTaskListItem()],
    mdastExtensions: [
      ...(syntax.frontmatter ? [frontmatterFromMarkdown(['yaml'])] : []),
      ...(syntax.tables ? [gfmTableFromMarkdown()] : []),
      gfmTaskListItemFromMarkdown(),
    ],
  };
}
