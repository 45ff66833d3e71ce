import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_NAMES, loadConfig } from './load-config.js';
import { DEFAULT_CONFIG, type Config } from './types.js';

/**
 * Which config each file is read with, as markdownlint-cli2 and ESLint find theirs: the nearest
 * `.backlogrc.yaml` (or `backlog.config.yaml`, `.yml` alike) in the file's directory or above
 * it, looking no further up than the repository root (the directory holding `.git`) or the
 * filesystem root. A file with none of its own takes the config of the current directory (found
 * the same way from there), so a config where the command runs applies to the paths below it and
 * to paths elsewhere that have none. `--config FILE` is one config for every file.
 *
 * Each file's config depends on the file alone, never on the other paths given or their order.
 * Config files are read once each, when a file first needs them; a bad one is a usage error
 * naming the file and the key.
 */
export interface ConfigLookup {
  /** The config the file at this absolute path is read and linted with. */
  forPath: (absolute: string) => Config;
  /**
   * The config for figures that span files (hours per day in a critical path over several
   * documents): the files' own config when they share one, else the config of the directory
   * they have in common. Never depends on the order of `paths`.
   */
  shared: (paths: readonly string[]) => Config;
}

export interface ConfigLookupOptions {
  /** Where the command runs. */
  cwd: string;
  /** `--config FILE`: one config for every file. */
  explicit?: string;
}

export function configLookup({ cwd, explicit }: ConfigLookupOptions): ConfigLookup {
  if (explicit) {
    const config = loadConfig(explicit, cwd);
    return { forPath: () => config, shared: () => config };
  }
  const fileIn = new Map<string, string | null>();
  const loaded = new Map<string, Config>();
  let here: Config | undefined;

  /** The nearest config file at or above `dir`, within its repository. */
  const nearestFile = (dir: string): string | null => {
    const known = fileIn.get(dir);
    if (known !== undefined) return known;
    let found: string | null = null;
    const own = CONFIG_NAMES.map((name) => path.join(dir, name)).find((candidate) => existsSync(candidate));
    if (own) found = own;
    else if (!existsSync(path.join(dir, '.git'))) {
      const parent = path.dirname(dir);
      found = parent === dir ? null : nearestFile(parent);
    }
    fileIn.set(dir, found);
    return found;
  };
  const read = (file: string): Config => {
    let config = loaded.get(file);
    if (!config) {
      config = loadConfig(file, path.dirname(file));
      loaded.set(file, config);
    }
    return config;
  };
  const forCwd = (): Config => {
    if (here === undefined) {
      const file = nearestFile(path.resolve(cwd));
      here = file ? read(file) : DEFAULT_CONFIG;
    }
    return here;
  };
  const forDirectory = (dir: string): Config => {
    const file = nearestFile(dir);
    return file ? read(file) : forCwd();
  };
  const forPath = (absolute: string) => forDirectory(path.dirname(path.resolve(absolute)));

  return {
    forPath,
    shared: (paths) => {
      const configs = new Set(paths.map(forPath));
      if (configs.size === 0) return forCwd();
      if (configs.size === 1) return [...configs][0];
      return forDirectory(commonDirectory(paths.map((file) => path.dirname(path.resolve(file)))));
    },
  };
}

/** The deepest directory that holds all of these. */
function commonDirectory(dirs: readonly string[]): string {
  let common = dirs[0];
  for (const dir of dirs.slice(1)) {
    while (common !== dir && !dir.startsWith(common.endsWith(path.sep) ? common : common + path.sep)) {
      const parent = path.dirname(common);
      if (parent === common) break;
      common = parent;
    }
  }
  return common;
}
