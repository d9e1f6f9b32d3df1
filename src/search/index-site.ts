/**
 * The search index: Pagefind's Node API over a built site, after Eleventy has written it.
 * Only post pages carry `data-pagefind-body`, so navigation, lists and indexes are not indexed.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";

/** What indexing cost and produced. */
export interface IndexReport {
  ms: number;
  /** Pages indexed. */
  pages: number;
  /** Size of the `pagefind/` folder. */
  bytes: number;
  files: number;
}

/** Bytes and files under a folder. */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const s = statSync(path.join(dir, f));
    if (s.isFile()) {
      bytes += s.size;
      files++;
    }
  }
  return { bytes, files };
}

/** Index the site in `dir` into `dir/pagefind/`. Throws with Pagefind's own messages on failure. */
export async function indexSite(dir: string): Promise<IndexReport> {
  const started = performance.now();
  try {
    // Pages are `<html lang="zh-CN">`: Pagefind segments Chinese words and indexes the English
    // originals' words as they are (its stemmer follows the page language, so English is not stemmed).
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`search index: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(`search index: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(dir, "pagefind") });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
    return { ms: performance.now() - started, pages: added.page_count, ...folderSize(path.join(dir, "pagefind")) };
  } finally {
    await pagefind.close();
  }
}
