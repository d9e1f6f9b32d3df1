/** Shared by the search tests: three posts a month apart (three index parts at one post a part), and an index's files. */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SEARCH_MANIFEST } from "../src/search/index-site.js";

const post = (title: string, date: string, text: string): string =>
  `---\ntitle: ${title}\ndate: '${date}'\nspeaker: Test Speaker\n---\n**Host:** ${text}\n\n<details>\n<summary>View/Hide Original English</summary>\n<p class="english-text">${title} speaks of alignment.</p>\n</details>\n`;

/** Writes first.md, middle.md and last.md into `dir`, one a month in this order; the first and the last hold 对齐. */
export function writeThreeMonths(dir: string): void {
  writeFileSync(path.join(dir, "first.md"), post("First", "2024-01-10", "对齐是第一个话题。"));
  writeFileSync(path.join(dir, "middle.md"), post("Middle", "2024-02-10", "中间的一篇讲泛化。"));
  writeFileSync(path.join(dir, "last.md"), post("Last", "2024-03-10", "最后一篇也讲对齐。"));
}

/** Every file of a site's search index (its parts and the manifest the next build reads), by site-relative path. */
export function indexFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const top of readdirSync(dir).filter((f) => /^pagefind(-\d+)?$/.test(f) || f === SEARCH_MANIFEST)) {
    const full = path.join(dir, top);
    if (!statSync(full).isDirectory()) out.set(top, readFileSync(full));
    else for (const f of readdirSync(full, { recursive: true, encoding: "utf8" })) if (statSync(path.join(full, f)).isFile()) out.set(`${top}/${f}`, readFileSync(path.join(full, f)));
  }
  return out;
}
