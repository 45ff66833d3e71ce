import type { Command } from 'commander';
import { addInputOptions, loadInput, type CommonOptions } from '../common.js';
import { terminalOutput } from '../output.js';
import { addWriteOptions, emitReport, reportFormat, type WriteOptions } from '../write-back.js';

export function register(program: Command): void {
  addWriteOptions(
    addInputOptions(program.command('show').description('print the backlog model: items, estimates, sprints, dependencies'), [
      'table',
      'md',
      'json',
    ]),
  ).action(async (paths: string[], options: CommonOptions & WriteOptions, command: Command) => {
    const format = reportFormat(command);
    const { backlog } = await loadInput(paths, options);
    const { formatShow } = await import('../../report/show.js');
    await emitReport({
      name: 'show',
      content: await formatShow(backlog, format, terminalOutput()),
      ...options,
    });
  });
}
