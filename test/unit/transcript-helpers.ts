/** Test helpers for the transcript parser: corpus access (posts are split with the site's own `bodyOf`). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { corpusDir } from "../helpers.js";

/** The real posts, copied into the test fixtures (read-only). */
export const CORPUS_DIR = corpusDir;

/** Names of all corpus files, sorted. */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".md")).sort();
}

/** Read a corpus file. */
export function readCorpus(name: string): string {
  return readFileSync(join(CORPUS_DIR, name), "utf8");
}
