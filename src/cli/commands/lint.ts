import type { Command } from 'commander';
import { createRequire } from 'node:module';
import { UsageError } from '../../errors.js';
import { LINT_FORMATS, type LintFormat } from '../../lint/formatters/names.js';
import type { LintResult } from '../../lint/types.js';
import { addInputOptions, loadInput, parseNumberOption, type CommonOptions } from '../common.js';
import { terminalOutput, writeErr, writeOut } from '../output.js';
import { addWriteOptions, emitReport, reportFormat, type WriteOptions } from '../write-back.js';

interface LintOptions extends CommonOptions, WriteOptions {
  format?: LintFormat;
  maxWarnings?: string;
  quiet?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  rules?: boolean;
}

export function register(program: Command): void {
  addWriteOptions(
    addInputOptions(
      program
        .command('lint')
        .description('find what has drifted in backlog documents: stated totals, critical paths, forecasts, tables, encoding'),
      [...LINT_FORMATS],
      'stylish',
    ),
  )
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (quiet or not)')
    .option('-q, --quiet', 'report errors only')
    .option('--fix', 'repair what is safe to repair (wrapped table rows, double-encoded UTF-8) in place')
    .option('--fix-dry-run', 'print the repairs --fix would make as a unified diff; write nothing')
    .option('--rules', 'list every rule with its default severity and description')
    .action(async (paths: string[], options: LintOptions, command: Command) => {
      const format = reportFormat(command) as LintFormat;
      const { RULES } = await import('../../lint/rules/index.js');
      if (options.rules) {
        const { formatRuleList } = await import('../../lint/formatters/rule-list.js');
        writeOut(formatRuleList(RULES, format));
        return;
      }
      const maxWarnings =
        options.maxWarnings === undefined ? null : parseNumberOption('--max-warnings', options.maxWarnings, { min: 0, integer: true });
      if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');

      const input = await loadInput(paths, options);
      const { checkRuleSettings } = await import('../../lint/rule-settings.js');
      checkRuleSettings(input.configs, RULES);
      let result: LintResult;
      if (options.fix || options.fixDryRun) {
        const { fileText, fixSources } = await import('../../lint/fix.js');
        const { backlogFromSources } = await import('../../load.js');
        // What is left after fixing is what a fresh run over the fixed files reports.
        const outcome = fixSources(
          input.sources,
          input.config,
          (sources, config, configFor) => backlogFromSources(sources, configFor ? (source) => configFor(source.file) : config),
          input.configOf,
        );
        result = outcome.result;
        if (options.fixDryRun) {
          const { unifiedDiff } = await import('../../lint/diff.js');
          writeOut(outcome.fixed.map(({ source, text }) => unifiedDiff(source.file, fileText(source), text)).join(''));
          setExitCode(result.errorCount, result.warningCount, maxWarnings);
          return;
        }
        const { writeFixes } = await import('../../lint/write-fixes.js');
        writeFixes(outcome.fixed);
      } else {
        const { lint } = await import('../../lint/index.js');
        result = lint(input.backlog, { sources: input.sources, config: input.config, configFor: input.configOf });
      }

      const { summarize } = await import('../../lint/run-rules.js');
      const shown = options.quiet ? summarize(result.problems.filter((problem) => problem.severity === 'error')) : result;
      const { FORMATTERS } = await import('../../lint/formatters/index.js');
      await emitReport({
        name: 'lint',
        content: FORMATTERS[format](shown, { ...terminalOutput(), rules: RULES, version: packageVersion() }),
        ...options,
      });
      if (maxWarnings !== null && result.warningCount > maxWarnings) {
        writeErr(`backlog: too many warnings (${result.warningCount}; --max-warnings is ${maxWarnings})`);
      }
      setExitCode(result.errorCount, result.warningCount, maxWarnings);
    });
}

/** 1 for errors or too many warnings; an input error (2) already set by loading stays. */
function setExitCode(errors: number, warnings: number, maxWarnings: number | null): void {
  const failed = errors > 0 || (maxWarnings !== null && warnings > maxWarnings);
  if (failed && process.exitCode !== 2) process.exitCode = 1;
}

function packageVersion(): string {
  return (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;
}
