/**
 * Complexity checks, not speed limits: how much more a function costs on ten times the input.
 * Linear work gives about ×10, a quadratic scan ×100. Costs are the user CPU time of this process
 * (process.cpuUsage), not wall time, so a busy machine that keeps the test waiting for a core does
 * not count, nor does the kernel's time (a busy machine's memory work for a large input: in CI's full
 * suite a linear parse once measured ×104, ×4 alone); and the smaller input is made large enough to
 * cost at least 20 ms, so that timer resolution and JIT warm-up do not decide the ratio. When the
 * ratio looks too high, the smaller input is timed again after the larger one, and the slower of its
 * two times is the ratio's base: a slowness of the whole process while the larger ran (its heap, its
 * state) then slows that one too, where a quadratic scan still costs ten times as much per character.
 */

/** CPU milliseconds that the work `prepare` returns takes, the least of `runs` runs, each on a freshly prepared input (a cache keyed by the input cannot answer a run). */
function cpuMs(prepare: () => () => unknown, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const f = prepare();
    const start = process.cpuUsage();
    f();
    const used = process.cpuUsage(start);
    best = Math.min(best, used.user / 1000);
  }
  return best;
}

/** What growthRatio measured. */
export interface Growth {
  /** The smaller input's size, as given to `make`. */
  size: number;
  /** Cost of ten times that size over the cost of that size. */
  ratio: number;
  smallMs: number;
  largeMs: number;
}

/**
 * The cost of `make(size * 10)` over that of `make(size)`, where `size` starts at `start` and doubles
 * until the smaller input costs 20 ms or `max` is reached. `make` builds an input and returns the
 * work to time (building is not timed); it is called again for every run. A large run that looks too slow is measured again (noise
 * only ever adds time), and a ratio still over `limit` is measured once more from the start.
 */
export function growthRatio(make: (size: number) => () => unknown, start: number, limit: number, max = start * 64): Growth {
  // A ratio over the limit is measured once more from the start: a transient slowness of the whole
  // process (once seen in a full unit run, the smaller input five times and the larger sixty times
  // their usual cost) then passes, and a real quadratic scan fails twice.
  const first = measureGrowth(make, start, limit, max);
  return first.ratio < limit ? first : measureGrowth(make, start, limit, max);
}

function measureGrowth(make: (size: number) => () => unknown, start: number, limit: number, max: number): Growth {
  let size = start;
  cpuMs(() => make(size), 1); // warm up the JIT
  let smallMs = cpuMs(() => make(size), 3);
  while (smallMs < 20 && size < max) {
    size *= 2;
    smallMs = cpuMs(() => make(size), 3);
  }
  const large = (): (() => unknown) => make(size * 10);
  let largeMs = cpuMs(large, 1);
  if (largeMs / smallMs >= limit) {
    largeMs = Math.min(largeMs, cpuMs(large, 2));
    smallMs = Math.max(smallMs, cpuMs(() => make(size), 3));
  }
  return { size, ratio: largeMs / smallMs, smallMs, largeMs };
}
