/**
 * The search index: Pagefind's Node API over a built site, after Eleventy has written it.
 * Only post pages carry `data-pagefind-body`, so navigation, lists and indexes are not indexed.
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";

/** What indexing cost and produced. */
export interface IndexReport {
  ms: number;
  /** Pages indexed (post pages: only they carry `data-pagefind-body`). */
  pages: number;
  /** Size of the `pagefind/` folder. */
  bytes: number;
  files: number;
}

/** Files of Pagefind's own UIs, which this site does not load. */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

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
    // Language, chosen deliberately: Pagefind builds one index per `<html lang>`, and ours is zh-CN,
    // so Chinese is segmented into words (its "specialized language" support) and English words are
    // indexed as they are, unstemmed (stemming follows the page language; one page has one language).
    // Forcing English (`forceLanguage: "en"`) would stem the originals but leave Chinese unsegmented,
    // which breaks every Chinese query. So the index stays Chinese, and the search page reaches English
    // inflections by sending light stems, which Pagefind matches as prefixes (assets/search-query.js).
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`search index: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(`search index: ${added.errors.join("; ")}`);
    // A fresh folder: Pagefind adds to an existing one, which would keep stale chunks of an older index.
    rmSync(path.join(dir, "pagefind"), { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: path.join(dir, "pagefind") });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
    // Pagefind also writes its ready-made UIs; the search page uses only the JS API (pagefind.js).
    for (const f of readdirSync(path.join(dir, "pagefind"))) if (UNUSED.test(f)) rmSync(path.join(dir, "pagefind", f));
    // `added.page_count` counts every HTML file read; the entry file counts the pages indexed
    // (only those with `data-pagefind-body`).
    const entry = JSON.parse(readFileSync(path.join(dir, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    return { ms: performance.now() - started, pages, ...folderSize(path.join(dir, "pagefind")) };
  } finally {
    await pagefind.close();
  }
}
