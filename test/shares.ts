/** Splitting a folder's test files among processes by cost (test/unit-shard.ts, test/integration-shard.ts, test/browser-shard.ts). */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The repository (not from helpers.ts: the unit tier's shares read this file without loading it). */
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Runs `files` in this process, each imported inside a suite named after it (so its root-level hooks
 * are that suite's, and its tests run after the previous file's are done), after `setup` if given.
 */
export function runEachInSuite(files: readonly string[], setup?: () => Promise<void>): void {
  for (const file of files) {
    describe(path.relative(root, file), async () => {
      await setup?.();
      await import(pathToFileURL(file).href);
    });
  }
}

/**
 * The `*.test.ts` files of `dir` in `shares` shares of about equal cost: costliest first, each to the
 * share that costs least so far (ties by name). Each share's files in that order.
 */
export function sharesByCost(dir: string, shares: number, cost: (file: string) => number): string[][] {
  const files = readdirSync(dir).filter((f) => f.endsWith(".test.ts"));
  files.sort((a, b) => cost(b) - cost(a) || a.localeCompare(b));
  const split = Array.from({ length: shares }, () => ({ cost: 0, files: [] as string[] }));
  for (const f of files) {
    const least = split.reduce((a, b) => (b.cost < a.cost ? b : a));
    least.cost += cost(f);
    least.files.push(path.join(dir, f));
  }
  return split.map((s) => s.files);
}
