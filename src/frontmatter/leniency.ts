/**
 * Front-matter values that can be read without guessing although they are not written as the
 * schema wants: a known key in another letter case, a quoted boolean, quotes around a whole name.
 * Pure helpers; keys.ts and read.ts apply them and report each with a warning at its position.
 */
import { KNOWN_KEYS } from "./schema.js";

/** A key the schema knows, by its lowercase spelling (`Series` → `series`). */
const CANONICAL_BY_LOWER = new Map(KNOWN_KEYS.map((k) => [k.toLowerCase(), k]));

/** The known key `written` stands for in another letter case, or undefined (also when it is already canonical or unknown). */
export function caseVariantOf(written: string): string | undefined {
  if (KNOWN_KEYS.includes(written)) return undefined;
  return CANONICAL_BY_LOWER.get(written.toLowerCase());
}

const TRUE_WORDS = new Set(["true", "yes"]);
const BOOLEAN_WORDS = new Set(["true", "false", "yes", "no"]);

/** `"true"`, `"False"`, `"yes"`, `"NO"` as the boolean they spell; undefined for any other text. */
export function looseBoolean(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  return BOOLEAN_WORDS.has(word) ? TRUE_WORDS.has(word) : undefined;
}

/** Pairs of quotes a pipeline wraps a whole value in. */
const ASCII_QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ["'", "'"],
];
const TYPOGRAPHIC_QUOTES: ReadonlyArray<readonly [string, string]> = [
  ["“", "”"],
  ["‘", "’"],
  ["「", "」"],
  ["『", "』"],
];

/**
 * How wrapping quotes are treated per key. Names (taxonomies, speakers, single keywords) are
 * compared and linked as names, and a quoted spelling would be a second page for the same name:
 * every kind of wrapping quote is removed. Titles of posts and of works are shown as written and
 * may be quotations on purpose (`“Stay hungry”`, an episode or song title in English style), so
 * only straight ASCII quotes are removed there: around a whole Chinese title they are a value
 * quoted twice by a pipeline (`'"…"'`), never typography.
 */
export const QUOTE_FOLDING: Readonly<Record<string, "all" | "ascii">> = {
  tags: "all",
  people: "all",
  companies_orgs: "all",
  companies: "all",
  products_models: "all",
  project: "all",
  area: "all",
  category: "all",
  series: "all",
  speaker: "all",
  guest: "all",
  author: "all",
  status: "all",
  title: "ascii",
  media_books: "ascii",
};

/**
 * `text` without the quotes around the whole of it (repeatedly: `"“x”"` is `x`), or undefined
 * when there are none. A pair counts only when the text inside holds neither of its quote marks,
 * so `“A”与“B”` (two quotations) and `'Rock 'n' roll'` are left as they are; an empty inside too.
 */
export function withoutWrappingQuotes(text: string, kinds: "all" | "ascii"): string | undefined {
  const pairs = kinds === "all" ? [...ASCII_QUOTES, ...TYPOGRAPHIC_QUOTES] : ASCII_QUOTES;
  let current = text.trim();
  let changed = false;
  for (;;) {
    const pair = pairs.find(([open, close]) => current.length >= 2 && current.startsWith(open) && current.endsWith(close));
    if (!pair) break;
    const inner = current.slice(pair[0].length, current.length - pair[1].length);
    if (inner.trim() === "" || inner.includes(pair[0]) || inner.includes(pair[1])) break;
    current = inner.trim();
    changed = true;
  }
  return changed ? current : undefined;
}
