/**
 * Moved to scripts/bench/measure.ts (bench code is not part of the site generator). This re-export
 * stays only until scripts/bench-search.ts, which another engineer owns, imports it from there.
 */
export * from "../../scripts/bench/measure.js";
