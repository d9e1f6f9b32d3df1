// @ts-check
// What Pagefind is given of a post page: the page's indexed part (`data-pagefind-body`) with its
// Chinese text cut into the words a reader types (search-tokens.js), everything else as built: ids
// (anchors), headings (weights), filters and meta. Filter and meta values read from an element's
// text keep their text as written, and that text is indexed beside them in its indexed form.
// Shared by the indexer (src/search/page-text.ts) and the search page, which works a listed post's
// words out of its page (search-content.js) where the index does not store them.
import { indexText } from "./search-tokens.js";

// Comments, then tags (attribute values are escaped by the templates, so a tag ends at the first '>').
const TAG = /<!--[\s\S]*?-->|<\/?([A-Za-z][A-Za-z0-9-]*)[^>]*>/g;
/** The start tag of a page's indexed element (`data-pagefind-body`); not global: exec finds the first. */
export const BODY_START = /<([A-Za-z][A-Za-z0-9-]*)\b[^>]*\sdata-pagefind-body[\s>=][^>]*>|<([A-Za-z][A-Za-z0-9-]*)\b[^>]*\sdata-pagefind-body>/;
const HIDDEN_WORD = /hidden/i;
/** Whether a start tag has the `hidden` attribute (not `hidden="until-found"`). */
/** @param {string} tag @returns {boolean} */
function isHidden(tag) {
  // Most tags have no such word at all (the indexer asks of every tag of every page).
  if (!HIDDEN_WORD.test(tag)) return false;
  // Attribute values out of the way first: `class="a hidden"` is not the attribute.
  const names = tag.replace(/=\s*("[^"]*"|'[^']*'|[^\s>]*)/g, (_, /** @type {string} */ v) => (/^["']?until-found["']?$/i.test(v) ? "=until-found" : "="));
  return /\shidden(?!=until-found)(?=[\s/>=])/i.test(names);
}
// Not indexed: what the templates mark so. (A passage's permalink "#" is not in the page: reader.js adds it.)
const IGNORED = /\sdata-pagefind-ignore[\s=/>]/;
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
// A filter or meta whose value is the element's text: `data-pagefind-filter="tags"` (not `"year:2025"`).
const TEXT_VALUED = /\sdata-pagefind-(?:filter|meta)="[^":]*"/;
/** @param {string} s */
const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** @param {string} s */
const decodeBasic = (s) =>
  s.replace(/&(?:lt|gt|quot|#39|#x27|amp);/g, (e) => /** @type {Record<string, string>} */ ({ "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'", "&amp;": "&" })[e] ?? e);

/** A start tag's `data-pagefind-*` attributes, each with its leading space. @param {string} tag */
const pagefindAttributes = (tag) => (tag.match(/\sdata-pagefind-[\w-]+(?:="[^"]*")?/g) ?? []).join("");

/** Where the element whose start tag ends at `from` ends (after its closing tag), or undefined when it is never closed. */
/**
 * @param {string} html @param {string} name @param {number} from
 * @returns {number | undefined}
 */
function closingEnd(html, name, from) {
  const tags = new RegExp(TAG.source, "g");
  tags.lastIndex = from;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    if ((m[1] ?? "").toLowerCase() !== name) continue;
    if (m[0].startsWith("</")) {
      if (--depth === 0) return tags.lastIndex;
    } else if (!m[0].endsWith("/>")) depth++;
  }
  return undefined;
}

/**
 * The HTML Pagefind indexes for a built post page, or undefined when the page has no
 * `data-pagefind-body`. Declared English, so that Pagefind stems the English and leaves the
 * Chinese words as given.
 * @param {string} html a built post page
 * @param {boolean} [asWritten] its words in their case as written (indexText): for excerpts, not for Pagefind
 * @returns {string | undefined}
 */
export function indexedHtml(html, asWritten = false) {
  const start = BODY_START.exec(html);
  if (!start) return undefined;
  const bodyTag = (start[1] ?? start[2] ?? "").toLowerCase();
  let out = "";
  let depth = 0; // open elements named like the body's
  /** @type {{ name: string, depth: number, text: string } | undefined} */
  let raw; // inside a text-valued filter or meta
  /** @type {{ depth: number, text: string } | undefined} */
  let title; // inside the first <h1>
  let titled = false;
  let at = start.index;
  TAG.lastIndex = at;
  /** @param {string} t */
  const text = (t) => {
    if (!t) return;
    if (raw) {
      raw.text += t;
      out += t;
      return;
    }
    if (title) title.text += t;
    out += indexText(t, asWritten);
  };
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    text(html.slice(at, m.index));
    at = TAG.lastIndex;
    const tag = m[0];
    const name = (m[1] ?? "").toLowerCase();
    if (!name) continue; // a comment
    const closing = tag.startsWith("</");
    if (closing) {
      if (raw && name === raw.name && raw.depth === 1) out += "</span>";
      else out += tag;
      if (raw && name === raw.name && --raw.depth === 0) {
        out += ` <span>${indexText(raw.text, asWritten)}</span> `;
        raw = undefined;
      } else if (raw && name === raw.name) {
        // nested element of the same name
      }
      if (title && name === "h1" && --title.depth === 0) {
        // The title is the result's heading: kept as written, apart from its indexed words.
        out += `<span data-pagefind-meta="title" data-pagefind-ignore>${escapeHtml(decodeBasic(title.text).trim())}</span>`;
        title = undefined;
      } else if (title && name === "h1") {
        // nested h1
      }
      if (name === bodyTag && --depth === 0) break;
      continue;
    }
    if (name === bodyTag) depth++;
    if (raw && name === raw.name) raw.depth++;
    if (title && name === "h1") title.depth++;
    if (!raw && TEXT_VALUED.test(tag)) {
      // One form whatever the element (a term with a page of its own is a link, one without is not):
      // Pagefind reads only the filter or meta from it, and a part's key follows the indexed HTML.
      out += `<span${pagefindAttributes(tag)} data-pagefind-ignore>`;
      if (VOID.has(name)) out += "</span>";
      else raw = { name, depth: 1, text: "" };
      continue;
    }
    if (!titled && name === "h1") {
      titled = true;
      title = { depth: 1, text: "" };
    }
    // Hidden text (a label that names every passage link, say) is never read, so never found either;
    // Pagefind would index it. Text hidden until found stays: the browser's find reveals it.
    const hidden = isHidden(tag);
    if (!raw && (hidden || IGNORED.test(tag))) {
      // An ignored element is left empty, unless it holds a filter or meta (Pagefind reads those in
      // ignored elements too): what Pagefind does not index never changes the indexed HTML, so the
      // related posts or contents a page lists leave its index part's key as it was.
      const end = VOID.has(name) ? TAG.lastIndex : closingEnd(html, name, TAG.lastIndex);
      if (end !== undefined && !html.slice(TAG.lastIndex, end).includes("data-pagefind-")) {
        out += VOID.has(name) ? "" : `<${name} data-pagefind-ignore></${name}>`;
        TAG.lastIndex = end;
        at = end;
        continue;
      }
      if (hidden && !IGNORED.test(tag)) {
        out += tag.replace(/\s*\/?>$/, " data-pagefind-ignore>");
        continue;
      }
    }
    out += tag;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>${out}</body></html>`;
}

