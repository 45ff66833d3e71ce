import type { ExtraWords } from '../extract/lexicon/lexicon.js';
import type { Severity, Unit } from '../model/types.js';

export type RuleSetting = 'off' | 'warn' | 'error';

/** A T-shirt size and the range of work it stands for. */
export interface SizeRange {
  low: number;
  high: number;
  unit: Unit;
}

export interface Config {
  /** Severity per lint rule; a rule not named keeps its default. */
  rules: Record<string, RuleSetting>;
  /** T-shirt scale used when a document states none (keys are upper-case sizes: S, M, L, XL). */
  scales: Record<string, SizeRange>;
  hoursPerDay: number;
  /** Capacity per sprint in the backlog unit: one number for every sprint, or by sprint name/key. */
  capacity: number | Record<string, number> | null;
  /** Extra regular expressions (source text) that an item ID may match. */
  idPatterns: string[];
  /** Gitignore-style patterns of files never read. */
  ignore: string[];
  /** The factor that closes an open-ended estimate ("more than 10 days" → 10 × factor). */
  openEndedFactor: number;
  /**
   * Named plans by glob, relative to the config's directory (`web: ["docs/web/**"]`): the files a
   * glob matches are one plan, besides the files that share items with them.
   */
  plans: Record<string, string[]>;
  /** Words the documents use beyond the built-in vocabulary, by concept: `{ done: ['Geliefert'] }`. */
  vocabulary: ExtraWords;
  /** Where the config came from, for messages; null for the defaults. */
  source: string | null;
}

export const DEFAULT_CONFIG: Config = {
  rules: {},
  scales: {},
  hoursPerDay: 8,
  capacity: null,
  idPatterns: [],
  ignore: [],
  openEndedFactor: 1.5,
  plans: {},
  vocabulary: {},
  source: null,
};

export function severityOf(setting: RuleSetting): Severity | null {
  if (setting === 'off') return null;
  return setting === 'warn' ? 'warning' : 'error';
}
