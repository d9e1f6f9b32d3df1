// @ts-check
// A post's indexed words, worked out from its page as Pagefind works them out from the HTML it is
// given, so that the search index need not store them a second time. Pagefind keeps each page's
// whole indexed text in the page's fragment, for excerpts; on this site that text is the post page's
// own text with its Chinese cut into pairs (search-tokens.js), about 14 KiB per post compressed, 120
// MiB over a 9,000-post archive. The build leaves it out of every fragment where these functions give
// exactly the words Pagefind stored (src/search/fragments.ts checks each page), and the search page
// works them out from the post page when it lists the post (gzipped, as GitHub Pages serves it, a
// post page is about 14.5 KiB, its fragment was 13).
//
// Pagefind reads the HTML with these rules (pagefind/src/fossick/parser.rs and mod.rs, version 1.6):
// text is gathered element by element; an ignored element (data-pagefind-ignore, or one of the
// elements it never indexes) leaves nothing; a block element (SENTENCE) is set apart by spaces and
// ends with a full stop when its text ends with a letter, digit or one of ' " ) $ *; headings and ids
// add marker words set apart by spaces, which hold no position (here, the spaces alone); the text is
// split at whitespace.

const TAG = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
const SENTENCE = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "div", "ul", "li", "article", "section"]);
const REMOVE = new Set(["head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template"]);
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
const HEADING = /^h[1-6]$/;
// Rust's \w (Unicode): letters, marks, digits, connector punctuation.
const SENTENCE_END = /[\p{L}\p{M}\p{Nd}\p{Pc}'")$*]$/u;

/** @typedef {"index" | "ignored" | "excluded" | "body" | "parentOfBody"} Status */
/**
 * An open element: its text so far (`value`), and the last piece of it added (`tail`, "" while it
 * has none), whose last character says whether the text ends a sentence. (Asked of the text itself,
 * a string joined piece by piece, the question joined it up and searched it from its start, at every
 * element it is in.)
 * @typedef {{ name: string, status: Status, value: string, tail: string, parent: Node | undefined }} Node
 */

/**
 * @param {string} attrs a start tag's attributes
 * @param {string} name
 * @returns {string | undefined} its value ("" when given without one), or undefined when absent
 */
function attribute(attrs, name) {
  // Most tags have none of the attributes asked for (the search page asks of every tag of a post).
  if (!attrs.includes(name)) return undefined;
  let re = ATTRIBUTES.get(name);
  if (!re) ATTRIBUTES.set(name, (re = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*("[^"]*"|'[^']*'|[^\\s"'>]+))?(?=\\s|/?$)`, "i")));
  const m = re.exec(attrs);
  if (!m) return undefined;
  const v = m[1] ?? "";
  return /^["']/.test(v) ? v.slice(1, -1) : v;
}
/** @type {Map<string, RegExp>} */
const ATTRIBUTES = new Map();

/**
 * Pagefind's text of a page (its "digest", before it is split into words).
 * @param {string} html the HTML Pagefind was given
 * @returns {string}
 */
export function pagefindText(html) {
  /** @type {Node} */
  const root = { name: "", status: "index", value: "", tail: "", parent: undefined };
  let node = root;
  let at = 0;
  /** @param {Node} n @param {string} value @param {string} tail the last piece of `value` */
  const add = (n, value, tail) => {
    if (!value) return;
    n.value += value;
    n.tail = tail;
  };
  /** @param {Node} n */
  const close = (n) => {
    const parent = n.parent ?? root;
    node = parent;
    if (n.status === "excluded" || n.status === "ignored") return;
    let value = n.value;
    let tail = n.tail;
    if (SENTENCE.has(n.name)) {
      // The last character only (two code units: it may be a surrogate pair).
      value = ` ${value}${SENTENCE_END.test(tail.slice(-2)) ? "." : ""} `;
      tail = " ";
    }
    // A heading's weight markers are words of no position: spaces, here.
    if (HEADING.test(n.name)) {
      value = ` ${value} `;
      tail = " ";
    }
    if (parent.status === "parentOfBody" && n.status !== "body" && n.status !== "parentOfBody") return;
    if (n.status === "index") add(parent, value, tail);
    else {
      if (parent.status !== "parentOfBody") {
        parent.value = "";
        parent.tail = "";
      }
      add(parent, value, tail);
      parent.status = "parentOfBody";
    }
  };
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m.index > at) {
      const text = html.slice(at, m.index);
      add(node, text, text);
    }
    at = TAG.lastIndex;
    const name = (m[2] ?? "").toLowerCase();
    if (!name) continue; // a comment
    if (m[1]) {
      // An end tag closes the innermost open element of its name (and those inside it).
      /** @type {Node | undefined} */
      let open = node;
      while (open && open !== root && open.name !== name) open = open.parent;
      if (!open || open === root) continue;
      while (node !== open) close(node);
      close(open);
      continue;
    }
    const attrs = m[3] ?? "";
    const ignore = attribute(attrs, "data-pagefind-ignore");
    /** @type {Status} */
    let status = attribute(attrs, "data-pagefind-body") !== undefined ? "body" : ignore === undefined ? "index" : ["", "index", "true"].includes(ignore.toLowerCase()) ? "ignored" : "excluded";
    const id = attribute(attrs, "id");
    if (status !== "excluded" && status !== "ignored" && id !== undefined) {
      // Pagefind's anchor marker is a word of no position: a space, here.
      if (!(node.status === "parentOfBody" && status !== "body")) add(node, " ", " ");
    }
    if (status !== "excluded" && name === "br") add(node, " ", " ");
    if (node.status === "excluded") status = "excluded";
    if (REMOVE.has(name) && status !== "excluded") status = "ignored";
    /** @type {Node} */
    const child = { name, status, value: "", tail: "", parent: node };
    node = child;
    if (VOID.has(name) || /\/\s*$/.test(attrs)) {
      node = child.parent ?? root;
    }
  }
  if (at < html.length) {
    const text = html.slice(at);
    add(node, text, text);
  }
  while (node !== root) close(node);
  return root.value;
}

const ENTITY = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos|nbsp));/g;
/** @type {Record<string, string>} */
const NAMED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
// Runs of white space other than one plain space (most are the single spaces between indexed words,
// left as they are: matching each of them took twice as long).
const SPACES = / \s+|[^\S ]\s*/g;

/**
 * The text Pagefind stores for a page (its fragment's content): its words, one space between.
 * @param {string} html the HTML Pagefind was given
 * @returns {string}
 */
export function pagefindContent(html) {
  let text = pagefindText(html);
  if (text.includes("&")) text = text.replace(ENTITY, (e, dec, hex, named) => (dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (NAMED[named] ?? e)));
  text = text.replace(SPACES, " ").trim();
  // Pagefind takes zero-width spaces out of its words (a word of nothing else leaves two spaces).
  return text.includes("\u200b") ? text.replace(/\u200b/g, "") : text;
}

/**
 * The words Pagefind stores for a page (its fragment's content, split at its spaces).
 * @param {string} html the HTML Pagefind was given
 * @returns {string[]}
 */
export function pagefindWords(html) {
  const content = pagefindContent(html);
  return content ? content.split(" ") : [];
}
