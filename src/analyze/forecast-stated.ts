import { groupBy } from '../model/group-by.js';
import { workItems } from '../model/totals.js';
import type { Backlog, Claim, ClaimFilter, Item, SourcePosition, Unit } from '../model/types.js';
import { convertValue } from '../model/units.js';
import { sprintsFor } from './sprints-for.js';
import { sumWork } from './work-sum.js';

type ProjectionClaim = Extract<Claim, { kind: 'projection' }>;
type TotalClaim = Extract<Claim, { kind: 'total' }>;

/** A figure the document states, next to the one computed from its items. */
export type StatedFigure =
  | {
      kind: 'projection';
      velocity: number;
      stated: number;
      computed: number;
      /** computed − stated. */
      difference: number;
      /** A total the same file states from which the stated sprints do follow, when the computed one does not. */
      followsFromTotal?: number;
      raw: string;
      source: SourcePosition;
    }
  | {
      kind: 'total';
      which: ClaimFilter;
      unit: Unit;
      stated: number;
      computed: number;
      difference: number;
      raw: string;
      source: SourcePosition;
    };

/** Work of one file's work items in `unit`: everything, or what is not done. */
function fileWork(fileItems: readonly Item[], which: ClaimFilter, unit: Unit, hoursPerDay: number): number {
  const items = which === 'all' ? fileItems : fileItems.filter((item) => !item.done);
  return sumWork(items, unit, hoursPerDay).total;
}

function isFileTotal(claim: Claim): claim is TotalClaim {
  return claim.kind === 'total' && !claim.scope.sprint && !claim.scope.group;
}

/**
 * The document's own forecast figures beside computed ones: each velocity projection (stated
 * sprints against remaining ÷ velocity, rounded up, over the claim's file) and each file-wide
 * total. Totals in a unit the backlog's cannot convert to are left out.
 */
export function statedFigures(backlog: Backlog, unit: Unit | null, hoursPerDay: number): StatedFigure[] {
  if (!unit) return [];
  // Grouped once, and only when some figure needs it: a backlog read from many files states
  // figures in each of them, and most backlogs state none.
  let workByFile: Map<string, Item[]> | undefined;
  const workOf = (file: string) => (workByFile ??= groupBy(workItems(backlog), (item) => item.source.file)).get(file) ?? [];
  const totalsByFile = groupBy(backlog.claims.filter(isFileTotal), (claim) => claim.scope.file);
  const figures: StatedFigure[] = [];
  for (const claim of backlog.claims) {
    if (isFileTotal(claim)) {
      const claimUnit = claim.unit ?? unit;
      if (convertValue(1, unit, claimUnit, hoursPerDay) === null) continue;
      const computed = fileWork(workOf(claim.scope.file), claim.which, claimUnit, hoursPerDay);
      figures.push({
        kind: 'total',
        which: claim.which,
        unit: claimUnit,
        stated: claim.value,
        computed,
        difference: computed - claim.value,
        raw: claim.raw,
        source: claim.source,
      });
    } else if (claim.kind === 'projection' && claim.velocity > 0) {
      const computed = sprintsFor(fileWork(workOf(claim.scope.file), 'remaining', unit, hoursPerDay), claim.velocity);
      const figure: StatedFigure = {
        kind: 'projection',
        velocity: claim.velocity,
        stated: claim.sprints,
        computed,
        difference: computed - claim.sprints,
        raw: claim.raw,
        source: claim.source,
      };
      const total = computed === claim.sprints ? undefined : explainingTotal(totalsByFile.get(claim.scope.file) ?? [], claim, unit);
      figures.push(total === undefined ? figure : { ...figure, followsFromTotal: total });
    }
  }
  return figures;
}

/**
 * A total the projection's file states, in the backlog's unit (a remaining one first), that gives
 * the projection's figure. `fileTotals`: the file-wide totals of that file.
 */
function explainingTotal(fileTotals: readonly TotalClaim[], projection: ProjectionClaim, unit: Unit): number | undefined {
  const totals = fileTotals.filter((claim) => (claim.unit ?? unit) === unit);
  totals.sort((a, b) => Number(b.which === 'remaining') - Number(a.which === 'remaining'));
  return totals.find((claim) => sprintsFor(claim.value, projection.velocity) === projection.sprints)?.value;
}
