/**
 * Which index part each post page goes to, and what identifies a part's content (pure).
 *
 * Parts follow the posts' dates: pages sorted by date (then path), whole months taken from the
 * oldest up while a part stays within its size, a month larger than that cut into parts of that
 * size. So a post added to an archive (usually the newest) changes the last part only, or adds one;
 * the parts before it hold the same pages as before, get the same key (partKey), and are copied
 * from the previous site instead of being indexed again.
 */
import { createHash } from "node:crypto";

/** A post page as the index sees it before indexing. */
export interface IndexedPage {
  /** Site-relative file (`posts/x/index.html`). */
  file: string;
  /** The post's date (YYYY-MM-DD), or "" when the page has none. */
  date: string;
}

/** Pages by part: `perPart` at most in each, whole months where a month fits, in date order; at least one (empty) part. */
export function assignParts<T extends IndexedPage>(pages: readonly T[], perPart: number): T[][] {
  if (!Number.isInteger(perPart) || perPart < 1) throw new Error(`posts per search part must be a whole number, 1 or more, not ${perPart}`);
  const sorted = [...pages].sort((a, b) => compare(a.date, b.date) || compare(a.file, b.file));
  // Months in order, each cut into pieces of perPart at most.
  const pieces: T[][] = [];
  let month: string | undefined;
  for (const page of sorted) {
    const m = page.date.slice(0, 7);
    const last = pieces.at(-1);
    if (last && m === month && last.length < perPart) last.push(page);
    else pieces.push([page]);
    month = m;
  }
  // Consecutive pieces merged while they fit (a month that filled a part stands alone).
  const parts: T[][] = [];
  for (const piece of pieces) {
    const last = parts.at(-1);
    if (last && last.length + piece.length <= perPart) last.push(...piece);
    else parts.push([...piece]);
  }
  return parts.length ? parts : [[]];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A part's key: a hash of the indexing code's own hash and of each page's URL, indexed HTML's hash
 * and salt (collisions.ts; none is 0), in order. Two parts with one key produce the same files.
 */
export function partKey(code: string, pages: ReadonlyArray<{ url: string; indexed: string; salt?: number }>): string {
  const h = createHash("sha256");
  h.update(`${code}\0`);
  for (const p of pages) h.update(p.salt ? `${p.url}\0${p.indexed}\0salt ${p.salt}\0` : `${p.url}\0${p.indexed}\0`);
  return h.digest("hex").slice(0, 32);
}

/** A short hash of bytes or text (a page's, or its indexed HTML's). */
export const contentHash = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex").slice(0, 24);
