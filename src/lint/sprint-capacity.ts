import type { Config } from '../config/types.js';
import type { Backlog, Claim, Sprint, Unit } from '../model/types.js';
import { convertValue } from '../model/units.js';

type CapacityClaim = Extract<Claim, { kind: 'capacity' }>;

/** A sprint's capacity in the backlog unit, and where it was set (for messages). */
export interface SprintCapacity {
  value: number;
  origin: string;
}

/**
 * Where a sprint's capacity comes from, most specific first: the config for that sprint (by
 * name or key), a capacity the document states for that sprint, the config's one figure for
 * every sprint, and last a capacity the document states for a whole file that plans only this
 * sprint. Null when nothing sets one.
 */
export function sprintCapacity(sprint: Sprint, backlog: Backlog, config: Config): SprintCapacity | null {
  const unit = backlog.unit;
  const configured = config.capacity;
  if (configured !== null && typeof configured === 'object') {
    const value = configured[sprint.key] ?? configured[sprint.name];
    if (value !== undefined) return { value, origin: `set for ${sprint.key} in the config` };
  }
  const claims = backlog.claims.filter((claim): claim is CapacityClaim => claim.kind === 'capacity');
  const stated = claims.find((claim) => claim.scope.sprint === sprint.key);
  if (stated && unit) return fromClaim(stated, unit, config.hoursPerDay);
  if (typeof configured === 'number') return { value: configured, origin: 'set in the config' };
  const fileWide = claims.find(
    (claim) =>
      !claim.scope.sprint &&
      !claim.scope.group &&
      claim.scope.file === sprint.source.file &&
      backlog.sprints.filter((other) => other.source.file === sprint.source.file).length === 1,
  );
  return fileWide && unit ? fromClaim(fileWide, unit, config.hoursPerDay) : null;
}

function fromClaim(claim: CapacityClaim, unit: Unit, hoursPerDay: number): SprintCapacity | null {
  const value = convertValue(claim.value, claim.unit ?? unit, unit, hoursPerDay);
  return value === null ? null : { value, origin: `"${claim.raw}", line ${claim.source.line}` };
}
