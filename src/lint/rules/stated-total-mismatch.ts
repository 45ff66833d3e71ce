import type { Claim, ClaimFigure } from '../../model/types.js';
import { dominantUnit, formatNumber, unitLabel } from '../../model/units.js';
import { counted } from '../plural.js';
import { claimScopes, comparedAs, figureHolds, filterItems, rangeSumIn, sameNumber } from '../claim-scope.js';
import { configOfFile } from '../file-config.js';
import type { Rule } from '../types.js';

type TotalClaim = Extract<Claim, { kind: 'total' }>;

const MEASURES = { low: 'optimistic', likely: 'most likely', high: 'pessimistic' } as const;

export const statedTotalMismatch: Rule = {
  name: 'stated-total-mismatch',
  description: 'A total or count the document states (per sprint, group or file) differs from what its items add up to.',
  tags: ['claims', 'totals'],
  defaultSeverity: 'error',
  check(context, report) {
    const { backlog } = context;
    const scopeItems = claimScopes(backlog);
    for (const claim of backlog.claims) {
      if (claim.kind !== 'total' && claim.kind !== 'count') continue;
      const scope = scopeItems(claim.scope);
      if (!scope) continue;
      const items = filterItems(scope.items, claim.which);
      const which = claim.which === 'all' ? '' : `${claim.which} `;
      // A heading's title states figures about its own section: it is the subject.
      const subject = scope.label === `Section "${claim.raw}"` ? 'The heading' : scope.label;
      const stated = `${subject} states "${claim.raw}"`;
      if (claim.kind === 'count') {
        // "0 / 4" done says something of a section with items even when none is done.
        if (items.length === 0 && (claim.which !== 'done' || scope.items.length === 0)) continue;
        if (claim.value !== items.length) {
          report({ ...claim.source, message: `${stated} but it lists ${counted(items.length, `${which}item`)}` });
        }
        continue;
      }
      if (items.length === 0) continue;
      const message = totalMismatch(claim, items, configOfFile(context, claim.source.file).hoursPerDay);
      if (message) report({ ...claim.source, message: `${stated} but ${message}` });
    }
  },
};

/** What the items give, when it is not what the total states; null when the total holds or cannot be checked. */
function totalMismatch(claim: TotalClaim, items: Parameters<typeof rangeSumIn>[0], hoursPerDay: number): string | null {
  const sum = rangeSumIn(items, claim.unit, hoursPerDay);
  if (!sum) return null;
  // Weeks or months of the calendar in a plan estimated in hours are a timeline, not the effort.
  if (claim.figure?.calendar && dominantUnit(items) === 'hours') return null;
  const figure: ClaimFigure = claim.figure ?? { low: claim.value, high: claim.value, approximate: false, decimals: 0 };
  // A column of a three-point table adds up one of each estimate's values.
  const measured = claim.measure ? sum[claim.measure] : null;
  const computed = measured === null ? sum : { ...sum, low: measured, high: measured, expected: measured };
  const holds = claim.figure ? figureHolds(figure, computed) : sameNumber(computed.expected, claim.value);
  if (holds) return null;
  // Unestimated items could make up a stated figure above the sum; only one below it is sure to be wrong.
  if (sum.uncounted > 0 && claim.value > computed.expected) return null;
  const which = claim.which === 'all' ? '' : `${claim.which} `;
  const its = items.length === 1 ? `its 1 ${which}item adds up to` : `its ${items.length} ${which}items add up to`;
  const uncounted =
    sum.uncounted > 0 ? ` (${sum.uncounted} of them ${sum.uncounted === 1 ? 'has' : 'have'} no estimate in ${sum.unit})` : '';
  const amount = (value: number) => `${formatNumber(value)} ${unitLabel(sum.unit, value)}`;
  const measure = claim.measure ? ` (${MEASURES[claim.measure]} estimates)` : '';
  return `${its} ${comparedAs(figure, computed, amount)}${measure}${uncounted}`;
}
