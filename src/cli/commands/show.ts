import type { Command } from 'commander';
import { addInputOptions, loadInput, type CommonOptions } from '../common.js';
import { useColor, writeOut } from '../output.js';

export function register(program: Command): void {
  addInputOptions(
    program.command('show').description('print the backlog model: items, estimates, sprints, dependencies'),
    ['table', 'md', 'json'],
  ).action(async (paths: string[], options: CommonOptions) => {
    const { backlog } = await loadInput(paths, options);
    const { formatShow } = await import('../../report/show.js');
    writeOut(formatShow(backlog, options.format ?? 'table', { color: useColor() }));
  });
}
