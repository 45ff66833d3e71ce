import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  MarkupKind,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  createConnection,
  type CodeActionParams,
  type Connection,
  type DidChangeWatchedFilesParams,
  type DocumentSymbolParams,
  type InitializeParams,
  type InitializeResult,
  type ReferenceParams,
  type TextDocumentPositionParams,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_NAMES } from '../config/load-config.js';
import type { Analysis } from './analysis.js';
import {
  FIX_ALL_KIND,
  codeActions,
  configDiagnostic,
  diagnosticsFor,
  documentSymbols,
  flatSymbols,
  fromEditor,
  hoverMarkdown,
  placeLocation,
  placeRange,
} from './features.js';
import { Project, fileUri, type FileEntry, type Logger } from './project.js';

export interface ServerOptions {
  /** `--config FILE`: one config for every folder, instead of the nearest to each. */
  config?: string;
  version: string;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

const MARKDOWN_FILE = /\.(?:md|markdown)$/i;

/**
 * `backlog lsp`: a language server over stdio. It reads every markdown file of each workspace
 * folder into one backlog, as `backlog lint` run in the folder would, and keeps each file's
 * extraction; an edit reads only the edited file again, and the diagnostics of every file whose
 * problems changed are published. The process ends when the client sends `exit` or closes stdin.
 */
export function startServer(options: ServerOptions): Connection {
  const connection = createConnection(options.input ?? process.stdin, options.output ?? process.stdout);
  // stdout carries the protocol: anything printed goes to the client's log instead.
  const log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.log = log;
  console.info = log;
  console.debug = log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  // Whatever goes wrong in one request or file, the server stays up: the error is logged.
  process.on('uncaughtException', (error) => connection.console.error(`backlog: internal error: ${describe(error)}`));
  process.on('unhandledRejection', (error) => connection.console.error(`backlog: internal error: ${describe(error)}`));
  new BacklogServer(connection, options).listen();
  return connection;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function isMarkdown(document: TextDocument): boolean {
  return document.languageId === 'markdown' || MARKDOWN_FILE.test(document.uri);
}

/** The absolute path of a `file:` URI; null for any other scheme (such documents are not read). */
function pathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return null;
  }
}

function checkPosition(params: TextDocumentPositionParams | undefined, method: string): asserts params is TextDocumentPositionParams {
  const ok =
    typeof params?.textDocument?.uri === 'string' &&
    Number.isInteger(params.position?.line) &&
    Number.isInteger(params.position?.character);
  if (!ok)
    throw new ResponseError(ErrorCodes.InvalidParams, `${method}: expected { textDocument: { uri }, position: { line, character } }`);
}

function checkDocument(params: { textDocument?: { uri?: unknown } } | undefined, method: string): void {
  if (typeof params?.textDocument?.uri !== 'string')
    throw new ResponseError(ErrorCodes.InvalidParams, `${method}: expected { textDocument: { uri } }`);
}

interface Located {
  project: Project;
  entry: FileEntry;
  analysis: Analysis;
}

class BacklogServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly log: Logger;
  private folders: Project[] = [];
  /** Files opened outside every workspace folder, a project per directory. */
  private readonly loose = new Map<string, Project>();
  private readonly ready = new Map<Project, Promise<void>>();
  private readonly pending = new Set<Project>();
  private flushQueued = false;
  private initialized = false;
  private hierarchicalSymbols = false;
  private watchFiles = false;
  private folderEvents = false;
  /** What was last published for each URI, so that unchanged diagnostics are not sent again. */
  private readonly published = new Map<string, string>();
  /** The config file each project reported a problem on, by URI. */
  private readonly configReported = new Map<Project, string>();

  constructor(
    private readonly connection: Connection,
    private readonly options: ServerOptions,
  ) {
    this.log = { info: (message) => connection.console.info(message), error: (message) => connection.console.error(message) };
  }

  listen(): void {
    const connection = this.connection;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.onInitialized());
    connection.onShutdown(() => {
      this.pending.clear();
    });
    this.documents.onDidChangeContent(({ document }) => this.guardEvent('change', () => this.changed(document)));
    this.documents.onDidClose(({ document }) => this.guardEvent('close', () => this.closed(document)));
    connection.onDidChangeWatchedFiles((params) => this.guardEvent('watched files', () => this.watched(params)));
    connection.onHover(this.guard('textDocument/hover', null, (params: TextDocumentPositionParams) => this.hover(params)));
    connection.onDefinition(this.guard('textDocument/definition', null, (params: TextDocumentPositionParams) => this.definition(params)));
    connection.onReferences(this.guard('textDocument/references', [], (params: ReferenceParams) => this.references(params)));
    connection.onDocumentSymbol(this.guard('textDocument/documentSymbol', [], (params: DocumentSymbolParams) => this.symbols(params)));
    connection.onCodeAction(this.guard('textDocument/codeAction', [], (params: CodeActionParams) => this.codeActions(params)));
    this.documents.listen(connection);
    connection.listen();
  }

  /** A request handler that answers `fallback` (and logs why) instead of failing on an internal error. */
  private guard<P, R>(method: string, fallback: R, handler: (params: P) => Promise<R>): (params: P) => Promise<R> {
    return async (params) => {
      try {
        return await handler(params);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        this.log.error(`backlog: ${method} failed: ${describe(error)}`);
        return fallback;
      }
    };
  }

  /** Runs an event handler now; whatever it throws, at once or later, is logged. */
  private guardEvent(what: string, handler: () => void | Promise<void>): void {
    const fail = (error: unknown) => this.log.error(`backlog: ${what}: ${describe(error)}`);
    try {
      const result = handler();
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  }

  private initialize(params: InitializeParams): InitializeResult {
    const uris = params.workspaceFolders?.length
      ? params.workspaceFolders.map((folder) => folder.uri)
      : params.rootUri
        ? [params.rootUri]
        : params.rootPath
          ? [pathToFileURL(params.rootPath).href]
          : [];
    for (const uri of uris) this.addFolder(uri);
    const capabilities = params.capabilities ?? {};
    this.hierarchicalSymbols = capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    this.watchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.folderEvents = capabilities.workspace?.workspaceFolders === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: { label: 'backlog' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'backlog', version: this.options.version },
    };
  }

  private onInitialized(): void {
    this.initialized = true;
    if (this.watchFiles) {
      const names = CONFIG_NAMES.join(',');
      this.connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.{md,markdown}' }, { globPattern: `**/{${names}}` }],
        })
        .catch((error: unknown) => this.log.error(`backlog: cannot watch files: ${describe(error)}`));
    }
    if (this.folderEvents) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) =>
        this.guardEvent('workspace folders', () => this.foldersChanged(event)),
      );
    }
    for (const project of this.folders) this.schedule(project);
  }

  private addFolder(uri: string): void {
    const root = pathOf(uri);
    if (!root || this.folders.some((project) => project.root === root)) return;
    const project = new Project(root, true, this.options.config, this.log);
    this.folders.push(project);
    this.ready.set(
      project,
      project.scan().catch((error: unknown) => this.log.error(`backlog: cannot read ${root}: ${describe(error)}`)),
    );
  }

  private foldersChanged(event: WorkspaceFoldersChangeEvent): void {
    for (const folder of event.removed) {
      const root = pathOf(folder.uri);
      const project = this.folders.find((candidate) => candidate.root === root);
      if (!project) continue;
      this.folders = this.folders.filter((candidate) => candidate !== project);
      for (const entry of project.files()) if (!entry.open) this.clear(entry.uri);
    }
    for (const folder of event.added) {
      this.addFolder(folder.uri);
      const project = this.folders.at(-1);
      if (project) this.schedule(project);
    }
  }

  /** The project a file belongs to: the innermost workspace folder holding it, else its directory's loose files (made when `create`). */
  private projectOf(absolute: string, create: boolean): Project | undefined {
    let best: Project | undefined;
    for (const project of this.folders) if (project.contains(absolute) && (!best || project.root.length > best.root.length)) best = project;
    if (best) return best;
    const directory = path.dirname(absolute);
    let loose = this.loose.get(directory);
    if (!loose && create) {
      loose = new Project(directory, false, this.options.config, this.log);
      this.loose.set(directory, loose);
      this.ready.set(loose, Promise.resolve());
    }
    return loose;
  }

  private changed(document: TextDocument): void {
    if (!isMarkdown(document)) return;
    const absolute = pathOf(document.uri);
    if (!absolute) return;
    const project = this.projectOf(absolute, true)!;
    project.setText(absolute, document.uri, document.getText(), document.version);
    this.schedule(project);
  }

  private async closed(document: TextDocument): Promise<void> {
    const absolute = pathOf(document.uri);
    const project = absolute ? this.projectOf(absolute, false) : undefined;
    if (!absolute || !project) return;
    await this.ready.get(project);
    await project.close(absolute);
    this.schedule(project);
  }

  private async watched({ changes }: DidChangeWatchedFilesParams): Promise<void> {
    const configChanged = new Set<Project>();
    const touched = new Set<Project>();
    for (const change of changes ?? []) {
      const absolute = pathOf(change.uri);
      if (!absolute) continue;
      if (CONFIG_NAMES.includes(path.basename(absolute))) {
        for (const project of this.folders) configChanged.add(project);
        continue;
      }
      if (!MARKDOWN_FILE.test(absolute)) continue;
      const project = this.projectOf(absolute, false);
      if (!project) continue;
      await this.ready.get(project);
      if (change.type === FileChangeType.Deleted && !project.entry(absolute)?.open) project.remove(absolute);
      else await project.refresh(absolute);
      touched.add(project);
    }
    for (const project of configChanged) {
      await this.ready.get(project);
      project.reloadConfig();
      await project.scan();
      touched.add(project);
    }
    for (const project of touched) this.schedule(project);
  }

  /** Diagnostics go out once the events queued now are all read: a burst of edits is linted once. */
  private schedule(project: Project): void {
    this.pending.add(project);
    if (this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => {
      this.flushQueued = false;
      this.guardEvent('diagnostics', () => this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (!this.initialized) return;
    const projects = [...this.pending];
    this.pending.clear();
    for (const project of projects) {
      await this.ready.get(project);
      try {
        this.publish(project);
      } catch (error) {
        this.log.error(`backlog: cannot lint ${project.root}: ${describe(error)}`);
      }
      if (!project.scansFolder && project.files().length === 0) this.loose.delete(project.root);
    }
  }

  private publish(project: Project): void {
    const analysis = project.analysis();
    for (const uri of project.removed) this.clear(uri);
    project.removed.clear();
    for (const entry of analysis.files) {
      const diagnostics = diagnosticsFor(entry, analysis);
      // A closed file that never had a problem needs no message: a folder of clean notes stays quiet.
      if (diagnostics.length === 0 && !entry.open && !this.published.has(entry.uri)) continue;
      const key = JSON.stringify(diagnostics);
      if (!project.touched.has(entry.path) && this.published.get(entry.uri) === key) continue;
      this.published.set(entry.uri, key);
      void this.connection
        .sendDiagnostics({ uri: entry.uri, diagnostics, ...(entry.open && entry.version !== null ? { version: entry.version } : {}) })
        .catch((error: unknown) => this.log.error(`backlog: cannot publish diagnostics: ${describe(error)}`));
    }
    project.touched.clear();
    this.publishConfigProblem(project);
  }

  private publishConfigProblem(project: Project): void {
    const problem = project.configProblem;
    const uri = problem?.file ? fileUri(problem.file) : undefined;
    const previous = this.configReported.get(project);
    if (previous && previous !== uri) this.clear(previous);
    if (!problem) {
      this.configReported.delete(project);
      return;
    }
    if (!uri) return;
    this.configReported.set(project, uri);
    const diagnostics = [configDiagnostic(problem.message)];
    const key = JSON.stringify(diagnostics);
    if (this.published.get(uri) === key) return;
    this.published.set(uri, key);
    void this.connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
    this.connection.window.showErrorMessage(`backlog: ${problem.message}`);
  }

  private clear(uri: string): void {
    if (!this.published.has(uri)) return;
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  /** The project, file and current analysis a request is about; null for a file the server does not read. */
  private async locate(uri: string): Promise<Located | null> {
    const absolute = pathOf(uri);
    const project = absolute ? this.projectOf(absolute, false) : undefined;
    if (!absolute || !project) return null;
    await this.ready.get(project);
    const entry = project.entry(absolute);
    if (!entry) return null;
    return { project, entry, analysis: project.analysis() };
  }

  private async itemAt(params: TextDocumentPositionParams, method: string) {
    checkPosition(params, method);
    const located = await this.locate(params.textDocument.uri);
    if (!located) return null;
    const { line, character } = fromEditor(located.entry, params.position);
    const occurrence = located.analysis.occurrenceAt(located.entry, line, character);
    const item = occurrence ? located.analysis.item(occurrence.id) : undefined;
    if (!occurrence || !item) return null;
    return { ...located, occurrence, item };
  }

  private async hover(params: TextDocumentPositionParams) {
    const found = await this.itemAt(params, 'textDocument/hover');
    if (!found) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(found.item, found.analysis) },
      range: placeRange({ entry: found.entry, occurrence: found.occurrence }),
    };
  }

  private async definition(params: TextDocumentPositionParams) {
    const found = await this.itemAt(params, 'textDocument/definition');
    const place = found ? found.analysis.definition(found.item) : null;
    return place ? placeLocation(place) : null;
  }

  private async references(params: ReferenceParams) {
    const found = await this.itemAt(params, 'textDocument/references');
    if (!found) return [];
    const definition = found.analysis.definition(found.item);
    const places = found.analysis.references(found.item);
    const shown =
      params.context?.includeDeclaration === false && definition
        ? places.filter(
            (place) =>
              place.entry !== definition.entry ||
              place.occurrence.line !== definition.occurrence.line ||
              place.occurrence.start !== definition.occurrence.start,
          )
        : places;
    return shown.map(placeLocation);
  }

  private async symbols(params: DocumentSymbolParams) {
    checkDocument(params, 'textDocument/documentSymbol');
    const located = await this.locate(params.textDocument.uri);
    if (!located) return [];
    const symbols = documentSymbols(located.entry, located.analysis);
    return this.hierarchicalSymbols ? symbols : flatSymbols(located.entry.uri, symbols);
  }

  private async codeActions(params: CodeActionParams) {
    checkDocument(params, 'textDocument/codeAction');
    if (!params.range?.start || !params.range.end)
      throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument/codeAction: expected a range');
    const located = await this.locate(params.textDocument.uri);
    if (!located) return [];
    return codeActions(located.entry, located.analysis, params.range, params.context?.only);
  }
}
