/** The template files a page of the site is made from, for tests that check what templates read. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { root } from "./helpers.js";

/** A page of pages/ (`index.njk`), its layouts, and everything they include or import, by file with their text. */
export function templatesOf(page: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (file: string): void => {
    if (found.has(file)) return;
    const text = readFileSync(file, "utf8");
    found.set(file, text);
    const refs = [
      ...[...text.matchAll(/\{%-?\s*(?:include|import|from)\s+"([^"]+)"/g)].map((m) => m[1]!),
      ...[...text.matchAll(/^layout:\s*(\S+)\s*$/gm)].map((m) => m[1]!),
      ...[...text.matchAll(/const layout = "([^"]+)"/g)].map((m) => m[1]!),
    ];
    for (const ref of refs) visit(path.join(root, "_includes", ref));
  };
  visit(path.join(root, "pages", page));
  return found;
}
