/**
 * A language client for the tests: `backlog lsp` spawned as editors spawn it, spoken to through
 * vscode-languageserver-protocol's own connection over the child's stdio.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type InitializeResult,
  type Location,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type SymbolInformation,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { cliEnvironment } from '../helpers/run-cli.js';

export const BIN = path.resolve('bin/backlog.js');

const CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
  workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
};

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

export class TestClient {
  /** Every publication, oldest first. */
  readonly publications: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly stderr: string[] = [];
  readonly registrations: string[] = [];
  private waiters: (() => void)[] = [];
  private readonly exited: Promise<number | null>;
  initializeResult: InitializeResult | undefined;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    readonly root: string,
  ) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.publications.push(params);
      this.wake();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((registration) => registration.method));
    });
    connection.listen();
  }

  /** Spawns the server in `root` and initializes it with `root` as the one workspace folder (or with none: single files). */
  static async start(root: string, args: string[] = [], { folder = true } = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [BIN, 'lsp', ...args], { cwd: root, env: cliEnvironment(), stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection, root);
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ? uriOf(root) : null,
      workspaceFolders: folder ? [{ uri: uriOf(root), name: path.basename(root) }] : null,
      capabilities: CAPABILITIES,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** The latest diagnostics published for a file. */
  latest(file: string): PublishDiagnosticsParams | undefined {
    const uri = uriOf(path.resolve(this.root, file));
    return this.publications.findLast((publication) => publication.uri === uri);
  }

  /** Waits until the diagnostics published for `file` satisfy `accept` (checked on the latest publication). */
  async diagnostics(
    file: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeout = 20_000,
  ): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const latest = this.latest(file);
      if (latest && accept(latest)) return latest.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${file} within ${timeout} ms (latest: ${JSON.stringify(latest)})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  uri(file: string): string {
    return uriOf(path.resolve(this.root, file));
  }

  async open(file: string, text = readFileSync(path.resolve(this.root, file), 'utf8'), version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: this.uri(file), languageId: 'markdown', version, text },
    });
  }

  async change(file: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri(file), version },
      contentChanges: changes,
    });
  }

  async close(file: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri(file) } });
  }

  hover(file: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri: this.uri(file) }, position: { line, character } });
  }

  async definition(file: string, line: number, character: number): Promise<Location | null> {
    const result = await this.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: this.uri(file) },
      position: { line, character },
    });
    return result as Location | null;
  }

  async references(file: string, line: number, character: number, includeDeclaration = true): Promise<Location[]> {
    return (
      (await this.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri: this.uri(file) },
        position: { line, character },
        context: { includeDeclaration },
      })) ?? []
    );
  }

  async symbols(file: string): Promise<DocumentSymbol[] | SymbolInformation[]> {
    return (await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: this.uri(file) } })) ?? [];
  }

  async codeActions(file: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<(CodeAction | Command)[]> {
    return (
      (await this.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: this.uri(file) },
        range,
        context: { diagnostics, ...(only ? { only } : {}) },
      })) ?? []
    );
  }

  /** Bytes written to the server's stdin as they are, outside the protocol connection. */
  writeRaw(text: string): void {
    this.child.stdin.write(text);
  }

  /** shutdown, then exit: the server's exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** Ends the server however it is (for cleanup after a failed test). */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }

  get exitCode(): number | null {
    return this.child.exitCode;
  }
}
