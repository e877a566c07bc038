import { estimateBestTimes } from '/work/wt/besttime/utils/timing/estimate';
import { FLAT_PRIOR, priorGrid, TIMING_PRIORS } from '/work/wt/besttime/utils/timing/priors';
import { isPlanted, plantedHabitLog } from '/work/wt/besttime/utils/timing/planted-habit';
import { romeTime } from '/work/wt/besttime/utils/timing/test-helpers';
const NOW = romeTime(2026, 8, 10, 8, 0, 2);
const priors: [string, readonly number[]][] = [['flat', FLAT_PRIOR], ...TIMING_PRIORS.map((p) => [p.id, priorGrid(p)] as [string, number[]])];
const N = Number(process.env.SEEDS ?? 100);
for (const posts of [60, 120]) for (const [id, prior] of priors) {
  let both = 0, any = 0, nb = 0;
  for (let seed = 1; seed <= N; seed++) {
    const g = estimateBestTimes(plantedHabitLog(seed, posts), { timeZone: 'Europe/Rome', prior, now: NOW });
    // top three distinct cells of the week: greedily, no two on one day within 1 hour or in one 3-hour block
    const order = g.cells.map((c, i) => i).sort((a, b) => g.cells[b].score - g.cells[a].score || a - b);
    const top: number[] = [];
    for (const i of order) { if (top.length >= 3) break; const c = g.cells[i];
      if (top.some((j) => g.cells[j].day === c.day && (Math.abs(g.cells[j].hour - c.hour) <= 1 || Math.floor(g.cells[j].hour / 3) === Math.floor(c.hour / 3)))) continue; top.push(i); }
    const cs = top.map((i) => g.cells[i]);
    if (cs.some((c) => c.day === 0 && isPlanted(c.day, c.hour)) && cs.some((c) => c.day === 2 && isPlanted(c.day, c.hour))) both++;
    if (cs.some((c) => isPlanted(c.day, c.hour))) any++;
    const n = g.nextBest;
    if (n.some((c) => c.day === 0 && isPlanted(c.day, c.hour)) && n.some((c) => c.day === 2 && isPlanted(c.day, c.hour))) nb++;
  }
  console.log(`${posts} posts ${id.padEnd(30)} both(distinct top3) ${both}/${N}  any ${any}/${N}  nextBest-both ${nb}/${N}`);
}
