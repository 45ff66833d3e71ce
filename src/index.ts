/**
 * The library API: what `import … from 'backlog-planner'` gives. The CLI is a thin layer over
 * these functions; each is pure over the model except `loadBacklog` and `loadConfig`, which read
 * files.
 */
export { loadBacklog, backlogFromMarkdown, backlogFromSources, type LoadOptions, type LoadResult, type SourceConfig } from './load.js';
export { loadConfig, parseConfig } from './config/load-config.js';
export { configLookup, type ConfigLookup, type ConfigLookupOptions } from './config/nearest.js';
export { DEFAULT_CONFIG, type Config, type RuleSetting, type SizeRange } from './config/types.js';
export { lint, configOfFile, RULES, type LintOptions, type LintResult, type Problem, type Rule, type RuleContext } from './lint/index.js';
export { criticalPath, type CriticalPathOptions, type CriticalPathResult, type ScheduledItem } from './analyze/critical-path.js';
export { CycleError, type DependencyCycle } from './analyze/graph.js';
export { forecast, type ForecastOptions, type ForecastResult } from './analyze/forecast.js';
export { capacity, type CapacityOptions, type CapacityResult, type SprintCapacity } from './analyze/capacity.js';
export type { DependencyOrderViolation } from './analyze/dependency-order.js';
export { parseVelocity, parseHistory, type Velocity } from './analyze/velocity.js';
export { replaceSection, isStale, MarkerError, type MarkerProblem } from './write/markers.js';
export { UsageError } from './errors.js';
export type { SourceText } from './read/source.js';
export type {
  Backlog,
  Claim,
  ClaimFilter,
  ClaimScope,
  Conflict,
  Diagnostic,
  Estimate,
  EstimateKind,
  FileInfo,
  Fix,
  Group,
  Item,
  Severity,
  SourcePosition,
  Sprint,
  Unit,
} from './model/types.js';
