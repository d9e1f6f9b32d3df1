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
 * CPU seconds of each file's own work (measured alone, less about 1.7 s of starting), for the split;
 * any other file counts as five. The safe-build file, the costliest, is a share of its own.
 */
const COST: Readonly<Record<string, number>> = {
  "safe-build.test.ts": 41,
  "corpus.test.ts": 20.5,
  "bad-input.test.ts": 18,
  "incremental-lists.test.ts": 12,
  "incremental.test.ts": 9.5,
  "search-index.test.ts": 8,
  "site.test.ts": 6.5,
  "servers.test.ts": 5.5,
  "search-ids.test.ts": 5,
  "scaling.test.ts": 4.5,
  "build.test.ts": 3.5,
  "check-cli.test.ts": 3.5,
  "new-post.test.ts": 3,
  "render-workers.test.ts": 3,
  "workflow.test.ts": 3,
  "corpus-more.test.ts": 2.5,
  "progress.test.ts": 2.5,
  "lean-fragments.test.ts": 0.5,
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
