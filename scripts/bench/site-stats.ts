/** What a built site is made of: bytes and files per page type, and how two builds differ. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { TAXONOMIES } from "../../src/site/taxonomy.js";

/** The page types the benchmark reports, in its order. */
export const PAGE_TYPES = ["post pages", "term pages", "taxonomy indexes", "home pages", "archive", "feeds", "search index", "assets", "other"] as const;
export type PageType = (typeof PAGE_TYPES)[number];

const TAXONOMY_FOLDERS = new Set(TAXONOMIES.map((t) => t.path));

/** The type of a site file from its site-relative path (`/` separators). */
export function pageType(file: string): PageType {
  const parts = file.split("/");
  const top = parts[0]!;
  if (top === "posts") return "post pages";
  if (/^pagefind(?:-\d+)?$/.test(top)) return "search index";
  if (top === "assets") return "assets";
  if (top === "archive") return "archive";
  if (top === "feed.xml" || top === "feed.json") return "feeds";
  if (file === "index.html" || top === "page") return "home pages";
  if (TAXONOMY_FOLDERS.has(top)) {
    // /tags/index.html and /tags/_/2/index.html are the index; /tags/<slug>/… a term's pages.
    return parts.length === 2 || parts[1] === "_" ? "taxonomy indexes" : "term pages";
  }
  return "other";
}

/** Every file of a site, site-relative with `/` separators, sorted. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** Bytes and files per page type, and the total. */
export function siteBreakdown(dir: string): { byType: Map<PageType, { bytes: number; files: number }>; total: { bytes: number; files: number } } {
  const byType = new Map<PageType, { bytes: number; files: number }>(PAGE_TYPES.map((t) => [t, { bytes: 0, files: 0 }]));
  const total = { bytes: 0, files: 0 };
  for (const f of siteFiles(dir)) {
    const size = statSync(path.join(dir, f)).size;
    const entry = byType.get(pageType(f))!;
    entry.bytes += size;
    entry.files++;
    total.bytes += size;
    total.files++;
  }
  return { byType, total };
}

/** Files that differ between two sites, or are in one only. */
export function siteDifferences(a: string, b: string): string[] {
  const fa = siteFiles(a);
  const fb = new Set(siteFiles(b));
  const differ = fa.filter((f) => !fb.has(f) || !readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))));
  const inA = new Set(fa);
  return [...differ, ...[...fb].filter((f) => !inA.has(f))].sort();
}
