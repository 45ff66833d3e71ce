// Where the time goes inside one process, through the library API: loading (read, parse, extract,
// model), the parse alone again beside it, then each analysis on the loaded model. Prints JSON.
import * as api from '../dist/index.js';
import { parseMarkdown } from '../dist/parse/parse-markdown.js';
import { prepareText } from '../dist/parse/prepare-text.js';

const paths = process.argv.slice(2);
const phases = {};

function time(name, run) {
  const started = performance.now();
  try {
    const result = run();
    phases[name] = Math.round(performance.now() - started);
    return result;
  } catch (error) {
    phases[name] = `failed: ${error instanceof Error ? error.message : String(error)}`;
    return undefined;
  }
}

const started = performance.now();
const { backlog, sources } = await api.loadBacklog(paths);
phases.load = Math.round(performance.now() - started);
time('parse', () => {
  for (const source of sources) parseMarkdown(prepareText(source.text, source.file).text);
});
time('lint', () => api.lint(backlog));
time('criticalPath', () => api.criticalPath(backlog));
time('forecast', () => api.forecast(backlog, { velocity: api.parseVelocity('30') }));
time('forecast10kTrials', () => api.forecast(backlog, { velocity: api.parseVelocity('25..35'), trials: 10000 }));
process.stdout.write(`${JSON.stringify({ items: backlog.items.length, phases })}\n`);
