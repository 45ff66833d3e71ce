// Synthetic backlogs in the styles real ones are written in (see the seeds): one table per epic,
// one heading per story with `**Key**: value` lines, sprint headings with tables. Items get
// story-point estimates, a status, and dependencies on earlier items (across files too), so that
// lint, the critical path and the forecast all have work to do.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../dist/analyze/random.js';

const POINTS = [1, 2, 3, 5, 8, 13];
const STATUSES = ['To do', 'To do', 'To do', 'In progress', 'Done'];
const WORDS = ['login', 'export', 'billing', 'search', 'audit', 'report', 'sync', 'upload', 'profile', 'alerts', 'roles', 'cache'];
const STYLES = ['epic-tables', 'story-headings', 'sprint-tables'];

/** Fields of item `index` (0-based, global across files); dependencies point only backwards. */
function makeItem(index, random) {
  const dependencies = [];
  const count = index === 0 ? 0 : random.int(0, 2);
  for (let k = 0; k < count; k++) {
    const target = index - random.int(1, Math.min(index, 40));
    if (!dependencies.includes(target)) dependencies.push(target);
  }
  return {
    id: `BL-${index + 1}`,
    title: `${WORDS[random.int(0, WORDS.length - 1)]} ${WORDS[random.int(0, WORDS.length - 1)]} for team ${random.int(1, 9)}`,
    points: POINTS[random.int(0, POINTS.length - 1)],
    status: STATUSES[random.int(0, STATUSES.length - 1)],
    dependsOn: dependencies.map((target) => `BL-${target + 1}`),
  };
}

function itemRow(item) {
  return `| ${item.id} | ${item.title} | ${item.points} | ${item.dependsOn.join(', ') || 'None'} | ${item.status} |`;
}

const ITEM_TABLE_HEAD = '| ID | Title | Estimate | Depends on | Status |\n|----|-------|---------:|------------|--------|';

/** The markdown of file number `fileNumber`, holding `items` in `style`. */
function fileText(style, items, fileNumber) {
  switch (style) {
    case 'epic-tables': {
      const parts = [`# Product backlog, part ${fileNumber}\n\nEstimates are in story points.\n`];
      for (let start = 0; start < items.length; start += 20) {
        const epic = fileNumber * 10 + start / 20 + 1;
        parts.push(
          `## EP-${epic}: ${items[start].title}\n\n${ITEM_TABLE_HEAD}\n${items
            .slice(start, start + 20)
            .map(itemRow)
            .join('\n')}\n`,
        );
      }
      return parts.join('\n');
    }
    case 'story-headings':
      return [
        `# Stories, part ${fileNumber}\n`,
        ...items.map(
          (item) =>
            `### ${item.id}: ${item.title}\n\n**Points**: ${item.points}\n**Status**: ${item.status}\n**Depends on**: ${item.dependsOn.join(', ') || 'None'}\n`,
        ),
      ].join('\n');
    case 'sprint-tables': {
      const parts = [`# Sprint plan, part ${fileNumber}\n`];
      for (let start = 0; start < items.length; start += 25) {
        const sprint = fileNumber * 4 + start / 25 + 1;
        const rows = items
          .slice(start, start + 25)
          .map((item) => `| ${item.id} | ${item.title} | ${item.points} | ${item.dependsOn.join(', ') || '-'} |`);
        parts.push(`## Sprint ${sprint}\n\n| ID | Story | Points | Depends on |\n|---|---|---|---|\n${rows.join('\n')}\n`);
      }
      return parts.join('\n');
    }
    default:
      throw new Error(`unknown style ${style}`);
  }
}

/** `count` items in files of `perFile`, the three styles taking turns. Returns the files written. */
export function writeManyFiles(directory, count, perFile = 100, seed = 7) {
  mkdirSync(directory, { recursive: true });
  const random = seededRandom(seed);
  const files = [];
  for (let first = 0, number = 0; first < count; first += perFile, number++) {
    const items = [];
    for (let index = first; index < Math.min(first + perFile, count); index++) items.push(makeItem(index, random));
    const file = path.join(directory, `backlog-${String(number).padStart(5, '0')}.md`);
    writeFileSync(file, fileText(STYLES[number % STYLES.length], items, number));
    files.push(file);
  }
  return files;
}

/** One file holding one table of `count` rows. */
export function writeBigTable(directory, count, seed = 7) {
  mkdirSync(directory, { recursive: true });
  const random = seededRandom(seed);
  const rows = [];
  for (let index = 0; index < count; index++) rows.push(itemRow(makeItem(index, random)));
  const file = path.join(directory, 'backlog.md');
  writeFileSync(file, `# Backlog\n\nEstimates are in story points.\n\n${ITEM_TABLE_HEAD}\n${rows.join('\n')}\n`);
  return [file];
}
