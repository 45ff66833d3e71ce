import type { Config } from '../config/types.js';
import { groupBy } from '../model/group-by.js';
import { countsInTotals, indexById } from '../model/totals.js';
import type { Backlog, Claim, Item, Sprint, Unit } from '../model/types.js';
import { convertValue, DEFAULT_HOURS_PER_DAY, dominantUnit } from '../model/units.js';
import { dependencyOrderViolations, type DependencyOrderViolation } from './dependency-order.js';
import { orderSprints } from './sprint-order.js';
import { DEFAULT_SPRINT_DAYS } from './working-days.js';
import { sumWork } from './work-sum.js';

export interface CapacityOptions {
  /** One capacity for every sprint (`--capacity N`), before any other source. */
  capacity?: number;
  /** The config's `capacity`: one number, or by sprint name or key. */
  configCapacity?: Config['capacity'];
  /** The `capacity` of the config a sprint's own file is read with, when files have configs of their own; wins over `configCapacity`. */
  configCapacityFor?: (sprint: Sprint) => Config['capacity'];
  /** People in the team; without it, a team size the document states. */
  team?: number;
  /** Working days per sprint, for team × working days (default 10). */
  sprintDays?: number;
  hoursPerDay?: number;
  /** Dependency order: also flag an item in the same sprint as its prerequisite. */
  strict?: boolean;
}

export type CapacitySource = 'option' | 'config' | 'document' | 'team';

export interface SprintCapacity {
  name: string;
  key: string;
  /** Expected estimates of the sprint's work items in the backlog unit; partial commitments count in full. */
  committed: number;
  capacity: number | null;
  /** committed > capacity (beyond floating-point noise). */
  over: boolean;
  capacitySource: CapacitySource | null;
  /** The stated capacity, when the document is the source. */
  capacityClaim?: { raw: string; source: Claim['source'] };
  /** Items committed only in part, with the document's note: counted in full. */
  partial: { item: string; note: string }[];
  /** Committed items that add nothing to `committed`. */
  leftOut: { otherUnit: string[]; unestimated: string[] };
  /** A total the document states for the sprint ("Total Points: 49"), in the backlog unit, when it does. */
  stated?: { committed: number; raw: string; source: Claim['source'] };
}

export interface CapacityResult {
  unit: Unit | null;
  /** In the order they run (see `orderSprints`). */
  sprints: SprintCapacity[];
  violations: DependencyOrderViolation[];
  /** Why an option given had no effect (a team size on a backlog in points), one sentence each. */
  notes: string[];
}

const SPRINT_REFERENCE = /^(?:sprint\s*#?\s*|s\s*)?(\d+(?:\.\d+)*)(?!\d)/i;

/** "Sprint 4", "S4", "4", "Sprint 4: Billing" → "4"; any other name lower-cased. */
function sprintReference(text: string): string {
  const trimmed = text.trim();
  return SPRINT_REFERENCE.exec(trimmed)?.[1] ?? trimmed.toLowerCase();
}

function configCapacityFor(sprint: Sprint, setting: Config['capacity'] | undefined): number | null {
  if (setting === null || setting === undefined) return null;
  if (typeof setting === 'number') return setting;
  const wanted = new Set([sprintReference(sprint.key), sprintReference(sprint.name)]);
  const entry = Object.entries(setting).find(([name]) => wanted.has(sprintReference(name)));
  return entry ? entry[1] : null;
}

type CapacityClaim = Extract<Claim, { kind: 'capacity' }>;
type TotalClaim = Extract<Claim, { kind: 'total' }>;

/**
 * The document's capacity claims, indexed once: looking through every claim for every sprint
 * would cost sprints × claims in a backlog of many files.
 */
interface CapacityClaims {
  /** The first claim about each sprint, by key. */
  bySprint: Map<string, CapacityClaim>;
  /** The first file-wide claim of each file. */
  fileWide: Map<string, CapacityClaim>;
  /** How many sprints each file holds. */
  sprintsInFile: Map<string, number>;
}

function indexCapacityClaims(claims: readonly CapacityClaim[], sprints: readonly Sprint[]): CapacityClaims {
  const index: CapacityClaims = { bySprint: new Map(), fileWide: new Map(), sprintsInFile: new Map() };
  for (const claim of claims) {
    const { sprint, group, file } = claim.scope;
    if (sprint !== undefined) {
      if (!index.bySprint.has(sprint)) index.bySprint.set(sprint, claim);
    } else if (group === undefined && !index.fileWide.has(file)) {
      index.fileWide.set(file, claim);
    }
  }
  for (const sprint of sprints) index.sprintsInFile.set(sprint.source.file, (index.sprintsInFile.get(sprint.source.file) ?? 0) + 1);
  return index;
}

/** A capacity claim about this sprint, or a file-wide one in a file that holds this sprint alone. */
function claimFor(sprint: Sprint, claims: CapacityClaims): CapacityClaim | undefined {
  const own = claims.bySprint.get(sprint.key);
  if (own) return own;
  const file = sprint.source.file;
  return claims.sprintsInFile.get(file) === 1 ? claims.fileWide.get(file) : undefined;
}

function teamCapacity(unit: Unit | null, team: number | undefined, sprintDays: number, hoursPerDay: number): number | null {
  if (team === undefined || (unit !== 'days' && unit !== 'hours')) return null;
  const days = team * sprintDays;
  return unit === 'days' ? days : days * hoursPerDay;
}

type Chosen = Pick<SprintCapacity, 'capacity' | 'capacitySource' | 'capacityClaim'>;

/** The first source that has a capacity for the sprint, in the order `capacity` documents. */
function chooseCapacity(
  sprint: Sprint,
  context: CapacityOptions & { unit: Unit | null; hoursPerDay: number; byTeam: number | null },
  claims: CapacityClaims,
): Chosen {
  if (context.capacity !== undefined) return { capacity: context.capacity, capacitySource: 'option' };
  const fromConfig = configCapacityFor(sprint, context.configCapacityFor ? context.configCapacityFor(sprint) : context.configCapacity);
  if (fromConfig !== null) return { capacity: fromConfig, capacitySource: 'config' };
  const claim = claimFor(sprint, claims);
  const fromClaim = claim && context.unit ? convertValue(claim.value, claim.unit ?? context.unit, context.unit, context.hoursPerDay) : null;
  if (claim && fromClaim !== null)
    return { capacity: fromClaim, capacitySource: 'document', capacityClaim: { raw: claim.raw, source: claim.source } };
  if (context.byTeam !== null) return { capacity: context.byTeam, capacitySource: 'team' };
  return { capacity: null, capacitySource: null };
}

/** The first of the totals the document states for a sprint that converts to `unit`. */
function statedTotal(totals: readonly TotalClaim[], unit: Unit | null, hoursPerDay: number): SprintCapacity['stated'] {
  if (!unit) return undefined;
  for (const claim of totals) {
    const committed = convertValue(claim.value, claim.unit ?? unit, unit, hoursPerDay);
    if (committed !== null) return { committed, raw: claim.raw, source: claim.source };
  }
  return undefined;
}

/** Equal up to floating-point noise counts as fitting: 0.1 + 0.2 fits in 0.3. */
function exceeds(committed: number, capacity: number): boolean {
  return committed - capacity > 1e-9 * Math.max(1, Math.abs(capacity));
}

/**
 * Each sprint's committed work against its capacity, which comes from, in order: the option,
 * the config (one number or per sprint), the document (a `capacity` claim for the sprint, or a
 * file-wide one when the file has one sprint), or team size × working days when the unit is
 * time. A sprint with none is never over. Also the dependency order across sprints.
 */
export function capacity(backlog: Backlog, options: CapacityOptions = {}): CapacityResult {
  const hoursPerDay = options.hoursPerDay ?? DEFAULT_HOURS_PER_DAY;
  const byId = indexById(backlog.items);
  const unit = backlog.unit ?? dominantUnit(backlog.items);
  const claims = indexCapacityClaims(
    backlog.claims.filter((claim): claim is CapacityClaim => claim.kind === 'capacity'),
    backlog.sprints,
  );
  const totals = groupBy(
    backlog.claims.filter((claim): claim is TotalClaim => claim.kind === 'total' && claim.scope.sprint !== undefined),
    (claim) => claim.scope.sprint,
  );
  const team = options.team ?? backlog.claims.find((claim) => claim.kind === 'team-size')?.value;
  const byTeam = teamCapacity(unit, team, options.sprintDays ?? DEFAULT_SPRINT_DAYS, hoursPerDay);

  const sprints = orderSprints(backlog.sprints).map((sprint): SprintCapacity => {
    const items = sprint.items.map((id) => byId.get(id)).filter((item): item is Item => item !== undefined && countsInTotals(item, byId));
    const { total: committed, otherUnit, unestimated } = sumWork(items, unit, hoursPerDay);
    const chosen = chooseCapacity(sprint, { ...options, unit, hoursPerDay, byTeam }, claims);
    const row: SprintCapacity = {
      name: sprint.name,
      key: sprint.key,
      committed,
      ...chosen,
      over: chosen.capacity !== null && exceeds(committed, chosen.capacity),
      partial: Object.entries(sprint.partial).map(([item, note]) => ({ item, note })),
      leftOut: { otherUnit, unestimated },
    };
    const stated = statedTotal(totals.get(sprint.key) ?? [], unit, hoursPerDay);
    if (stated) row.stated = stated;
    return row;
  });

  const notes: string[] = [];
  if (options.team !== undefined && byTeam === null) {
    const estimated = unit === null ? 'has no estimates' : `is estimated in ${unit}`;
    notes.push(
      `--team ${options.team} is ignored: team × working days is a capacity in days, and this backlog ${estimated} (give --capacity N in its unit instead).`,
    );
  }
  return { unit, sprints, violations: dependencyOrderViolations(backlog, { strict: options.strict ?? false }), notes };
}
