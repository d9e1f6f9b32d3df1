/** Test helpers for the transcript parser: corpus access and front-matter splitting. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { corpusDir } from "../helpers.js";

/** The real posts, copied into the test fixtures (read-only). */
export const CORPUS_DIR = corpusDir;

/** A post split into front matter and body, with the body's line offset in the file. */
export interface SplitPost {
  body: string;
  lineOffset: number;
}

/**
 * Split at the second line that is exactly `---` (or `----`); the body is what follows and
 * `lineOffset` is that fence's 1-based line number. Front matter is not parsed, so broken YAML
 * does not matter. A file without two fences is all body.
 */
export function splitFrontMatter(text: string): SplitPost {
  let fences = 0;
  let pos = 0;
  let line = 0;
  while (pos <= text.length) {
    const nl = text.indexOf("\n", pos);
    const end = nl < 0 ? text.length : nl;
    line++;
    const l = text.slice(pos, end).replace(/\r$/, "");
    if (l === "---" || l === "----") {
      fences++;
      if (fences === 2) return { body: nl < 0 ? "" : text.slice(nl + 1), lineOffset: line };
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  return { body: text, lineOffset: 0 };
}

/** Names of all corpus files, sorted. */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".md")).sort();
}

/** Read a corpus file. */
export function readCorpus(name: string): string {
  return readFileSync(join(CORPUS_DIR, name), "utf8");
}
