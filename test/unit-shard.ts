/**
 * The unit tier in two processes instead of one per file. Each unit file alone costs about half a
 * second of CPU to start Node and tsx, and most of them load the same modules again (zod, yaml,
 * markdown-it, the parser): 27 files spent more CPU starting than testing. `npm run test:unit` runs
 * test/unit-1.ts and test/unit-2.ts, two at a time as every tier does, and each imports its share of
 * test/unit/*.test.ts, read from the folder, so a new unit file is run without being listed anywhere.
 * A unit file still runs alone as before: `node --import tsx --test test/unit/glossary.test.ts`.
 *
 * The unit files share no state that this could mix up: none changes process.env or the working
 * folder, and their only root-level hooks remove their own temporary folders.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "./helpers.js";
import { sharesByCost } from "./shares.js";

/** CPU seconds of the costlier files' own tests (each measured alone in a cgroup, 2026-12-01, less Node's and tsx's start); any other file counts as half a second. */
const COST: Readonly<Record<string, number>> = {
  "transcript-parse.test.ts": 11.3,
  "glossary.test.ts": 6,
  "corpus-gen.test.ts": 5.2,
  "frontmatter-deep.test.ts": 3.6,
  "transcript-corpus.test.ts": 2,
  "transcript-facts.test.ts": 2,
  "inline-safety.test.ts": 1.8,
  "absolute-url.test.ts": 1.4,
  "shared-load.test.ts": 1.4,
  "frontmatter.test.ts": 1.3,
  "taxonomy.test.ts": 0.9,
  "incremental.test.ts": 0.9,
};

/** The unit files, split in `shards` shares of about equal cost: costliest first, each to the share that costs least so far. */
export function unitShares(shards: number): string[][] {
  return sharesByCost(path.join(root, "test/unit"), shards, (f) => COST[f] ?? 0.5).map((files) => files.sort());
}

/** Import share `index` (0-based) of two: its files' tests register with this process's runner. */
export async function runUnitShare(index: number): Promise<void> {
  for (const file of unitShares(2)[index] ?? []) await import(pathToFileURL(file).href);
}
