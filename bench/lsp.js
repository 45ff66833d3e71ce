// The language server's answer time: a workspace of synthetic backlogs (1,000 items in files of
// 100 by default), `backlog lsp` spawned as an editor spawns it, one file open; then, round after
// round, a one-line change (an estimate) and the time until the server publishes that file's
// diagnostics for the new version. Beside it, the same change in one process through the
// server's own project class, split into its phases. The last line is JSON for bench/run.js.
//
//   node bench/lsp.js [--items 1000] [--rounds 30]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { Project } from '../dist/lsp/project.js';
import { diagnosticsFor } from '../dist/lsp/features.js';
import { writeManyFiles } from './generate.js';

const CLI = fileURLToPath(new URL('../bin/backlog.js', import.meta.url));
const { values: options } = parseArgs({
  options: { items: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '30' } },
});
const items = Number(options.items);
const rounds = Number(options.rounds);

const group = (value) => Math.round(value).toLocaleString('en-US');
const ms = (value) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

/** A line of the file that holds an estimate, and the same line with the estimate changed: the edit of each round. */
function editableLine(text) {
  const lines = text.split('\n');
  const index = lines.findIndex((line, at) => at > lines.length / 2 && (/^\| BL-\d+ \|/.test(line) || /^\*\*Points\*\*: \d+/.test(line)));
  const line = lines[index];
  const changed = (round) =>
    line.replace(/(\| BL-\d+ \|[^|]*\| )(\d+)( \|)|(\*\*Points\*\*: )(\d+)/, (...match) => {
      const value = round % 2 === 0 ? '21' : '1';
      return match[1] ? `${match[1]}${value}${match[3]}` : `${match[4]}${value}`;
    });
  return { index, line, changed };
}

async function overProtocol(directory, file) {
  const child = spawn(process.execPath, [CLI, 'lsp'], { cwd: directory, stdio: 'pipe' });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(file).href;
  let waiting = null;
  const published = new Set();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.add(params.uri);
    if (waiting && params.uri === uri && params.version === waiting.version) waiting.resolve(performance.now());
  });
  connection.listen();
  const untilVersion = (version) => new Promise((resolve) => (waiting = { version, resolve }));

  const started = performance.now();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(directory).href,
    workspaceFolders: [{ uri: pathToFileURL(directory).href, name: 'bench' }],
    capabilities: {},
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const text = readFileSync(file, 'utf8');
  const opened = untilVersion(1);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version: 1, text },
  });
  const firstMs = (await opened) - started;

  const edit = editableLine(text);
  const times = [];
  for (let round = 0; round < rounds; round++) {
    const version = round + 2;
    const done = untilVersion(version);
    const sent = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [
        {
          range: { start: { line: edit.index, character: 0 }, end: { line: edit.index, character: edit.line.length } },
          text: edit.changed(round),
        },
      ],
    });
    times.push((await done) - sent);
  }
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)));
  connection.dispose();
  return { firstMs, times, files: published.size };
}

async function inProcess(directory, file) {
  const project = new Project(directory, true, undefined, { info() {}, error() {} });
  await project.scan();
  project.analysis();
  const text = readFileSync(file, 'utf8');
  const edit = editableLine(text);
  const lines = text.split('\n');
  const phases = { extract: [], build: [], lint: [], diagnostics: [] };
  for (let round = 0; round < rounds; round++) {
    lines[edit.index] = edit.changed(round);
    const started = performance.now();
    project.setText(file, pathToFileURL(file).href, lines.join('\n'), round + 2);
    phases.extract.push(performance.now() - started);
    const analysis = project.analysis();
    phases.build.push(analysis.timings.build);
    phases.lint.push(analysis.timings.lint);
    const listed = performance.now();
    for (const entry of analysis.files) diagnosticsFor(entry, analysis);
    phases.diagnostics.push(performance.now() - listed);
  }
  return Object.fromEntries(Object.entries(phases).map(([name, values]) => [name, median(values)]));
}

const directory = mkdtempSync(path.join(os.tmpdir(), 'backlog-bench-lsp-'));
try {
  const files = writeManyFiles(directory, items);
  // A file in the middle of the workspace, so that files before and after it depend on it.
  const file = files[Math.floor(files.length / 2)];
  const protocol = await overProtocol(directory, file);
  const phases = await inProcess(directory, file);
  const result = {
    items,
    files: files.length,
    rounds,
    firstMs: protocol.firstMs,
    medianMs: median(protocol.times),
    p90Ms: percentile(protocol.times, 90),
    maxMs: Math.max(...protocol.times),
    phases,
  };
  console.log(
    `language server, ${group(items)} items in ${files.length} files: start-up to the first diagnostics of the open file ${ms(result.firstMs)}; ` +
      `after a one-line change, diagnostics for the new version in ${ms(result.medianMs)} (median of ${rounds}; p90 ${ms(result.p90Ms)}, max ${ms(result.maxMs)})`,
  );
  console.log(
    `  in one process, per change: read the changed file again ${ms(phases.extract)}, build the model from the kept extractions ${ms(phases.build)}, ` +
      `lint ${ms(phases.lint)}, diagnostics of all ${files.length} files ${ms(phases.diagnostics)}`,
  );
  console.log(JSON.stringify(result));
} finally {
  rmSync(directory, { recursive: true, force: true });
}
