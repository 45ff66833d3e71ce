/** Answers whether a rule is switched off at a line by a comment in the document itself. */
export interface InlineConfig {
  isDisabled(rule: string, line: number): boolean;
}

/** Which rules are off from some line on: all of them (with exceptions) or the ones named. */
interface DisableState {
  allDisabled: boolean;
  /** Per rule, overriding `allDisabled`: true = off, false = on. */
  overrides: Map<string, boolean>;
}

const COMMENT = /<!--\s*backlog-(disable-next-line|disable|enable)((?:\s+[\w-]+,?)*)\s*-->/g;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * Reads `<!-- backlog-disable rule… -->` (no rules: all) up to `<!-- backlog-enable rule… -->`,
 * and `<!-- backlog-disable-next-line rule… -->`, markdownlint style. A disable applies from its
 * own line on, so a comment at the end of a row covers that row. Comments inside fenced code are
 * examples, not configuration.
 */
export function parseInlineConfig(text: string): InlineConfig {
  const changes: { line: number; state: DisableState }[] = [];
  const nextLine = new Map<number, Set<string> | 'all'>();
  let state: DisableState = { allDisabled: false, overrides: new Map() };
  let fence: string | null = null;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1][0];
      if (fence === null) fence = marker;
      else if (fence === marker) fence = null;
      continue;
    }
    if (fence !== null || !line.includes('backlog-')) continue;
    for (const match of line.matchAll(COMMENT)) {
      const rules = match[2].split(/[\s,]+/).filter(Boolean);
      const lineNumber = index + 1;
      if (match[1] === 'disable-next-line') {
        const existing = nextLine.get(lineNumber + 1);
        if (rules.length === 0 || existing === 'all') nextLine.set(lineNumber + 1, 'all');
        else nextLine.set(lineNumber + 1, new Set([...(existing ?? []), ...rules]));
        continue;
      }
      state = applyComment(state, match[1] === 'disable', rules);
      changes.push({ line: lineNumber, state });
    }
  }
  return {
    isDisabled(rule, line) {
      const once = nextLine.get(line);
      if (once === 'all' || once?.has(rule)) return true;
      let current: DisableState | null = null;
      for (const change of changes) {
        if (change.line > line) break;
        current = change.state;
      }
      if (!current) return false;
      return current.overrides.get(rule) ?? current.allDisabled;
    },
  };
}

function applyComment(state: DisableState, disable: boolean, rules: string[]): DisableState {
  if (rules.length === 0) return { allDisabled: disable, overrides: new Map() };
  const overrides = new Map(state.overrides);
  for (const rule of rules) overrides.set(rule, disable);
  return { allDisabled: state.allDisabled, overrides };
}
