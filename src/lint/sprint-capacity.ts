import type { Config } from '../config/types.js';
import type { Backlog, Claim, Sprint, Unit } from '../model/types.js';

type CapacityClaim = Extract<Claim, { kind: 'capacity' }>;

export interface SprintCapacity {
  value: number;
  /** The unit the capacity is stated in; null for a configured figure, which is in the sprint's own unit. */
  unit: Unit | null;
  /** Where the figure was set, for messages. */
  origin: string;
}

/**
 * Where a sprint's capacity comes from, most specific first: the config for that sprint (by
 * name or key), a capacity the document states for that sprint, the config's one figure for
 * every sprint, and last a capacity the document states for a whole file that plans only this
 * sprint. Null when nothing sets one.
 */
export function sprintCapacity(sprint: Sprint, backlog: Backlog, config: Config): SprintCapacity | null {
  const configured = config.capacity;
  if (configured !== null && typeof configured === 'object') {
    const value = configured[sprint.key] ?? configured[sprint.name];
    if (value !== undefined) return { value, unit: null, origin: `set for ${sprint.key} in the config` };
  }
  const claims = backlog.claims.filter((claim): claim is CapacityClaim => claim.kind === 'capacity');
  const stated = claims.find((claim) => claim.scope.sprint === sprint.key);
  if (stated) return fromClaim(stated);
  if (typeof configured === 'number') return { value: configured, unit: null, origin: 'set in the config' };
  const file = sprint.source.file;
  const plansOneSprint = backlog.sprints.filter((other) => other.source.file === file).length === 1;
  const fileWide = claims.find((claim) => !claim.scope.sprint && !claim.scope.group && claim.scope.file === file);
  return plansOneSprint && fileWide ? fromClaim(fileWide) : null;
}

function fromClaim(claim: CapacityClaim): SprintCapacity {
  return { value: claim.value, unit: claim.unit, origin: `"${claim.raw}", line ${claim.source.line}` };
}
