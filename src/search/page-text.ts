/**
 * What Pagefind is given of a post page (assets/search-indexed.js, shared with the search page), and
 * the salt that makes a page's id unique across the index's parts.
 */
// @ts-expect-error -- a plain ES module shared with the browser (JSDoc-typed); tsconfig leaves .js files out.
import { BODY_START as BODY_START_JS, indexedHtml as indexedHtmlJs } from "../../assets/search-indexed.js";

/**
 * The HTML Pagefind indexes for a built post page, or undefined when the page has no
 * `data-pagefind-body` (see assets/search-indexed.js).
 */
export const indexedHtml = indexedHtmlJs as (html: string) => string | undefined;

/** The start tag of a page's indexed element (`data-pagefind-body`). */
const BODY_START = BODY_START_JS as RegExp;

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
