/**
 * What Pagefind is given of a post page (assets/search-indexed.js, shared with the search page), and
 * the salt that makes a page's id unique across the index's parts.
 */
// @ts-expect-error -- a plain ES module shared with the browser (JSDoc-typed); tsconfig leaves .js files out.
import { indexText as indexTextJs } from "../../assets/search-tokens.js";
// @ts-expect-error -- as above.
import { indexedHtml as indexedHtmlJs } from "../../assets/search-indexed.js";

/** Text as indexed (see assets/search-tokens.js). */
export const indexText = indexTextJs as (text: string) => string;

/**
 * The HTML Pagefind indexes for a built post page, or undefined when the page has no
 * `data-pagefind-body` (see assets/search-indexed.js).
 */
export const indexedHtml = indexedHtmlJs as (html: string) => string | undefined;

const BODY_START = /<([A-Za-z][A-Za-z0-9-]*)\b[^>]*\sdata-pagefind-body[\s>=][^>]*>|<([A-Za-z][A-Za-z0-9-]*)\b[^>]*\sdata-pagefind-body>/;

/** The meta that salts a page's fragment (see collisions.ts); the search page never reads it. */
export const SALT_META = "id-salt";

/**
 * A page's indexed HTML (indexedHtml's) with a salt: an empty, ignored meta element first inside its
 * indexed element, which changes nothing Pagefind indexes or shows but its fragment, and with it the
 * page's id (the fragment's hash). Salt 0 leaves the HTML as it is.
 */
export function withSalt(indexed: string, salt: number): string {
  if (salt === 0) return indexed;
  if (!Number.isInteger(salt) || salt < 0) throw new Error(`search index: a salt is a whole number, not ${salt}`);
  const start = BODY_START.exec(indexed);
  if (!start) throw new Error("search index: a salted page has no data-pagefind-body");
  const at = start.index + start[0].length;
  return `${indexed.slice(0, at)}<span data-pagefind-meta="${SALT_META}:${salt}" data-pagefind-ignore></span>${indexed.slice(at)}`;
}
