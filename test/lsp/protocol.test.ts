import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, DocumentSymbol, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { TestClient } from './client.js';

/** Sprint 1 states 9 points but holds 10; KS-3 names KS-9, which does not exist. */
const PLAN = `# Kiosk plan

## Sprint 1

| ID | Story | Points | Depends on |
|----|-------|-------:|------------|
| KS-1 | Login page | 3 | None |
| KS-2 | Export CSV | 5 | KS-1 |
| KS-3 | Audit log | 2 | KS-1, KS-9 |

**Total Points:** 9
`;

/** Depends on plan.md's KS-2 (the plan spans both files); the row of KS-5 is wrapped. */
const LATER = `# Later

Reports build on KS-2.

| ID | Story | Points | Depends on |
|----|-------|-------:|------------|
| KS-4 | Reports | 8 | KS-2 |
| KS-5 | Report
export | 3 | KS-4 |
`;

let root: string;
let client: TestClient;

beforeEach(async () => {
  root = tempDir('lsp');
  writeFileSync(path.join(root, 'plan.md'), PLAN);
  writeFileSync(path.join(root, 'later.md'), LATER);
  client = await TestClient.start(root);
});

afterEach(() => client.kill());

/** The problems `backlog lint --format json` reports in the root, for one file, in the diagnostics' terms. */
function cliProblems(file: string) {
  const run = runCli(['lint', '--format', 'json'], { cwd: root });
  const { problems } = JSON.parse(run.stdout) as {
    problems: { file: string; line: number; column: number; rule: string; severity: string; message: string }[];
  };
  return problems
    .filter((problem) => problem.file === file)
    .map((problem) => ({
      line: problem.line - 1,
      character: problem.column - 1,
      code: problem.rule,
      severity: problem.severity === 'error' ? 1 : 2,
      message: problem.message,
    }));
}

function asProblems(diagnostics: Diagnostic[]) {
  return diagnostics.map((diagnostic) => ({
    line: diagnostic.range.start.line,
    character: diagnostic.range.start.character,
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
  }));
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);

describe('backlog lsp over stdio', () => {
  it('initializes with its capabilities and asks to watch markdown and config files', async () => {
    const result = client.initializeResult!;
    expect(result.serverInfo?.name).toBe('backlog');
    expect(result.capabilities).toMatchObject({
      textDocumentSync: { openClose: true, change: 2 },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentSymbolProvider: { label: 'backlog' },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.backlog'] },
    });
    await client.diagnostics('plan.md');
    expect(client.registrations).toContain('workspace/didChangeWatchedFiles');
  });

  it('publishes for every markdown file of the folder what `backlog lint` reports there, open or not', async () => {
    for (const file of ['plan.md', 'later.md']) {
      const diagnostics = await client.diagnostics(file);
      expect(asProblems(diagnostics), file).toEqual(cliProblems(file));
      expect(diagnostics.every((diagnostic) => diagnostic.source === 'backlog')).toBe(true);
    }
    expect(codes(await client.diagnostics('plan.md'))).toEqual(['unknown-reference', 'stated-total-mismatch']);
    expect(codes(await client.diagnostics('later.md'))).toEqual(['table-row-wrapped']);
  });

  it('re-diagnoses an open file as it changes, with the version, and the files that depend on it', async () => {
    await client.open('plan.md', PLAN, 1);
    expect(codes(await client.diagnostics('plan.md', (params) => params.version === 1))).toContain('stated-total-mismatch');
    // Line 10 is "**Total Points:** 9": state 10 instead.
    await client.change('plan.md', 2, [{ range: { start: { line: 10, character: 18 }, end: { line: 10, character: 19 } }, text: '10' }]);
    expect(codes(await client.diagnostics('plan.md', (params) => params.version === 2))).toEqual(['unknown-reference']);
    // Remove KS-2 (line 7): later.md, not open, now depends on nothing known.
    await client.change('plan.md', 3, [{ range: { start: { line: 7, character: 0 }, end: { line: 8, character: 0 } }, text: '' }]);
    await client.diagnostics('plan.md', (params) => params.version === 3);
    const later = await client.diagnostics('later.md', (params) =>
      params.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-reference'),
    );
    expect(later.find((diagnostic) => diagnostic.code === 'unknown-reference')?.message).toMatch(/KS-4 depends on "KS-2"/);
    // Closing without saving: the file on disk counts again.
    await client.close('plan.md');
    await client.diagnostics('later.md', (params) => !params.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-reference'));
  });

  it('applies the config severities and rule switches, and reports a broken config on the config file', async () => {
    writeFileSync(path.join(root, '.backlogrc.yaml'), 'rules:\n  unknown-reference: error\n  table-row-wrapped: off\n');
    const configured = await TestClient.start(root);
    try {
      const plan = await configured.diagnostics('plan.md');
      expect(plan.find((diagnostic) => diagnostic.code === 'unknown-reference')?.severity).toBe(1);
      // Files are published in order, later.md before plan.md; a closed file without problems not at all.
      expect(configured.latest('later.md')).toBeUndefined();
      expect(asProblems(plan)).toEqual(cliProblems('plan.md'));
    } finally {
      configured.kill();
    }
    writeFileSync(path.join(root, '.backlogrc.yaml'), 'rules:\n  no-such-rule: error\n');
    const broken = await TestClient.start(root);
    try {
      const [problem] = await broken.diagnostics('.backlogrc.yaml');
      expect(problem.message).toMatch(/rules\.no-such-rule: unknown rule/);
      // Linting goes on with the defaults.
      expect(codes(await broken.diagnostics('plan.md'))).toEqual(['unknown-reference', 'stated-total-mismatch']);
      expect(await broken.hover('plan.md', 7, 3)).not.toBeNull();
    } finally {
      broken.kill();
    }
  });

  it('follows files created, changed and deleted on disk, and a config changed on disk', async () => {
    await client.diagnostics('plan.md');
    const notify = (changes: { file: string; type: 1 | 2 | 3 }[]) =>
      client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: changes.map((change) => ({ uri: client.uri(change.file), type: change.type })),
      });
    writeFileSync(path.join(root, 'extra.md'), '| ID | Story | Points | Depends on |\n|---|---|---|---|\n| KS-6 | Extra | 1 | KS-77 |\n');
    await notify([{ file: 'extra.md', type: 1 }]);
    expect(codes(await client.diagnostics('extra.md'))).toEqual(['unknown-reference']);
    writeFileSync(path.join(root, 'extra.md'), '| ID | Story | Points | Depends on |\n|---|---|---|---|\n| KS-6 | Extra | 1 | KS-2 |\n');
    await notify([{ file: 'extra.md', type: 2 }]);
    await client.diagnostics('extra.md', (params) => params.diagnostics.length === 0);
    expect(((await client.hover('plan.md', 7, 3))?.contents as MarkupContent).value).toContain('**KS-2**');
    writeFileSync(path.join(root, '.backlogrc.yaml'), 'rules:\n  stated-total-mismatch: off\n');
    await notify([{ file: '.backlogrc.yaml', type: 1 }]);
    await client.diagnostics('plan.md', (params) => codes(params.diagnostics).join() === 'unknown-reference');
    rmSync(path.join(root, 'later.md'));
    await notify([{ file: 'later.md', type: 3 }]);
    await client.diagnostics('later.md', (params) => params.diagnostics.length === 0);
    expect(await client.references('plan.md', 7, 3)).toHaveLength(2); // its row and extra.md's dependency
  });

  it('adds and drops workspace folders', async () => {
    const other = tempDir('lsp-folder');
    writeFileSync(path.join(other, 'other.md'), '| ID | Story | Points | Depends on |\n|---|---|---|---|\n| OT-1 | Other | 1 | OT-9 |\n');
    const otherUri = pathToFileURL(other).href;
    await client.diagnostics('plan.md');
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: otherUri, name: 'other' }], removed: [] },
    });
    const published = () => client.publications.findLast((params) => params.uri === pathToFileURL(path.join(other, 'other.md')).href);
    await expect.poll(() => codes(published()?.diagnostics ?? [])).toEqual(['unknown-reference']);
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: otherUri, name: 'other' }] },
    });
    await expect.poll(() => published()?.diagnostics).toEqual([]);
  });

  it('lints files opened without a workspace folder together with the other open files of their directory', async () => {
    writeFileSync(path.join(root, '.backlogrc.yaml'), 'rules:\n  unknown-reference: off\n');
    const single = await TestClient.start(root, [], { folder: false });
    try {
      await single.open('later.md', LATER);
      // plan.md is not open, so KS-2 names nothing known; the config above the file applies.
      expect(codes(await single.diagnostics('later.md'))).toEqual(['table-row-wrapped']);
      await single.open('plan.md', PLAN);
      expect(codes(await single.diagnostics('plan.md'))).toEqual(['stated-total-mismatch']);
      expect((await single.definition('later.md', 6, 24))?.uri).toBe(single.uri('plan.md'));
      await single.close('plan.md');
      await single.diagnostics('plan.md', (params) => params.diagnostics.length === 0);
      expect(await single.definition('later.md', 6, 24)).toBeNull();
    } finally {
      single.kill();
    }
  });

  it('keeps positions right in a file whose text starts with a byte-order mark', async () => {
    await client.open('marked.md', '\uFEFFKS-1 comes first.\n\n| ID | Story | Points |\n|---|---|---|\n| KS-8 | Marked | 2 |\n');
    await client.diagnostics('marked.md');
    expect((await client.hover('marked.md', 0, 2))?.range).toEqual({ start: { line: 0, character: 1 }, end: { line: 0, character: 5 } });
    expect(await client.definition('marked.md', 4, 3)).toMatchObject({ range: { start: { line: 4, character: 2 } } });
  });

  it('hovers an item ID anywhere: the item, its estimate, sprint, status, dependencies and schedule', async () => {
    await client.diagnostics('later.md');
    // "Reports build on KS-2." in prose, in the other file.
    const hover = await client.hover('later.md', 2, 18);
    const value = (hover?.contents as MarkupContent).value;
    expect(value).toContain('**KS-2** — Export CSV');
    expect(value).toContain('estimate: 5 points');
    expect(value).toContain('sprint: Sprint 1');
    expect(value).toContain('depends on: KS-1 (Login page)');
    expect(value).toContain('early start 3, late start 3, float 0 points: **critical** (the critical path is 19 points long)');
    expect(hover?.range).toEqual({ start: { line: 2, character: 17 }, end: { line: 2, character: 21 } });
    // In a dependency cell, an item off the critical path.
    const audit = (await client.hover('plan.md', 8, 2))?.contents as MarkupContent;
    expect(audit.value).toContain('**KS-3** — Audit log');
    expect(audit.value).toContain('names nothing known: KS-9');
    expect(audit.value).toContain('early start 3, late start 17, float 14 points: not critical');
    // Words that are no ID, and positions outside the file.
    expect(await client.hover('plan.md', 0, 3)).toBeNull();
    expect(await client.hover('plan.md', 6, 28)).toBeNull();
    expect(await client.hover('plan.md', 99, 0)).toBeNull();
  });

  it('goes to the definition of an ID across files', async () => {
    await client.diagnostics('later.md');
    const location = await client.definition('later.md', 6, 24);
    expect(location).toEqual({ uri: client.uri('plan.md'), range: { start: { line: 7, character: 2 }, end: { line: 7, character: 6 } } });
    expect(await client.definition('plan.md', 2, 4)).toBeNull();
  });

  it('finds every reference to an ID across files, with or without its definition', async () => {
    await client.diagnostics('later.md');
    const places = (locations: { uri: string; range: { start: { line: number; character: number } } }[]) =>
      locations.map(
        (location) => `${path.basename(new URL(location.uri).pathname)}:${location.range.start.line}:${location.range.start.character}`,
      );
    expect(places(await client.references('plan.md', 7, 3))).toEqual(['later.md:2:17', 'later.md:6:23', 'plan.md:7:2']);
    expect(places(await client.references('plan.md', 7, 3, false))).toEqual(['later.md:2:17', 'later.md:6:23']);
    expect(places(await client.references('plan.md', 6, 3))).toEqual(['plan.md:6:2', 'plan.md:7:26', 'plan.md:8:25']);
  });

  it('lists the items and sprints of a file as its outline', async () => {
    await client.diagnostics('later.md');
    const outline = (symbols: DocumentSymbol[]): unknown[] =>
      symbols.map((symbol) => (symbol.children?.length ? { [symbol.name]: outline(symbol.children) } : symbol.name));
    expect(outline((await client.symbols('plan.md')) as DocumentSymbol[])).toEqual([{ 'Sprint 1': ['KS-1', 'KS-2', 'KS-3'] }]);
    const later = (await client.symbols('later.md')) as DocumentSymbol[];
    expect(outline(later)).toEqual(['KS-4', 'KS-5']);
    expect(later[1]).toMatchObject({
      detail: 'Report export · 3 points',
      selectionRange: { start: { line: 7, character: 2 }, end: { line: 7, character: 6 } },
    });
  });

  it('offers the repairs of --fix as code actions, with the same result', async () => {
    await client.open('later.md', LATER, 1);
    const [wrapped] = await client.diagnostics('later.md', (params) => params.version === 1);
    expect(wrapped.code).toBe('table-row-wrapped');
    const actions = (await client.codeActions('later.md', wrapped.range, [wrapped])) as CodeAction[];
    expect(actions.map((action) => action.kind)).toEqual(['quickfix', 'source.fixAll.backlog']);
    expect(actions[0].diagnostics?.[0].code).toBe('table-row-wrapped');
    const fixedByCli = path.join(tempDir('lsp-fix'), 'project');
    cpSync(root, fixedByCli, { recursive: true });
    // Exit 1: plan.md's stated total is still wrong.
    expect(runCli(['lint', '--fix'], { cwd: fixedByCli }).code).toBe(1);
    const expected = readFileSync(path.join(fixedByCli, 'later.md'), 'utf8');
    for (const action of actions) {
      const edits = action.edit?.changes?.[client.uri('later.md')] as TextEdit[];
      expect(TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, LATER), edits), action.title).toBe(expected);
    }
    // Asked only for fix-all (as editors do on save), and for a range without fixable problems.
    const fixAll = await client.codeActions('later.md', wrapped.range, [], ['source.fixAll']);
    expect(fixAll.map((action) => (action as CodeAction).kind)).toEqual(['source.fixAll.backlog']);
    expect(await client.codeActions('later.md', { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } })).toEqual([]);
  });

  it('repairs a double-encoded file with the whole-text edit --fix makes', async () => {
    const bad = readFileSync('fixtures/lint/encoding/bad.md', 'utf8');
    copyFileSync('fixtures/lint/encoding/bad.md', path.join(root, 'encoded.md'));
    await client.open('encoded.md', bad, 1);
    const diagnostics = await client.diagnostics('encoded.md', (params) => params.version === 1);
    const encoding = diagnostics.find((diagnostic) => diagnostic.code === 'encoding')!;
    const [action] = (await client.codeActions('encoded.md', encoding.range, [encoding])) as CodeAction[];
    const fixedByCli = path.join(tempDir('lsp-fix'), 'project');
    mkdirSync(fixedByCli);
    copyFileSync('fixtures/lint/encoding/bad.md', path.join(fixedByCli, 'encoded.md'));
    runCli(['lint', '--fix'], { cwd: fixedByCli });
    const edits = action.edit?.changes?.[client.uri('encoded.md')] as TextEdit[];
    expect(TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, bad), edits)).toBe(
      readFileSync(path.join(fixedByCli, 'encoded.md'), 'utf8'),
    );
  });

  it('answers shutdown and exits with 0 on exit', async () => {
    await client.diagnostics('plan.md');
    expect(await client.shutdown()).toBe(0);
  });
});

describe('backlog lsp over the fixtures', () => {
  it('publishes what `backlog lint` reports for each fixture file, every rule and style in one workspace', async () => {
    const fixtures = path.join(tempDir('lsp-fixtures'), 'fixtures');
    cpSync('fixtures', fixtures, { recursive: true });
    const run = runCli(['lint', '--format', 'json'], { cwd: fixtures });
    const { problems } = JSON.parse(run.stdout) as {
      problems: { file: string; line: number; column: number; rule: string; message: string }[];
    };
    const files = [...new Set(problems.map((problem) => problem.file))];
    expect(files.length).toBeGreaterThan(20);
    const server = await TestClient.start(fixtures);
    try {
      // One publication goes out for all files at once, in file order: the last one ends it.
      await server.diagnostics(files.at(-1)!);
      for (const file of files) {
        const expected = problems
          .filter((problem) => problem.file === file)
          .map((problem) => ({ line: problem.line - 1, character: problem.column - 1, code: problem.rule, message: problem.message }));
        const diagnostics = server.latest(file)?.diagnostics ?? [];
        expect(
          diagnostics.map((diagnostic) => ({
            line: diagnostic.range.start.line,
            character: diagnostic.range.start.character,
            code: diagnostic.code,
            message: diagnostic.message,
          })),
          file,
        ).toEqual(expected);
      }
      const published = new Set(server.publications.map((params) => params.uri));
      expect(published).toEqual(new Set(files.map((file) => server.uri(file))));
    } finally {
      server.kill();
    }
  });
});

describe('backlog lsp on bad input', () => {
  it('survives a message that is not JSON, one without a length, and requests with wrong params', async () => {
    await client.diagnostics('plan.md');
    client.writeRaw('Content-Length: 14\r\n\r\n{"jsonrpc": 2.');
    client.writeRaw('Content-Length: 2\r\n\r\n[]');
    const body = JSON.stringify({ jsonrpc: '2.0', id: 'bad', method: 'textDocument/hover', params: { textDocument: 7 } });
    client.writeRaw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const notification = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: null } });
    client.writeRaw(`Content-Length: ${Buffer.byteLength(notification)}\r\n\r\n${notification}`);
    await expect(client.connection.sendRequest('textDocument/definition', { position: 'nowhere' })).rejects.toMatchObject({ code: -32602 });
    await expect(
      client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: client.uri('plan.md') } }),
    ).rejects.toMatchObject({
      code: -32602,
    });
    expect(((await client.hover('plan.md', 7, 3))?.contents as MarkupContent).value).toContain('KS-2');
    expect(client.exitCode).toBeNull();
    expect(client.logs.join('\n')).toMatch(/\S/);
  });

  it('reports a binary file as a diagnostic and goes on', async () => {
    writeFileSync(path.join(root, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]));
    const binary = await TestClient.start(root);
    try {
      const [problem] = await binary.diagnostics('image.md');
      expect(problem.message).toMatch(/binary file/);
      await binary.open('typed.md', 'text with a \u0000 in it\n');
      expect((await binary.diagnostics('typed.md'))[0].message).toMatch(/binary file/);
      expect(codes(await binary.diagnostics('plan.md'))).toEqual(['unknown-reference', 'stated-total-mismatch']);
      expect(await binary.shutdown()).toBe(0);
    } finally {
      binary.kill();
    }
  });

  it('reads a huge table and still answers', async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, index) => `| BIG-${index + 1} | Item ${index + 1} | 2 | ${index === 0 ? 'None' : `BIG-${index}`} |`,
    );
    await client.open('big.md', `# Big\n\n| ID | Story | Points | Depends on |\n|---|---|---|---|\n${rows.join('\n')}\n`);
    await client.diagnostics('big.md', () => true, 60_000);
    const hover = (await client.hover('big.md', 4 + 19_999, 3))?.contents as MarkupContent;
    expect(hover.value).toContain('**BIG-20000**');
    expect(hover.value).toContain('**critical**');
  }, 90_000);
});
