/**
 * Keeps a long build's heap near its live size. V8 grows the heap long before it collects, and a
 * build that renders tens of thousands of large pages makes garbage fast: left alone, an archive's
 * build peaks at several times its live data (see the README's performance section). A full
 * collection whenever the heap outgrows a bound (1.6 times what survived the last one, at least
 * 640 MB) keeps the peak near the live size; the bound follows what survives, so a large archive,
 * whose live data is above the floor, is not collected again at every check.
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const FLOOR = 640 * 2 ** 20;
const GROWTH = 1.6;
const CHECK_EVERY = 32;

/** A way to force a full collection without starting Node with --expose-gc. */
function gcFunction(): (() => void) | undefined {
  try {
    setFlagsFromString("--expose-gc");
    // A fresh context sees the flag; the main one was created before it was set.
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A full collection now, where Node lets this process force one (see gcFunction): for a phase that
 * starts other processes after one that made a lot of garbage, so that the heap this process no
 * longer uses goes back to the system before they start (V8 releases the pages a full collection
 * empties, and would otherwise wait for its next collection).
 */
export function collectNow(): void {
  gcFunction()?.();
}

/** A tick to call once per written page; it collects when the heap has grown past its bound. */
export function heapGovernor(): () => void {
  const gc = gcFunction();
  if (!gc) return () => {};
  let bound = FLOOR;
  let calls = 0;
  return () => {
    if (++calls % CHECK_EVERY !== 0) return;
    if (getHeapStatistics().used_heap_size < bound) return;
    gc();
    bound = Math.max(FLOOR, getHeapStatistics().used_heap_size * GROWTH);
  };
}
