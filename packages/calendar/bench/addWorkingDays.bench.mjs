// Throughput of addWorkingDays on the built package: `npm run bench` (builds with tsup, then runs this file).
import { addCalendarDays, addWorkingDays, chinaMainland, computeDueDate } from '../dist/index.js';
import { dateRange, measure, median } from './measure.mjs';

const starts = dateRange(addCalendarDays, '2015-01-01', '2026-10-31');
const early = starts.filter((d) => d < '2018-06-01');
const late = starts.filter((d) => d > '2015-03-01');
const rule = { kind: 'workingDays', days: 20 };
const beyond = dateRange(addCalendarDays, '2027-01-01', '2030-12-31');
const statutory = { uncovered: 'statutory' };
const cases = [
  ['addWorkingDays(cal, date, 20)', (d) => addWorkingDays(chinaMainland, d, 20), starts],
  ['addWorkingDays(cal, date, 2000)', (d) => addWorkingDays(chinaMainland, d, 2000), early],
  ['addWorkingDays(cal, date, -20)', (d) => addWorkingDays(chinaMainland, d, -20), late],
  ['computeDueDate(cal, workingDays 20, date)', (d) => computeDueDate(chinaMainland, rule, d).due, starts],
  ['addWorkingDays(…, 20, statutory) 2027–2030', (d) => addWorkingDays(chinaMainland, d, 20, statutory), beyond],
  ['computeDueDate(…, statutory) 2027–2030', (d) => computeDueDate(chinaMainland, rule, d, statutory).due, beyond],
];
console.log(`node ${process.version}, ${starts.length} start dates 2015-01-01..2026-10-31`);
for (const [name, fn, list] of cases) {
  measure(fn, list, 300);
  const ops = median([1, 2, 3, 4, 5].map(() => measure(fn, list, 500)));
  console.log(
    `${name.padEnd(44)} ${(ops / 1e6).toFixed(2).padStart(6)} M ops/s  (median of 5; ${(1e9 / ops).toFixed(0)} ns/op)`,
  );
}
