// Scaling of `backlog forecast` on generated backlogs: 10,000 Monte Carlo trials, velocity
// 25..40 per sprint, with and without a team (dependency-aware list scheduling), and with every
// estimate ranged (three-point, so each trial draws every item's size). The remaining work grows
// with the items, so the sprints per trial do too: doubling the items should about double the
// time. Run after a build:
//   npm run build && node bench/forecast.js
import { forecast } from '../dist/analyze/forecast.js';
import { randomBacklog, single, threePoint } from './random-backlog.js';

function time(run) {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

const velocity = { kind: 'range', low: 25, high: 40 };
console.log('items     remaining  P85 sprints  trials   forecast ms  ns/(trial·sprint)  with --team 5 ms  drawn estimates ms');
for (const count of [2_500, 5_000, 10_000, 20_000, 40_000]) {
  const backlog = randomBacklog(count, { dependencyChance: 0.5, estimate: single });
  const ranged = randomBacklog(count, { dependencyChance: 0.5, estimate: threePoint });
  forecast(backlog, { velocity, trials: 1_000 }); // warm up
  forecast(ranged, { velocity, trials: 1_000 });
  const plain = time(() => forecast(backlog, { velocity, trials: 10_000 }));
  const team = time(() => forecast(backlog, { velocity, trials: 10_000, team: 5 }));
  const drawn = time(() => forecast(ranged, { velocity, trials: 10_000 }));
  const perDraw = (plain.ms * 1e6) / (10_000 * plain.result.sprints);
  console.log(
    `${String(count).padEnd(9)} ${String(plain.result.remaining).padEnd(10)} ${String(plain.result.sprints).padEnd(12)} 10,000 ${plain.ms.toFixed(0).padStart(12)} ${perDraw.toFixed(1).padStart(18)} ${team.ms.toFixed(0).padStart(17)} ${drawn.ms.toFixed(0).padStart(19)}`,
  );
}
