// The parse floor: the same files read and parsed by mdast-util-from-markdown with the GFM table
// extension alone, which any markdown tool pays before doing anything else. Spawned by run.js
// exactly like the CLI, so the two are measured the same way.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';

const files = process.argv.slice(2).flatMap((input) =>
  statSync(input).isDirectory()
    ? readdirSync(input)
        .filter((name) => name.endsWith('.md'))
        .map((name) => path.join(input, name))
    : [input],
);
let rows = 0;
for (const file of files) {
  const tree = fromMarkdown(readFileSync(file, 'utf8'), { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  for (const node of tree.children) if (node.type === 'table') rows += node.children.length - 1;
}
process.stdout.write(`${files.length} files, ${rows} table rows\n`);
