import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findConfigFile, loadConfig } from '../config/load-config.js';
import { DEFAULT_CONFIG, type Config } from '../config/types.js';
import { extractFile } from '../extract/extract-file.js';
import type { FileExtraction } from '../extract/records/item-record.js';
import { checkRuleSettings } from '../lint/rule-settings.js';
import { RULES } from '../lint/rules/index.js';
import { BinaryFileError, decodeBytes } from '../read/decode.js';
import { findMarkdownFiles } from '../read/find-files.js';
import type { SourceText } from '../read/source.js';
import { Analysis } from './analysis.js';

/** One markdown file of a project: its decoded text and what extraction made of it, kept between edits. */
export interface FileEntry {
  /** The absolute path. */
  path: string;
  /** The path as `backlog lint` run in the project's root names it (relative, `/`-separated). */
  file: string;
  /** The URI the editor used for it, or the file URI of its path. */
  uri: string;
  /** Null when the file could not be read as text (then `error` says why). */
  source: SourceText | null;
  extraction: FileExtraction | null;
  error: string | null;
  /** The editor holds the file open: its text comes from the editor, not the disk. */
  open: boolean;
  /** The editor's version of the text read, for an open file. */
  version: number | null;
  /**
   * 1 when the editor's text starts with a byte-order mark that reading drops: positions on the
   * first line are one character further right in the editor than in the source.
   */
  bomShift: number;
}

export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

/** A config that could not be used: the file it is in (when known) and what is wrong. */
export interface ConfigProblem {
  file: string | null;
  message: string;
}

/**
 * The markdown files of one workspace folder (or, for a file opened outside every folder, of the
 * files open in its directory), read into one backlog the way `backlog lint` run in `root` reads
 * them. Each file is read and extracted once; an edit extracts only the file edited, and the model
 * is built again from the kept extractions of all the others.
 */
export class Project {
  private readonly entries = new Map<string, FileEntry>();
  private cached: Analysis | null = null;
  config: Config = DEFAULT_CONFIG;
  configProblem: ConfigProblem | null = null;
  /** Files read again since the diagnostics were last published: they are published even when unchanged. */
  readonly touched = new Set<string>();
  /** Files no longer in the project whose diagnostics must be cleared, by URI. */
  readonly removed = new Set<string>();

  constructor(
    readonly root: string,
    /** A workspace folder, whose markdown files are all read; otherwise only the files opened in it count. */
    readonly scansFolder: boolean,
    private readonly explicitConfig: string | undefined,
    private readonly log: Logger,
  ) {
    this.readConfig();
  }

  /** Reads the config again (it changed on disk) and extracts every file again under it. */
  reloadConfig(): void {
    this.readConfig();
    for (const entry of this.entries.values()) {
      if (entry.source) this.extract(entry, entry.source);
    }
    this.cached = null;
  }

  private readConfig(): void {
    try {
      const config = loadConfig(this.explicitConfig, this.root);
      checkRuleSettings(config, RULES);
      this.config = config;
      this.configProblem = null;
    } catch (error) {
      // As `backlog lint` would stop here, the server says why, and lints with the defaults meanwhile.
      const file = this.explicitConfig ? path.resolve(this.explicitConfig) : findConfigFile(this.root);
      const message = error instanceof Error ? error.message : String(error);
      this.config = DEFAULT_CONFIG;
      this.configProblem = { file, message: `${message} (the default settings apply until it is fixed)` };
      this.log.error(`backlog: ${message}`);
    }
  }

  /** Whether an absolute path belongs to this project. */
  contains(absolute: string): boolean {
    if (!this.scansFolder) return path.dirname(absolute) === this.root;
    const relative = path.relative(this.root, absolute);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  /**
   * Reads the markdown files of the folder that `backlog lint` in its root would find and that are
   * not read yet; files it no longer finds (deleted, or ignored by a changed config) leave, unless
   * the editor has them open. Open files keep the editor's text.
   */
  async scan(): Promise<void> {
    if (!this.scansFolder) return;
    const { files } = await findMarkdownFiles([this.root], this.root, this.config.ignore);
    const found = new Set(files);
    for (const entry of [...this.entries.values()]) if (!entry.open && !found.has(entry.path)) this.remove(entry.path);
    for (const absolute of files) {
      if (this.entries.has(absolute)) continue;
      await this.readFromDisk(absolute);
    }
  }

  /** A file changed, appeared or went away on disk: read again if it is one of the project's, unless the editor has it open. */
  async refresh(absolute: string): Promise<void> {
    const entry = this.entries.get(absolute);
    if (entry?.open) return;
    if (entry || (this.scansFolder && (await this.isScanned(absolute)))) await this.readFromDisk(absolute);
  }

  entry(absolute: string): FileEntry | undefined {
    return this.entries.get(absolute);
  }

  /** Every file, in the order `backlog lint` reads them. */
  files(): FileEntry[] {
    return [...this.entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The editor's text of a file: read and extracted now, the other files' extractions kept. */
  setText(absolute: string, uri: string, text: string, version: number | null): FileEntry {
    const bomShift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const entry = this.ensure(absolute, uri);
    entry.open = true;
    entry.version = version;
    entry.bomShift = bomShift;
    this.decode(entry, new TextEncoder().encode(bomShift ? text.slice(1) : text));
    return entry;
  }

  /** The file as it is on disk (it was closed, created or changed outside the editor); gone when it no longer exists. */
  async readFromDisk(absolute: string): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR') return this.remove(absolute);
      const entry = this.ensure(absolute);
      this.fail(entry, `${entry.file}: cannot read the file (${code ?? String(error)})`);
      return;
    }
    // The editor may have opened it while the disk was read.
    if (this.entries.get(absolute)?.open) return;
    const entry = this.ensure(absolute);
    entry.open = false;
    entry.version = null;
    entry.bomShift = 0;
    this.decode(entry, bytes);
  }

  /** The editor closed a file: a file of the folder is read from disk again, any other leaves the project. */
  async close(absolute: string): Promise<void> {
    const entry = this.entries.get(absolute);
    if (!entry) return;
    entry.open = false;
    const scanned = this.scansFolder && (await this.isScanned(absolute));
    // Opened again while the folder was searched: the editor's text stays.
    if (this.entries.get(absolute)?.open) return;
    if (scanned) await this.readFromDisk(absolute);
    else this.remove(absolute);
  }

  remove(absolute: string): void {
    const entry = this.entries.get(absolute);
    if (!entry) return;
    this.entries.delete(absolute);
    this.touched.delete(absolute);
    this.removed.add(entry.uri);
    this.cached = null;
  }

  /** The backlog, lint problems and lookups of the files as they are now (built again only after a change). */
  analysis(): Analysis {
    this.cached ??= new Analysis(this.files(), this.config);
    return this.cached;
  }

  /** A file the folder scan finds (not ignored), as opposed to one only opened in the editor. */
  private async isScanned(absolute: string): Promise<boolean> {
    const { files } = await findMarkdownFiles([this.root], this.root, this.config.ignore);
    return files.includes(absolute);
  }

  private ensure(absolute: string, uri?: string): FileEntry {
    let entry = this.entries.get(absolute);
    if (!entry) {
      entry = {
        path: absolute,
        file: displayPath(absolute, this.root),
        uri: uri ?? fileUri(absolute),
        source: null,
        extraction: null,
        error: null,
        open: false,
        version: null,
        bomShift: 0,
      };
      this.entries.set(absolute, entry);
      this.removed.delete(entry.uri);
    } else if (uri && uri !== entry.uri) {
      // The editor spells the URI its own way: what was published under the other spelling goes.
      this.removed.add(entry.uri);
      this.removed.delete(uri);
      entry.uri = uri;
    }
    return entry;
  }

  private decode(entry: FileEntry, bytes: Uint8Array): void {
    let source: SourceText;
    try {
      source = { file: entry.file, path: entry.path, ...decodeBytes(bytes, entry.file) };
    } catch (error) {
      if (!(error instanceof BinaryFileError)) throw error;
      this.fail(entry, error.message);
      return;
    }
    this.extract(entry, source);
  }

  private extract(entry: FileEntry, source: SourceText): void {
    this.cached = null;
    this.touched.add(entry.path);
    try {
      entry.extraction = extractFile(source, this.config);
      entry.source = source;
      entry.error = null;
    } catch (error) {
      // A reader bug must not take the other files (or the server) with it: the file is left out and said to be.
      const message = error instanceof Error ? error.message : String(error);
      this.log.error(`backlog: ${entry.file}: internal error while reading it: ${message}`);
      this.fail(entry, `${entry.file}: could not be read (internal error: ${message}); please report it with the file`);
    }
  }

  private fail(entry: FileEntry, message: string): void {
    this.cached = null;
    this.touched.add(entry.path);
    entry.source = null;
    entry.extraction = null;
    entry.error = message;
    this.log.info(message);
  }
}

/** As `backlog lint` run in `root` names a file: relative with `/`, or absolute when outside. */
export function displayPath(absolute: string, root: string): string {
  const relative = path.relative(root, absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
}

export function fileUri(absolute: string): string {
  return pathToFileURL(absolute).href;
}
