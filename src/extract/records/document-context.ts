import type { Config } from '../../config/types.js';
import type { Claim, ClaimScope, Diagnostic, Estimate, SourcePosition, Unit } from '../../model/types.js';
import type { SourceText } from '../../read/source.js';
import { isHeadingLine, headingTitle, sectionsAt } from '../evidence/claim-sections.js';
import { claimsFromKeyValue, criticalPathClaim, criticalPathLength, statesFigure, titleClaims, totalsListAbove } from '../values/claims.js';
import { rolesOf, unitOfHeader, type Role } from '../roles/header-roles.js';
import { estimateInTitle, readEstimate, type EstimateContext, type StatedUnit } from '../values/estimates.js';
import { gatherDefinedIds, type DefinedIds } from '../evidence/defined-ids.js';
import type { IdEvidence } from '../evidence/id-evidence.js';
import { LEXICON, perLexicon } from '../lexicon/lexicon.js';
import { cleanId, idKey, looksLikeId } from '../values/ids.js';
import { ListTracker } from '../evidence/list-structure.js';
import type { GroupRecord, ItemRecord, SprintRecord } from './item-record.js';
import { ALL_ABOVE, ALL_OTHERS, parseReferences } from '../values/references.js';
import { readSprintName, type SprintName } from '../values/sprints.js';

/** What a heading (or a heading-like line) sets for everything under it. */
export interface Frame {
  depth: number;
  /** The heading's text, for what encloses a section ("4-Wochen-Sprint" around its weeks). */
  title?: string;
  /** null: "## Out of sprint" leaves the sprint above. */
  sprint?: SprintName | null;
  group?: string;
  track?: string;
  /** "### 5 Point Stories": the estimate of every item below that gives none. */
  size?: { raw: string; value: number; unit: Unit };
  item?: string;
  /** A heading that names a piece of work without an ID ("## ストーリー1: ログイン画面（5pt）"): the list under it is its breakdown. */
  work?: boolean;
  criticalPath?: boolean;
  /** "### Acceptance criteria": the entries below check a story's work; they are no items. */
  criteria?: boolean;
  /** "## Done", "## In progress": a board column gives the status of what it lists. */
  status?: string;
}

/** The words for a critical path, in every language the lexicon knows. */
export const CRITICAL_PATH = perLexicon((lexicon) => new RegExp(lexicon.source('criticalPath'), 'iu'));

/** "Sprint 14" inside a longer sprint cell: "PROJ Sprint 14", "Iteration 3 (current)". */
const SPRINT_IN_CELL = perLexicon(
  (lexicon) => new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${lexicon.source('sprintWord')})\s*#?\s*\d+(?:\.\d+)?(?![\p{L}\p{N}_]).*$`, 'iu'),
);

/** What separates the IDs of a membership line: commas, arrows, "and". */
const MEMBER_SEPARATOR = perLexicon(
  (lexicon) => new RegExp(String.raw`\s*(?:[,;、，；+&/→⟶➔➜⇒]|->|=>|(?<=\s)(?:${lexicon.source('and')})(?=\s))\s*`, 'u'),
);

/** "Points: 5", "Story points: 3", "Estimate total: 20h": a key that names the item's own estimate. */
function namesOwnEstimate(key: string): boolean {
  return LEXICON.startsWith('unitPoints', key) > 0 || LEXICON.contains('estimateKey', key);
}

/** Leading emoji and punctuation: "🔧 Story 1" is "Story 1". */
export function stripDecoration(text: string): string {
  return text.replace(/^[^\p{L}\p{N}#]+/u, '').trim();
}

/**
 * Everything one document's reading shares: what has been found so far (records, sprints,
 * groups, claims, diagnostics) and where the reader stands (the headings above, the sprint or
 * epic a line named, whether a list commits items to a sprint). The block readers
 * (read-heading, read-text, read-entry, read-table-block) work on it.
 */
export class DocumentContext {
  readonly records: ItemRecord[] = [];
  readonly sprints = new Map<string, SprintRecord>();
  readonly groups: GroupRecord[] = [];
  readonly groupNames = new Map<string, string>();
  readonly claims: Claim[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Gantt tasks, kept apart: they count only when nothing else in the file lists items. */
  readonly ganttRecords: ItemRecord[] = [];
  readonly stack: Frame[] = [];
  readonly extraIds: RegExp[];
  /** Which tokens are the document's IDs, from the whole document (set before its blocks are read). */
  ids: IdEvidence;
  /** The items the document defines at heading, bold-line and entry leads (set before its blocks are read). */
  defined: DefinedIds = gatherDefinedIds([], () => false);
  readonly estimateContext: EstimateContext;
  readonly sourceLines: string[];
  /** The context a heading-like line set (a "Sprint 1: …" or "EP-01 …" line, a bold item line). */
  lineFrame: Frame | null = null;
  /** A front-matter record still waiting for the title its first heading gives. */
  pendingTitle: ItemRecord | null = null;
  /**
   * What the list entries that follow are: items committed to the current sprint, a story's
   * acceptance criteria or the stories its dependency label lists (no items), or anything else.
   */
  listMode: 'members' | 'criteria' | 'other' | null = null;
  /** The list a "criteria" label introduced, once its first entry is read. */
  criteriaList: string | null = null;
  tableCount = 0;
  /** The original line of the block being read. */
  line = 1;
  /** The lists of the document, as far as read: where each entry stands. */
  readonly lists: ListTracker;
  /** The units metadata keys state, by key. */
  private readonly keyUnits = new Map<string, StatedUnit | null>();

  constructor(
    readonly source: SourceText,
    readonly config: Config,
  ) {
    this.extraIds = config.idPatterns.map((pattern) => new RegExp(pattern, 'u'));
    this.ids = { accepts: (token) => looksLikeId(token, this.extraIds) };
    this.estimateContext = { unit: null, scale: {}, openEndedFactor: config.openEndedFactor };
    this.sourceLines = source.text.split('\n');
    this.lists = new ListTracker(this.sourceLines);
  }

  position(line = this.line): SourcePosition {
    return { file: this.source.file, line, column: 1 };
  }

  /** Whether a section is inside a sprint: a sprint heading, or a heading that calls its part a sprint. */
  insideSprint(): boolean {
    return (
      this.nearest('sprint') !== undefined ||
      this.stack.some((frame) => frame.title !== undefined && LEXICON.contains('sprintWord', frame.title))
    );
  }

  /** A reference that can only name items: an ID, or "all". */
  private namesItems(reference: string): boolean {
    return reference === ALL_OTHERS || reference === ALL_ABOVE || this.ids.accepts(reference, 'cell');
  }

  /** The innermost value of `key` the context sets: the line frame first, then the headings. */
  nearest<K extends keyof Frame>(key: K): Frame[K] | undefined {
    if (this.lineFrame?.[key] !== undefined) return this.lineFrame[key];
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i][key] !== undefined) return this.stack[i][key];
    return undefined;
  }

  /**
   * Where a figure stated on the current line applies: its sprint, else its group, else the
   * heading sections it stands in (`own`: a heading's figure is about the section it opens).
   */
  scope(own = true): ClaimScope {
    const sprint = this.nearest('sprint');
    const group = this.nearest('group');
    const scope: ClaimScope = { file: this.source.file };
    if (sprint) scope.sprint = sprint.key;
    else if (group) scope.group = group;
    else {
      const sections = sectionsAt(this.sourceLines, this.line, own);
      if (sections.length > 0) scope.sections = sections;
    }
    return scope;
  }

  registerSprint(sprint: SprintName): void {
    const existing = this.sprints.get(sprint.key);
    if (!existing) this.sprints.set(sprint.key, { key: sprint.key, name: sprint.name, members: [], source: this.position() });
    else if (sprint.name.length > existing.name.length) existing.name = sprint.name;
  }

  registerGroup(id: string | null, name: string, release: string | null = null): string {
    const key = id ? idKey(id) : idKey(name);
    const known = this.groupNames.get(key);
    if (known) return known;
    const display = id && name ? `${id} ${name}` : (id ?? name);
    this.groupNames.set(key, display);
    this.groups.push({ id, name: display, release, source: this.position() });
    return display;
  }

  /** A line or heading that starts with the ID of an epic the document listed ("EP-01 Environment…"). */
  knownGroupLead(text: string): string | null {
    const lead = /^(\S+)\s*[:–—-]?\s*(.*)$/u.exec(stripDecoration(text));
    if (!lead || !this.groupNames.has(idKey(lead[1]))) return null;
    return this.registerGroup(cleanId(lead[1]), lead[2].trim());
  }

  /** "Docker setup (2 points)": the title, and the estimate it carries. */
  titleAndEstimate(text: string): { title: string | null; estimate: Estimate | null } {
    const title = text.trim();
    const stated = estimateInTitle(title);
    if (!stated) return { title: title || null, estimate: null };
    const reading = readEstimate(stated.raw, { ...this.estimateContext, unit: stated.unit });
    if (!reading || !('estimate' in reading)) return { title: title || null, estimate: null };
    return { title: title.replace(stated.text, ' ').replace(/\s+/g, ' ').trim() || null, estimate: reading.estimate };
  }

  isClaimLine(pairs: { key: string; value: string }[]): boolean {
    return pairs.some((pair) => statesFigure(pair.key, pair.value) && !namesOwnEstimate(pair.key));
  }

  /**
   * The figures `Key: value` pairs state. A heading's pairs ("### Total Week 1 Estimate: 19-25
   * hours") state a figure about the section above it, and open no section of their own (true);
   * figures in the rest of a heading's title ("### Block A: Action System (7 items) - 11-15
   * hours") are about the section it opens, which it still opens (false).
   */
  keyValueClaims(pairs: { key: string; value: string }[]): boolean {
    const heading = isHeadingLine(this.sourceLines, this.line);
    const unit = this.nearest('size')?.unit ?? null;
    // Records come in reading order: those of the lines just above are the last ones.
    const definesItem = (line: number) => {
      for (let index = this.records.length - 1; index >= 0 && this.records[index].source.line >= line; index--) {
        if (this.records[index].source.line === line) return true;
      }
      return false;
    };
    let found = false;
    for (const { key, value } of pairs) {
      const claims = claimsFromKeyValue(key, value, this.scope(!heading), this.position(), unit, true).filter(
        (claim) => claim.kind !== 'total' || !claim.unit || !totalsListAbove(this.sourceLines, this.line, claim.unit, definesItem),
      );
      this.claims.push(...claims);
      found ||= claims.length > 0;
    }
    if (heading && !found) {
      const title = headingTitle(this.sourceLines, this.line) ?? pairs.map((pair) => `${pair.key}: ${pair.value}`).join(' | ');
      // The figures of a heading's title are about the section it opens, inside whatever sprint it stands in.
      const sprint = readSprintName(title);
      const scope: ClaimScope = sprint ? { file: this.source.file, sprint: sprint.key } : { file: this.source.file };
      if (!sprint) scope.sections = sectionsAt(this.sourceLines, this.line, true);
      this.claims.push(...titleClaims(title, scope, this.position()));
    }
    return found;
  }

  /**
   * A critical path the text states, under a heading that names it or in a line that does. A
   * line that only states a length ("Total Duration on Critical Path: … = 45 person-days") gives
   * it to the chain stated just above it, when that one states none.
   */
  criticalPathText(text: string, line: number): boolean {
    const underHeading = this.nearest('criticalPath') === true;
    if (!underHeading && !CRITICAL_PATH().test(text)) return false;
    const claim = criticalPathClaim(text, this.scope(), this.position(line), underHeading);
    const previous = this.claims.at(-1);
    if (claim && underHeading && previous?.kind === 'critical-path') {
      // Chains listed one after another under one heading are alternatives of one claim.
      const section = (at: number) => sectionsAt(this.sourceLines, at)[0]?.line;
      if (section(previous.source.line) === section(line)) {
        previous.alternatives = [...(previous.alternatives ?? []), claim.chain, ...(claim.alternatives ?? [])];
        return true;
      }
    }
    if (claim) {
      this.claims.push(claim);
      return true;
    }
    const length = previous?.kind === 'critical-path' && previous.length === null ? criticalPathLength(text) : null;
    if (!previous || previous.kind !== 'critical-path' || !length || line - previous.source.line > 5) return false;
    previous.length = length.length;
    previous.unit = length.unit;
    previous.figure = length.figure;
    return true;
  }

  /**
   * The items a membership line lists: "US‑01, US‑03 (basic CRUD)", "WP-03（…）→ WP-01 / 04 スパイク"
   * (a bare number after an ID takes its prefix). A part of the line that starts with no ID is
   * prose ("increase seed to 120 tools") and lists nothing.
   */
  idsIn(text: string): string[] {
    const ids: string[] = [];
    let prefix = '';
    const parts = text.replace(/[(（][^()（）]*[)）]/g, ' ').split(MEMBER_SEPARATOR());
    for (const part of parts) {
      const token = cleanId((part.trim().split(/\s+/)[0] ?? '').replace(/[.:!?]+$/, ''), this.extraIds);
      if (token && this.ids.accepts(token, 'entry')) {
        ids.push(token);
        prefix = /^(.*?[^\d\s.])\d+$/u.exec(token)?.[1] ?? '';
      } else if (/^\d+$/.test(token) && prefix) ids.push(`${prefix}${token}`);
      else prefix = '';
    }
    return ids;
  }

  metadata(id: string, pairs: { key: string; value: string }[]): void {
    const record = this.records.findLast((candidate) => candidate.id === id);
    if (!record) return;
    for (const { key, value } of pairs) {
      record.fields[key] = value;
      const role = rolesOf(key)[0] as Role | undefined;
      this.applyRole(record, role, value, key);
    }
  }

  /** Sets one field of a record from a value whose role is known (a column or a metadata key). */
  /** `column`: the unit a table column states; a metadata key's own words are read when it is not given. */
  applyRole(record: ItemRecord, role: Role | undefined, value: string, header: string, column?: StatedUnit | null): void {
    const text = value.trim();
    if (!text) return;
    switch (role) {
      case 'estimate': {
        const stated = column === undefined ? this.unitOfMetadataKey(header) : column;
        if (record.estimate && stated && record.estimate.unit !== stated.unit) return;
        const reading = readEstimate(text, {
          ...this.estimateContext,
          unit: stated?.unit ?? this.unitOfKey(header),
          factor: stated?.factor,
        });
        if (reading && 'estimate' in reading) {
          if (!record.estimate || reading.estimate.unit === record.estimate.unit) record.estimate ??= reading.estimate;
        } else if (reading && !record.estimate) {
          record.unreadEstimate = text;
          this.diagnostics.push({
            ...record.source,
            rule: 'unparsable-estimate',
            severity: 'warning',
            message: `${record.id}: ${reading.problem}`,
          });
        }
        return;
      }
      case 'dependsOn':
        record.references.push(...parseReferences(text, this.extraIds));
        return;
      case 'successors':
        // What a "Blocks" cell says besides IDs ("Safety", "Operator review") is what the work enables, not an item.
        record.successors.push(...parseReferences(text, this.extraIds).filter((reference) => this.namesItems(reference)));
        return;
      case 'sprint': {
        // "PROJ Sprint 14" in a Jira export names sprint 14; "1-2" in a sprint column an item
        // across two sprints, kept as sprint "1-2".
        const span = /^(\d{1,3})\s*[-–]\s*(\d{1,3})$/.exec(text);
        const sprint =
          readSprintName(text, true) ??
          readSprintName(SPRINT_IN_CELL().exec(text)?.[0] ?? '', true) ??
          (span && Number(span[2]) > Number(span[1]) ? readSprintName(`Sprint ${span[1]}-${span[2]}`, true) : null);
        if (sprint) {
          record.sprint = sprint.key;
          this.registerSprint(sprint);
        } else if (
          column !== undefined &&
          !LEXICON.is('none', text) &&
          !LEXICON.is('noEstimate', text) &&
          !LEXICON.is('boardColumn', text)
        ) {
          // A table's sprint cell that names no sprint ("2 or 3") is said, not dropped; "-", "n/a" and "Backlog" name none on purpose.
          this.diagnostics.push({
            ...record.source,
            rule: 'unparsable-sprint',
            severity: 'warning',
            message: `${record.id}: "${text}" does not name a sprint`,
          });
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

  /** The unit a metadata key states ("Estimate (weeks)"), read once per key: every story repeats its keys. */
  private unitOfMetadataKey(key: string): StatedUnit | null {
    let stated = this.keyUnits.get(key);
    if (stated === undefined) {
      stated = unitOfHeader(key);
      this.keyUnits.set(key, stated);
    }
    return stated;
  }

  /** The unit a key implies for bare numbers: "Time" hours, "Duration" days, "Points" points. */
  unitOfKey(key: string): Unit | null {
    if (LEXICON.contains('timeKey', key) || LEXICON.contains('unitHours', key)) return 'hours';
    if (LEXICON.contains('durationKey', key) || LEXICON.contains('unitDays', key)) return 'days';
    return LEXICON.contains('unitPoints', key) ? 'points' : null;
  }

  /** A new record with the context of where it stands (sprint, group, track). */
  record(
    id: string,
    options: {
      title: string | null;
      container: string;
      estimate?: Estimate | null;
      parent?: string | null;
      done?: boolean | null;
      reference?: boolean;
      siblings?: string;
    },
  ): ItemRecord {
    // A heading that defines an item gives its estimate in its title ("## US-1: Login (3d)"):
    // what its title seemed to state about its section is the item's own estimate.
    while (this.claims.length > 0 && this.claims[this.claims.length - 1].scope.sections?.[0]?.line === this.line) {
      const last = this.claims[this.claims.length - 1];
      if (last.source.line !== this.line || (last.kind !== 'total' && last.kind !== 'count')) break;
      this.claims.pop();
    }
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
      status: this.nearest('status') ?? null,
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
      siblings: options.siblings ?? null,
      needsListItems: false,
      titleEstimate: null,
    };
  }
}
