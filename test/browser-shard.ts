/**
 * The browser tier in two processes instead of one per file, as the integration tier is in four
 * (test/integration-shard.ts), and one Chromium per process instead of one per file. Each browser
 * file alone started Node and tsx, loaded playwright-core (about 1.3 CPU-seconds before its first
 * test) and launched Chromium (its browser and GPU processes: about 0.9 more). `npm run test:browser`
 * runs test/browser-1.ts and test/browser-2.ts; each imports its share of test/browser/*.test.ts,
 * read from the folder, so a new file is run without being listed anywhere. A file still runs alone
 * as before, with a browser of its own: `node --import tsx --test test/browser/reader.test.ts`.
 *
 * Each file is imported inside a suite named after it, so its root-level hooks (before, after) are
 * that suite's, and its tests run after the previous file's are done. The files share the browser
 * process only: every page they open is in a context of its own (browser.newPage), as before, and a
 * file's `browser.close()` closes the contexts it opened (test/browser/chromium.ts); the browser
 * itself is closed after the share's last file.
 */
import path from "node:path";
import { after } from "node:test";
import { root } from "./helpers.js";
import { runEachInSuite, sharesByCost } from "./shares.js";

/** Number of shares (test/browser-1.ts, -2.ts). */
export const BROWSER_SHARES = 2;

/** Core-seconds of each file with its browser (alone in a cgroup, warm cache, 2026-12-01); any other file counts as five. */
const COST: Readonly<Record<string, number>> = {
  "search.test.ts": 50,
  "reader.test.ts": 26,
  "axe.test.ts": 22,
  "monolingual.test.ts": 20,
  "post-page.test.ts": 7,
  "search-ids.test.ts": 7,
  "chromium-flags.test.ts": 0.5,
};

/** The browser files, split in `shares` shares of about equal cost: costliest first, each to the share that costs least so far. */
export function browserShares(shares: number): string[][] {
  return sharesByCost(path.join(root, "test/browser"), shares, (f) => COST[f] ?? 5);
}

/** Run share `index` (0-based): each of its files in a suite of its own, one after the other, with one browser. */
export function runBrowserShare(index: number): void {
  // Imported here, not at the top: the unit test of the shares reads browserShares without loading playwright-core.
  const chromium = import("./browser/chromium.js");
  runEachInSuite(browserShares(BROWSER_SHARES)[index] ?? [], async () => (await chromium).shareOneBrowser());
  after(async () => (await chromium).closeSharedBrowser());
}
