/**
 * `npm run corpus`: reads each labelled document of ../shared/corpus/dev2 as a user would (show,
 * lint, critical-path), compares the reading with the careful reader's labels, and prints a table
 * per document and the share of checks that hold.
 *
 *   npm run corpus                    every document: failing checks, a line per document, the total
 *   npm run corpus -- a03 c05         only the documents whose names contain these words
 *   npm run corpus -- --all           passing checks too
 *   npm run corpus -- --json          the checks as JSON
 *   npm run corpus -- --min 95        exit 1 when fewer than 95% of the checks hold
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CycleError } from '../src/analyze/graph.js';
import { criticalPath } from '../src/analyze/critical-path.js';
import { lint } from '../src/lint/index.js';
import { loadBacklog } from '../src/load.js';
import type { DocumentLabels } from './corpus/labels.js';
import { scoreDocument, type DocumentScore } from './corpus/score.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    all: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    min: { type: 'string' },
    corpus: { type: 'string', default: path.join(root, '..', 'shared', 'corpus', 'dev2') },
  },
});

const corpus = path.resolve(values.corpus);
const labelsFile = path.join(corpus, 'labels.json');
if (!existsSync(labelsFile)) {
  console.error(`corpus: no labels at ${labelsFile}; pass --corpus DIR (a folder with labels.json and its documents)`);
  process.exit(2);
}

const labels = (JSON.parse(readFileSync(labelsFile, 'utf8')) as DocumentLabels[]).filter(
  (entry) => positionals.length === 0 || positionals.some((word) => entry.file.includes(word)),
);

async function read(entry: DocumentLabels): Promise<DocumentScore> {
  const { backlog, sources } = await loadBacklog([path.join(corpus, entry.file)], { cwd: corpus });
  const { problems } = lint(backlog, { sources });
  let path_;
  try {
    path_ = criticalPath(backlog, { all: true });
  } catch (error) {
    if (!(error instanceof CycleError) && !(error instanceof Error)) throw error;
    path_ = error;
  }
  return scoreDocument(entry, { backlog, problems, criticalPath: path_ });
}

const scores: DocumentScore[] = [];
for (const entry of labels) scores.push(await read(entry));

const passed = scores.reduce((sum, score) => sum + score.checks.filter((check) => check.pass).length, 0);
const total = scores.reduce((sum, score) => sum + score.checks.length, 0);
const percent = total ? (100 * passed) / total : 0;

if (values.json) {
  console.log(JSON.stringify({ passed, total, percent, documents: scores }, null, 2));
} else {
  for (const score of scores) {
    const held = score.checks.filter((check) => check.pass).length;
    console.log(`\n${score.file}: ${held}/${score.checks.length}`);
    for (const check of score.checks) {
      if (check.pass && !values.all) continue;
      const mark = check.pass ? '✓' : '✗';
      console.log(`  ${mark} ${check.name.padEnd(32)} expected ${check.expected}`);
      if (!check.pass) console.log(`    ${' '.repeat(32)} got      ${check.actual}`);
    }
  }
  console.log('\n| document | checks | held |');
  console.log('| --- | ---: | ---: |');
  for (const score of scores) {
    const held = score.checks.filter((check) => check.pass).length;
    console.log(`| ${score.file} | ${score.checks.length} | ${held} |`);
  }
  console.log(`\n${passed} of ${total} checks hold: ${percent.toFixed(1)}%`);
}

if (values.min !== undefined && percent < Number(values.min)) process.exit(1);
