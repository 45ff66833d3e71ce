import type { Command } from 'commander';
import { register as registerShow } from './show.js';
import { register as registerLint } from './lint.js';
import { register as registerCompletion } from './completion.js';
import { register as registerCriticalPath } from './critical-path.js';
import { register as registerReport } from './report.js';
import { register as registerForecast } from './forecast.js';
import { register as registerCapacity } from './capacity.js';
import { register as registerPlan } from './plan.js';

/** Each command lives in its own file and loads its heavy modules only when it runs. */
export function registerCommands(program: Command): void {
  registerShow(program);
  registerLint(program);
  registerCompletion(program);
  registerCriticalPath(program);
  registerReport(program);
  registerForecast(program);
  registerCapacity(program);
  registerPlan(program);
}
