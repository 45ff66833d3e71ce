import type { Command } from 'commander';
import { register as registerCapacity } from './capacity.js';
import { register as registerCompletion } from './completion.js';
import { register as registerCriticalPath } from './critical-path.js';
import { register as registerForecast } from './forecast.js';
import { register as registerLint } from './lint.js';
import { register as registerLsp } from './lsp.js';
import { register as registerPlan } from './plan.js';
import { register as registerReport } from './report.js';
import { register as registerShow } from './show.js';

/**
 * Each command lives in its own file and loads its heavy modules only when it runs. They are
 * registered in the order `--help` lists them: reading, checking, planning, reporting.
 */
export function registerCommands(program: Command): void {
  registerShow(program);
  registerLint(program);
  registerCriticalPath(program);
  registerForecast(program);
  registerCapacity(program);
  registerPlan(program);
  registerReport(program);
  registerCompletion(program);
  registerLsp(program);
}
