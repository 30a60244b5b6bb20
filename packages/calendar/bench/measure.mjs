// Timing helpers shared by the benchmark script and its smoke test.

/** Runs `fn` over `inputs` for about `ms` milliseconds and returns operations per second. */
export function measure(fn, inputs, ms = 1000) {
  let ops = 0;
  let sink = 0;
  const begin = process.hrtime.bigint();
  const limit = BigInt(Math.round(ms * 1e6));
  do {
    for (let i = 0; i < inputs.length; i++) sink += fn(inputs[i]).length;
    ops += inputs.length;
  } while (process.hrtime.bigint() - begin < limit);
  const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
  if (sink === 0) throw new Error('benchmark produced nothing');
  return ops / seconds;
}

/** Median of a list of numbers. */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Every date from `from` to `to`, inclusive, using the given `addCalendarDays`. */
export function dateRange(addCalendarDays, from, to) {
  const out = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}
