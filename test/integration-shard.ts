/**
 * The integration tier in four processes instead of one per file, as the unit tier is in two
 * (test/unit-shard.ts). Each integration file alone costs one and a half to two seconds of CPU before
 * its first test: Node and tsx, then the same modules again (the build command, Eleventy, the HTML
 * parser). `npm run test:integration` runs test/integration-1.ts … -4.ts, and each imports its share
 * of test/integration/*.test.ts, read from the folder, so a new file is run without being listed
 * anywhere. A file still runs alone as before: `node --import tsx --test test/integration/build.test.ts`.
 *
 * Each file is imported inside a suite named after it, so its root-level hooks (before, after) are
 * that suite's: they run around its own tests only, and a file's tests run after the previous file's
 * are done. The files share no state this could mix up: none changes process.env or the working
 * folder, builds in this process are made to leave no state behind (the safe-build test checks a
 * second corpus build made here against another process's), and each removes its own temporary folders.
 */
import path from "node:path";
import { root } from "./helpers.js";
import { runEachInSuite, sharesByCost } from "./shares.js";

/** Number of shares (test/integration-1.ts … -4.ts). */
export const INTEGRATION_SHARES = 4;

/**
 * CPU seconds of each file's own work (measured alone in a cgroup, warm cache, less about 1.5 s of
 * starting; 2026-12-01, after the safe-build and bad-input files moved their runs whose fault or
 * output is not about the process into the test's process), for the split; any other file counts as five.
 */
const COST: Readonly<Record<string, number>> = {
  "safe-build.test.ts": 29,
  "corpus.test.ts": 18,
  "bad-input.test.ts": 14,
  "incremental.test.ts": 10,
  "incremental-lists.test.ts": 8,
  "search-ids.test.ts": 7.5,
  "search-index.test.ts": 6,
  "site.test.ts": 6,
  "servers.test.ts": 6,
  "scaling.test.ts": 3.7,
  "build.test.ts": 3.7,
  "check-cli.test.ts": 3.5,
  "corpus-more.test.ts": 2.9,
  "new-post.test.ts": 2.6,
  "render-workers.test.ts": 2.4,
  "progress.test.ts": 1.8,
  "lean-fragments.test.ts": 1,
  "workflow.test.ts": 0.5,
  "static-gzip.test.ts": 0.5,
};

/** The integration files, split in `shares` shares of about equal cost: costliest first, each to the share that costs least so far. */
export function integrationShares(shares: number): string[][] {
  return sharesByCost(path.join(root, "test/integration"), shares, (f) => COST[f] ?? 5);
}

/** Run share `index` (0-based): each of its files in a suite of its own, one after the other. */
export function runIntegrationShare(index: number): void {
  runEachInSuite(integrationShares(INTEGRATION_SHARES)[index] ?? []);
}
