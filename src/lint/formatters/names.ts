/** `--format` choices, in the order help lists them; a module of its own so the CLI can offer them without loading the formatters. */
export const LINT_FORMATS = ['stylish', 'json', 'github', 'sarif', 'md'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];
