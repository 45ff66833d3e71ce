import { parse as parseYaml } from 'yaml';
import type { Config, SizeRange } from '../config/types.js';
import type { Claim, ClaimScope, Diagnostic, Estimate, SourcePosition, Unit } from '../model/types.js';
import { parseMarkdown } from '../parse/parse-markdown.js';
import { prepareText } from '../parse/prepare-text.js';
import type { SourceText } from '../read/source.js';
import { toBlocks, type Block } from './blocks.js';
import { claimsFromKeyValue, criticalPathClaim } from './claims.js';
import { rolesOf, type Role } from './columns.js';
import { estimateInTitle, readEstimate, readScaleStatement, type EstimateContext } from './estimates.js';
import { readGantt } from './gantt.js';
import { cleanId, idKey, looksLikeColumnId, looksLikeId } from './ids.js';
import { labelOf, readKeyValues } from './key-values.js';
import type { FileExtraction, GroupRecord, ItemRecord, SprintRecord } from './records.js';
import { parseReferences } from './references.js';
import { readSprintName, type SprintName } from './sprints.js';
import { readScaleTable, readTable } from './tables.js';

/** What a heading (or a heading-like line) sets for everything under it. */
interface Frame {
  depth: number;
  sprint?: SprintName;
  group?: string;
  track?: string;
  /** "### 5 Point Stories": the estimate of every item below that gives none. */
  size?: { raw: string; value: number; unit: Unit };
  item?: string;
  criticalPath?: boolean;
}

const COMMITMENT_LABEL = /^(?:commitment|committed|commitments?|scope|items|stories|backlog|sprint backlog|selected|planned|zugesagt|engagement|compromisso|compromiso|обязательства|承诺)$/i;
const CRITICAL_PATH = /critical path|kritischer pfad|chemin critique|caminho crítico|ruta crítica|критический путь|关键路径/i;
const GROUP_HEADING = /^(?:epic|épica|epico|epopeia|эпик|史诗|에픽)\b\s*[#:]?\s*([\w.\u2011-]*\d[\w.\u2011-]*)?\s*[:–—-]?\s*(.*)$/iu;
const GROUP_ID = /^((?:EP|EPIC|E)[-\u2011]?\d+)\b\s*[:–—-]?\s*(.*)$/u;
const ITEM_HEADING = new RegExp(
  String.raw`^((?:user story|story|task|sub-?task|feature|bug|us|tâche|aufgabe|historia|história|tarea|tarefa|задача|任务)\s+#?\d+(?:\.\d+)*|[A-Z][A-Za-z]{0,11}\d{0,3}[-\u2010\u2011_]?[A-Za-z]{0,3}\d+(?:\.\d+)*|#\d+)\s*(?:[:：–—-]\s*|\s+(?=\S)|$)(.*)$`,
  'iu',
);

/** A front-matter value as text: lists joined by commas. */
function flatten(value: unknown): string {
  if (Array.isArray(value)) return value.map(flatten).join(', ');
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function stripDecoration(text: string): string {
  return text.replace(/^[^\p{L}\p{N}#]+/u, '').trim();
}

export function extractFile(source: SourceText, config: Config): FileExtraction {
  return new FileExtractor(source, config).run();
}

class FileExtractor {
  private readonly records: ItemRecord[] = [];
  private readonly sprints = new Map<string, SprintRecord>();
  private readonly groups: GroupRecord[] = [];
  private readonly groupNames = new Map<string, string>();
  private readonly claims: Claim[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly stack: Frame[] = [];
  private readonly extraIds: RegExp[];
  private readonly estimateContext: EstimateContext;
  private lineFrame: Frame | null = null;
  /** A front-matter record still waiting for the title its first heading gives. */
  private pendingTitle: ItemRecord | null = null;
  private readonly ganttRecords: ItemRecord[] = [];
  private readonly sourceLines: string[];
  private listMode: 'members' | 'other' | null = null;
  private tableCount = 0;
  private line = 1;

  constructor(
    private readonly source: SourceText,
    private readonly config: Config,
  ) {
    this.extraIds = config.idPatterns.map((pattern) => new RegExp(pattern, 'u'));
    this.estimateContext = { unit: null, scale: {}, openEndedFactor: config.openEndedFactor };
    this.sourceLines = source.text.split('\n');
  }

  run(): FileExtraction {
    const prepared = prepareText(this.source.text, this.source.file);
    this.diagnostics.push(...this.source.diagnostics, ...prepared.diagnostics);
    const blocks = toBlocks(parseMarkdown(prepared.text), prepared.text.split('\n'));
    // A scale stated anywhere in the document (prose first, then a size legend table) defines the
    // sizes used before it too; configuration fills in the sizes the document leaves out.
    const legend: Record<string, SizeRange> = {};
    for (const block of blocks) if (block.kind === 'table') Object.assign(legend, readScaleTable(block, this.config.openEndedFactor));
    const prose = readScaleStatement(this.source.text, this.config.openEndedFactor);
    this.estimateContext.scale = { ...this.config.scales, ...legend, ...prose };
    const original = (line: number) => prepared.originalLine[line - 1] ?? line;
    for (const block of blocks) {
      this.line = original(block.line);
      this.handle(block, original);
    }
    // A gantt chart usually draws the items a table already lists; it is read only when
    // nothing else in the file is.
    if (this.records.length === 0) this.records.push(...this.ganttRecords);
    return {
      file: {
        file: this.source.file,
        items: new Set(this.records.map((record) => idKey(record.id))).size,
        encoding: this.source.encoding,
        bom: this.source.bom,
        repairedMojibake: this.source.mojibake !== null,
      },
      records: this.records,
      sprints: [...this.sprints.values()],
      groups: this.groups,
      claims: this.claims,
      diagnostics: this.diagnostics,
    };
  }

  private position(line = this.line): SourcePosition {
    return { file: this.source.file, line, column: 1 };
  }

  private handle(block: Block, original: (line: number) => number): void {
    switch (block.kind) {
      case 'heading':
        return this.heading(block.depth, block.text);
      case 'line':
        return this.textLine(block.text);
      case 'entry':
        return this.entry(block.text, block.checked);
      case 'table':
        return this.table(block, original);
      case 'code':
        return this.code(block.text);
      case 'frontmatter':
        return this.frontMatter(block.text);
      case 'break':
      case 'html':
        return;
    }
  }

  // ── context ────────────────────────────────────────────────────────────

  private frames(): Frame[] {
    return this.lineFrame ? [...this.stack, this.lineFrame] : this.stack;
  }

  private nearest<K extends keyof Frame>(key: K): Frame[K] | undefined {
    const frames = this.frames();
    for (let i = frames.length - 1; i >= 0; i--) if (frames[i][key] !== undefined) return frames[i][key];
    return undefined;
  }

  private scope(): ClaimScope {
    const sprint = this.nearest('sprint');
    const group = this.nearest('group');
    const scope: ClaimScope = { file: this.source.file };
    if (sprint) scope.sprint = sprint.key;
    else if (group) scope.group = group;
    return scope;
  }

  private registerSprint(sprint: SprintName): void {
    const existing = this.sprints.get(sprint.key);
    if (!existing) this.sprints.set(sprint.key, { key: sprint.key, name: sprint.name, members: [], source: this.position() });
    else if (sprint.name.length > existing.name.length) existing.name = sprint.name;
  }

  private registerGroup(id: string | null, name: string, release: string | null = null): string {
    const key = id ? idKey(id) : idKey(name);
    const known = this.groupNames.get(key);
    if (known) return known;
    const display = id && name ? `${id} ${name}` : id ?? name;
    this.groupNames.set(key, display);
    this.groups.push({ id, name: display, release, source: this.position() });
    return display;
  }

  // ── headings and lines ─────────────────────────────────────────────────

  private heading(depth: number, raw: string): void {
    if (this.pendingTitle) {
      this.pendingTitle.title ??= stripDecoration(raw);
      this.pendingTitle = null;
    }
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].depth >= depth) this.stack.pop();
    this.lineFrame = null;
    this.listMode = null;
    const text = stripDecoration(raw);
    const frame: Frame = { depth };
    const parentItem = this.nearest('item');

    const sprint = readSprintName(text);
    if (parentItem && !ITEM_HEADING.test(text) && readKeyValues(text).length > 0) {
      // "### Estimativa: 5 Story Points" under a story heading is metadata of that story.
      this.metadata(parentItem, readKeyValues(text));
    } else if (!parentItem && readKeyValues(text).length > 0 && this.keyValueClaims(readKeyValues(text))) {
      // "### Difficulté totale: 47" states a figure; it opens no section of its own.
    } else if (sprint) {
      frame.sprint = sprint;
      this.registerSprint(sprint);
      this.listMode = 'members';
    } else if (this.groupHeading(text, frame)) {
      // handled
    } else if (CRITICAL_PATH.test(text)) {
      frame.criticalPath = true;
    } else {
      const size = /^(\d+(?:[.,]\d+)?)\s*[-‐]?\s*(?:story\s*)?(points?|pts?|sp)\b/i.exec(text);
      const track = /^(.+?)\s+(?:track|stream|lane)$/i.exec(text);
      const item = this.itemHeading(text, parentItem);
      if (size) frame.size = { raw: size[0], value: Number(size[1].replace(',', '.')), unit: 'points' };
      else if (item) frame.item = item;
      else if (track) frame.track = track[1];
    }
    this.stack.push(frame);
  }

  /** A line or heading that starts with the ID of an epic the document listed ("EP-01 Environment…"). */
  private knownGroupLead(text: string): string | null {
    const lead = /^(\S+)\s*[:–—-]?\s*(.*)$/u.exec(stripDecoration(text));
    if (!lead || !this.groupNames.has(idKey(lead[1]))) return null;
    return this.registerGroup(cleanId(lead[1]), lead[2].trim());
  }

  private groupHeading(text: string, frame: Frame): boolean {
    const listed = this.knownGroupLead(text);
    if (listed) {
      frame.group = listed;
      return true;
    }
    const known = GROUP_ID.exec(text);
    if (known && (this.groupNames.has(idKey(known[1])) || /^EP/i.test(known[1]))) {
      frame.group = this.registerGroup(known[1], known[2].trim());
      return true;
    }
    const epic = GROUP_HEADING.exec(text);
    if (epic && (epic[1] || epic[2])) {
      frame.group = this.registerGroup(epic[1] ? `Epic ${epic[1]}` : null, epic[2].trim());
      return true;
    }
    return false;
  }

  private itemHeading(text: string, parent: string | undefined): string | undefined {
    const match = ITEM_HEADING.exec(text);
    if (!match) return undefined;
    const id = cleanId(match[1]);
    if (!looksLikeId(id, this.extraIds) && !/^[\p{L}-]+\s+#?\d/u.test(id)) return undefined;
    const { title, estimate } = this.titleAndEstimate(match[2]);
    this.records.push(this.record(id, { title, estimate, parent: parent ?? null, container: `heading:${this.line}` }));
    return id;
  }

  /** "Docker setup (2 points)": the title, and the estimate it carries. */
  private titleAndEstimate(text: string): { title: string | null; estimate: Estimate | null } {
    const title = text.trim();
    const stated = estimateInTitle(title);
    if (!stated) return { title: title || null, estimate: null };
    const reading = readEstimate(stated.raw, { ...this.estimateContext, unit: stated.unit });
    if (!reading || !('estimate' in reading)) return { title: title || null, estimate: null };
    return { title: title.replace(stated.text, ' ').replace(/\s+/g, ' ').trim() || null, estimate: reading.estimate };
  }

  private textLine(text: string): void {
    if (this.boldItemLine(text)) return;
    const item = this.nearest('item');
    const pairs = readKeyValues(text);
    const label = labelOf(text);
    if (label) {
      this.listMode = COMMITMENT_LABEL.test(label) ? 'members' : 'other';
      return;
    }
    if (pairs.length > 0 && item && !this.isClaimLine(pairs)) {
      this.metadata(item, pairs);
      return;
    }
    if (pairs.length > 0 && this.keyValueClaims(pairs)) return;
    if (this.criticalPathText(text, this.line)) return;
    const sprint = readSprintName(text);
    if (sprint && text.length < 120) {
      this.lineFrame = { depth: 7, sprint };
      this.registerSprint(sprint);
      this.listMode = 'members';
      return;
    }
    const group = this.knownGroupLead(text);
    if (group && text.length < 120) {
      this.lineFrame = { depth: 7, group };
      this.listMode = null;
    }
  }

  /**
   * "**US-12 — Export CSV**" on a line of its own introduces an item as a heading would; the
   * `Key: value` lines and tasks after it belong to it.
   */
  private boldItemLine(text: string): boolean {
    const raw = (this.sourceLines[this.line - 1] ?? '').trim();
    if (!/^(?:\*\*|__)/.test(raw) || text.length > 160) return false;
    const match = ITEM_HEADING.exec(stripDecoration(text));
    if (!match || !/[:：–—-]/.test(text.slice(match[1].length, match[1].length + 4)) || !match[2]) return false;
    const id = cleanId(match[1]);
    if (!looksLikeId(id, this.extraIds)) return false;
    const { title, estimate } = this.titleAndEstimate(match[2]);
    const parent = this.stack.findLast((frame) => frame.item)?.item ?? null;
    this.records.push(this.record(id, { title, estimate, parent, container: `line:${this.line}` }));
    this.lineFrame = { ...this.lineFrame, depth: 7, item: id };
    return true;
  }

  private isClaimLine(pairs: { key: string; value: string }[]): boolean {
    return pairs.some((pair) => claimsFromKeyValue(pair.key, pair.value, { file: '' }, this.position(), null).length > 0 && !/^(?:story\s*)?points?|estimate/i.test(pair.key));
  }

  private keyValueClaims(pairs: { key: string; value: string }[]): boolean {
    let found = false;
    for (const { key, value } of pairs) {
      const group = this.nearest('group');
      const sprint = this.nearest('sprint');
      // "**Story Points**: 21" under an epic heading states the epic's total.
      const statedKey = group && !sprint && /^(?:story\s*)?points?$/i.test(key) ? `Total ${key}` : key;
      const claims = claimsFromKeyValue(statedKey, value, this.scope(), this.position(), this.nearest('size')?.unit ?? null);
      this.claims.push(...claims);
      found ||= claims.length > 0;
    }
    return found;
  }

  private criticalPathText(text: string, line: number): boolean {
    if (!this.nearest('criticalPath') && !CRITICAL_PATH.test(text)) return false;
    const claim = criticalPathClaim(text, this.scope(), this.position(line));
    if (claim) this.claims.push(claim);
    return claim !== null;
  }

  private code(text: string): void {
    for (const task of readGantt(text, this.estimateContext)) {
      const record = this.record(task.id, { title: task.title, estimate: task.estimate, done: task.done || null, container: `gantt:${this.line}` });
      record.references.push(...task.after);
      record.group = task.section ?? record.group;
      record.source = this.position(this.line + 1 + task.line);
      this.ganttRecords.push(record);
    }
    if (!this.nearest('criticalPath')) return;
    const index = text.split('\n').findIndex((line) => /→|->|=>/.test(line));
    this.criticalPathText(text, this.line + 1 + Math.max(index, 0));
  }

  /**
   * A story kept as a file of its own, described by YAML front matter (`id`, `title`, `points`,
   * `depends_on`, `sprint`, `status`…). The first heading gives the title when the front matter
   * does not.
   */
  private frontMatter(text: string): void {
    let data: unknown;
    try {
      data = parseYaml(text);
    } catch {
      return;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return;
    const entries = Object.entries(data as Record<string, unknown>).map(([key, value]) => [key.replace(/[_-]+/g, ' '), flatten(value)] as const);
    const id = entries.find(([key, value]) => /^(?:id|key|ticket|issue)$/i.test(key) && looksLikeColumnId(value, this.extraIds))?.[1];
    if (!id) return;
    const record = this.record(cleanId(id), { title: null, container: 'frontmatter' });
    for (const [key, value] of entries) {
      record.fields[key] = value;
      const role = rolesOf(key).find((candidate) => candidate !== 'id');
      if (role) this.applyRole(record, role, value, key);
    }
    this.records.push(record);
    this.pendingTitle = record;
  }

  // ── list entries ───────────────────────────────────────────────────────

  private entry(text: string, checked: boolean | null): void {
    const item = this.nearest('item');
    const pairs = readKeyValues(text);
    const value = stripDecoration(text);

    // "- **Sprint 1 (week 1):** US‑01, US‑03, US‑04 (basic CRUD)"
    const sprintLead = /^([^:]{1,60}):\s*(.*)$/.exec(value);
    const sprint = sprintLead ? readSprintName(sprintLead[1]) : null;
    if (sprint && sprintLead) {
      const ids = this.idsIn(sprintLead[2]);
      if (ids.length > 0) {
        this.registerSprint(sprint);
        for (const id of ids) this.sprints.get(sprint.key)!.members.push({ id, partial: null, source: this.position() });
        return;
      }
    }
    const lead = /^([^\s:–—,]+(?:\s#?\d+(?:\.\d+)*)?)\s*([:–—-]\s*|\s+|$)(.*)$/u.exec(value);
    const id = lead && looksLikeId(cleanId(lead[1]), this.extraIds) ? cleanId(lead[1]) : null;
    const currentSprint = this.nearest('sprint');
    if (id && lead && this.listMode === 'members' && currentSprint && !item && checked === null) {
      // "AION-702 partly for capture" carries a note on the commitment; "US-4: Export" or
      // "US-4 Export" a title.
      const rest = lead[3].trim();
      const titled = /^[:–—-]/.test(lead[2]) || /^[\p{Lu}\p{Lo}\d]/u.test(rest);
      this.sprints.get(currentSprint.key)!.members.push({ id, partial: !titled && rest ? rest : null, source: this.position() });
      if (titled && rest) this.records.push(this.record(id, { title: rest, container: `list:${this.line}`, reference: true }));
      return;
    }
    // A checkbox task, a task listed under its story, or an entry that carries its own estimate
    // ("1. US-5 Export CSV — 3 SP") defines an item; other entries that start with an ID only
    // mention one ("- AION-101 through AION-104").
    const estimated = lead !== null && estimateInTitle(lead[3]) !== null;
    if (id && lead && (checked !== null || estimated || (item && /^[:–—]/.test(lead[2])))) {
      const dependency = /[\s(—–-]+(?:depends on|blocked by|after|requires|needs)\s+([^)]*)\)?\s*$/i.exec(lead[3]);
      const { title, estimate } = this.titleAndEstimate(dependency ? lead[3].slice(0, dependency.index) : lead[3]);
      const record = this.record(id, { title, estimate, parent: item ?? null, done: checked, container: `list:${item ?? ''}` });
      if (dependency) record.references.push(...parseReferences(dependency[1], this.extraIds));
      this.records.push(record);
      return;
    }
    if (pairs.length > 0 && item && !this.isClaimLine(pairs)) {
      this.metadata(item, pairs);
      return;
    }
    if (pairs.length > 0) this.keyValueClaims(pairs);
  }

  private idsIn(text: string): string[] {
    return text
      .replace(/\([^)]*\)/g, ' ')
      .split(/\s*[,;]\s*|\s+(?:and|und|et|e|y)\s+/)
      .map((part) => cleanId(part))
      .filter((part) => looksLikeId(part, this.extraIds));
  }

  // ── metadata of heading items ──────────────────────────────────────────

  private metadata(id: string, pairs: { key: string; value: string }[]): void {
    const record = this.records.findLast((candidate) => candidate.id === id);
    if (!record) return;
    for (const { key, value } of pairs) {
      record.fields[key] = value;
      const role = rolesOf(key)[0] as Role | undefined;
      this.applyRole(record, role, value, key);
    }
  }

  /** Sets one field of a record from a value whose role is known (a column or a metadata key). */
  applyRole(record: ItemRecord, role: Role | undefined, value: string, header: string, unit: Unit | null = null): void {
    const text = value.trim();
    if (!text) return;
    switch (role) {
      case 'estimate': {
        if (record.estimate && record.estimate.unit !== (unit ?? record.estimate.unit)) return;
        const reading = readEstimate(text, { ...this.estimateContext, unit: unit ?? this.unitOfKey(header) });
        if (reading && 'estimate' in reading) {
          if (!record.estimate || reading.estimate.unit === record.estimate.unit) record.estimate ??= reading.estimate;
        } else if (reading && !record.estimate) {
          record.unreadEstimate = text;
          this.diagnostics.push({ ...record.source, rule: 'unparsable-estimate', severity: 'warning', message: `${record.id}: ${reading.problem}` });
        }
        return;
      }
      case 'dependsOn':
        record.references.push(...parseReferences(text, this.extraIds));
        return;
      case 'successors':
        record.successors.push(...parseReferences(text, this.extraIds));
        return;
      case 'sprint': {
        // "PROJ Sprint 14" in a Jira export names sprint 14.
        const sprint = readSprintName(text, true) ?? readSprintName(/\b(?:sprint|iteration)\s*#?\s*\d+(?:\.\d+)?\b.*$/i.exec(text)?.[0] ?? '', true);
        if (sprint) {
          record.sprint = sprint.key;
          this.registerSprint(sprint);
        }
        return;
      }
      case 'status':
        record.status = text;
        return;
      case 'priority':
        record.priority = text;
        return;
      case 'owner':
        record.owner = text;
        return;
      case 'group':
        record.group = text;
        return;
      case 'track':
        record.track = text;
        return;
      case 'title':
        record.title ??= text;
        return;
      default:
        return;
    }
  }

  private unitOfKey(key: string): Unit | null {
    if (/\b(?:time|hours?|stunden|heures|horas)\b/i.test(key)) return 'hours';
    if (/\b(?:days?|tage|jours|dias|días|durée|duration)\b/i.test(key)) return 'days';
    return /\bpoints?|pts|sp\b/i.test(key) ? 'points' : null;
  }

  // ── tables ─────────────────────────────────────────────────────────────

  private table(block: Extract<Block, { kind: 'table' }>, original: (line: number) => number): void {
    this.tableCount++;
    const table = readTable(block, this.extraIds);
    const lineOf = (index: number) => original(block.rowLines[index]);
    for (const mismatch of table.columnMismatches) {
      this.diagnostics.push({
        ...this.position(lineOf(mismatch.row)),
        rule: 'table-column-count',
        severity: 'warning',
        message: `table row has ${mismatch.cells} cells but the header has ${table.header.length}`,
      });
    }
    switch (table.kind) {
      case 'groups':
        table.rows.forEach((row, index) => {
          this.line = lineOf(index);
          this.registerGroup(row.id, row.title ?? '', row.release);
        });
        return;
      case 'projection':
        for (const row of table.projections) {
          this.claims.push({ kind: 'projection', scope: { file: this.source.file }, velocity: row.velocity, sprints: row.sprints, raw: row.raw, source: this.position(lineOf(row.row)) });
        }
        return;
      case 'key-values':
        table.pairs.forEach((pair) => {
          this.line = lineOf(pair.row);
          if (!this.criticalPathText(`${pair.key}: ${pair.value}`, this.line)) this.keyValueClaims([pair]);
        });
        return;
      case 'items':
        return this.itemRows(table, lineOf);
      case 'unidentified':
        this.diagnostics.push({
          ...this.position(original(block.line)),
          rule: 'unread-table',
          severity: 'warning',
          message: `this table lists ${table.rows} estimated row${table.rows === 1 ? '' : 's'} but no column identifies them, so they were not read as items (add an ID column)`,
        });
        return;
      default:
        return;
    }
  }

  private itemRows(table: Extract<ReturnType<typeof readTable>, { kind: 'items' }>, lineOf: (index: number) => number): void {
    const container = `table:${this.tableCount}`;
    const above: string[] = [];
    const size = this.nearest('size');
    table.rows.forEach((row, index) => {
      this.line = lineOf(index);
      const record = this.record(row.id, { title: null, container });
      record.estimateExpected = table.hasEstimate;
      table.header.forEach((header, column) => {
        const value = row.cells[column] ?? '';
        if (header.text) record.fields[header.text] = value;
        this.applyRole(record, header.role, value, header.text, header.unit);
      });
      if (table.threePoint) {
        const [o, m, p] = table.threePoint.map((column) => row.cells[column] ?? '');
        if (o && m && p) {
          const reading = readEstimate(`${o}/${m}/${p}`, { ...this.estimateContext, unit: table.threePointUnit });
          if (reading && 'estimate' in reading) record.estimate = { ...reading.estimate, raw: `${o} / ${m} / ${p}` };
        }
      }
      if (!record.estimate && !record.unreadEstimate && size && !table.hasEstimate) {
        record.estimate = { unit: size.unit, low: size.value, high: size.value, expected: size.value, raw: size.raw, kind: 'single', variance: 0 };
      }
      if (record.references.includes('\u0000all-above')) {
        record.references = [...record.references.filter((reference) => reference !== '\u0000all-above'), ...above];
      }
      if (table.statusColumns) {
        const marked = table.statusColumns.find((column) => /\S/.test(row.cells[column.index] ?? ''));
        if (marked) record.status = marked.name;
      }
      above.push(row.id);
      this.records.push(record);
    });
    this.tableTotals(table, lineOf, above);
  }

  /** A "Total" row states the sum of the table's estimate column. */
  private tableTotals(table: Extract<ReturnType<typeof readTable>, { kind: 'items' }>, lineOf: (index: number) => number, ids: string[]): void {
    const column = table.header.findIndex((header) => header.role === 'estimate');
    if (column === -1 || ids.length === 0) return;
    for (const total of table.totals) {
      const raw = (total.cells[column] ?? '').replace(/[*_`]/g, '').trim();
      const reading = readEstimate(raw, { ...this.estimateContext, unit: table.header[column].unit ?? this.unitOfKey(table.header[column].text) ?? this.nearest('size')?.unit ?? null });
      if (!reading || !('estimate' in reading) || reading.estimate.kind !== 'single') continue;
      const position = this.position(lineOf(total.row));
      this.claims.push({
        kind: 'total',
        scope: { ...this.scope(), items: [...ids] },
        which: 'all',
        value: reading.estimate.expected,
        unit: /\p{L}/u.test(raw) || table.header[column].unit ? reading.estimate.unit : null,
        raw: `${total.cells.filter(Boolean).join(' | ')}`,
        source: position,
      });
    }
  }

  /** A new record with the context of where it stands (sprint, group, track). */
  private record(
    id: string,
    options: { title: string | null; container: string; estimate?: Estimate | null; parent?: string | null; done?: boolean | null; reference?: boolean },
  ): ItemRecord {
    const sprint = this.nearest('sprint');
    return {
      id,
      title: options.title,
      estimate: options.estimate ?? null,
      unreadEstimate: null,
      references: [],
      successors: [],
      sprint: sprint?.key ?? null,
      group: this.nearest('group') ?? null,
      track: this.nearest('track') ?? null,
      status: null,
      done: options.done ?? null,
      priority: null,
      owner: null,
      // A table under a story heading lists that story's tasks.
      parent: options.parent !== undefined ? options.parent : (this.nearest('item') ?? null),
      fields: {},
      source: this.position(),
      container: options.container,
      mentionOnly: options.reference ?? false,
      estimateExpected: false,
    };
  }
}
