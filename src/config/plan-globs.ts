import path from 'node:path';
import picomatch from 'picomatch';
import type { Config } from './types.js';

const matchers = new WeakMap<Config, { name: string; matches: (relative: string) => boolean }[]>();

/**
 * The plan a file's config puts it in (`plans: { web: ["docs/web/**"] }`, globs relative to the
 * config's directory), or null when no glob matches it.
 */
export function configuredPlan(absolutePath: string, config: Config): string | null {
  const entries = Object.entries(config.plans);
  if (entries.length === 0) return null;
  let compiled = matchers.get(config);
  if (!compiled) {
    compiled = entries.map(([name, globs]) => ({ name, matches: picomatch(globs, { dot: true }) }));
    matchers.set(config, compiled);
  }
  const base = config.source === null ? process.cwd() : path.dirname(config.source);
  const relative = path.relative(base, absolutePath).split(path.sep).join('/');
  return compiled.find((entry) => entry.matches(relative))?.name ?? null;
}

/** Each source's configured plan, by its name in the model, for `buildPlans`. */
export function planNamer<Source extends { file: string; path: string }>(
  sources: readonly Source[],
  configFor: (source: Source) => Config,
): (file: string) => string | null {
  const names = new Map(sources.map((source) => [source.file, configuredPlan(source.path, configFor(source))]));
  return (file) => names.get(file) ?? null;
}
