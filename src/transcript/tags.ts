/**
 * Recognisers for the handful of tags that structure a transcript, written as bounded
 * character checks at a known position (never a regex run over a whole line), plus the
 * recognisers for the corrupted forms real files contain.
 */
import { isCjk } from "./lang.js";
import { isTagNameEnd, startsWithCI } from "./lines.js";

/** `<details` (with or without attributes) at `pos`. */
export function isDetailsOpen(s: string, pos: number): boolean {
  return startsWithCI(s, pos, "<details") && isTagNameEnd(s, pos + 8) && s.charCodeAt(pos + 8) !== 47;
}

/** A proper `</details>` (spaces before `>` allowed, as HTML does) at `pos`. */
export function isDetailsClose(s: string, pos: number): boolean {
  if (!startsWithCI(s, pos, "</details")) return false;
  let i = pos + 9;
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return s.charCodeAt(i) === 62;
}

/** `<p>` or `<p …>` at `pos`. */
export function isPOpen(s: string, pos: number): boolean {
  if (!startsWithCI(s, pos, "<p")) return false;
  const c = s.charCodeAt(pos + 2);
  return c === 62 || c === 32 || c === 9;
}

/** Inline closing tags that may legitimately start a line inside an original; anything else there is a corrupted `</details>`. */
// Well-formed closing tags of real HTML elements are never a corrupted `</details>` (a `</script>`
// line inside an original must not end it); `</text>`, `</tought>`, `</sdetails>` are not on this list.
const KNOWN_CLOSE = new Set([
  "p", "summary", "b", "i", "u", "s", "em", "strong", "font", "span", "a", "br", "sub", "sup", "small", "big", "mark", "code", "kbd", "tt",
  "div", "h1", "h2", "h3", "h4", "h5", "h6", "q", "cite", "abbr", "del", "ins", "strike", "center", "pre", "blockquote", "ul", "ol", "li",
  "table", "tr", "td", "th", "section", "article", "header", "footer", "nav", "aside", "figure", "figcaption", "label", "button", "select",
  "option", "form", "textarea", "script", "style", "noscript", "iframe", "object", "svg", "math", "video", "audio", "title",
]);

/** A well-formed closing tag of an inline element (`</b>`, `</p>`…) at `pos`. */
export function isKnownCloseTag(s: string, pos: number): boolean {
  const gt = s.indexOf(">", pos);
  if (gt < 0 || gt - pos > 14) return false;
  return KNOWN_CLOSE.has(s.slice(pos + 2, gt).trim().toLowerCase());
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * End of a corrupted closing tag starting at `pos` (which holds `</`): `</details`, `</details]`,
 * `</sdetails>`, `</你>` take their name and bracket; for `</所有不同的算法…` only `</` is the tag
 * and the sentence after it is text.
 */
export function corruptCloseEnd(s: string, pos: number): number {
  let j = pos + 2;
  while (j < s.length && j - pos < 24 && isAsciiLetter(s.charCodeAt(j))) j++;
  if (j > pos + 2) {
    const c = s.charCodeAt(j);
    return c === 62 || c === 93 ? j + 1 : j;
  }
  let k = pos + 2;
  while (k < s.length && k - pos < 5 && isCjk(s.charCodeAt(k))) k++;
  const c = s.charCodeAt(k);
  if (k > pos + 2 && (c === 62 || c === 93)) return k + 1;
  return pos + 2;
}

/** Where a `<summary>` at `lt` holds its text, where scanning resumes, and whether `</summary>` closed it. */
export function summaryExtent(s: string, lt: number): { start: number; end: number; after: number; closed: boolean } {
  const gt = s.indexOf(">", lt);
  const start = gt < 0 ? s.length : gt + 1;
  const close = s.indexOf("</summary>", start);
  if (close >= 0) return { start, end: close, after: close + 10, closed: true };
  // `<summary>View/Hide Original English</p>` is a real typo; otherwise the summary runs to the line end.
  const p = s.indexOf("</p>", start);
  if (p >= 0) return { start, end: p, after: p + 4, closed: false };
  return { start, end: s.length, after: s.length, closed: false };
}

/** Summary text that is one of the many spellings of "View/Hide Original English" (not content). */
export function looksLikeSummaryLabel(text: string): boolean {
  return text.length <= 60 && /original|english|chinese|view|hide|v\/h|原文|英文|中文|查看|隐藏/i.test(text);
}

/** Length of a `>>` / `&gt;&gt;` speaker-change marker at `pos` (0 when there is none). */
export function markerLength(s: string, pos: number, end: number): number {
  if (pos + 2 <= end && s.charCodeAt(pos) === 62 && s.charCodeAt(pos + 1) === 62) return 2;
  if (pos + 8 <= end && startsWithCI(s, pos, "&gt;&gt;")) return 8;
  return 0;
}

/** Next `<br>` / `<br/>` / `<br />` followed (after spaces) by a `>>` marker in `s[from, end)`: the br's start and the marker's end. */
export function nextBrMarker(s: string, from: number, end: number): { start: number; end: number } | null {
  let i = from;
  for (;;) {
    const br = s.indexOf("<br", i);
    if (br < 0 || br >= end) return null;
    let j = br + 3;
    while (j < end && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 47)) j++;
    if (s.charCodeAt(j) === 62) {
      j++;
      while (j < end && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) j++;
      const m = markerLength(s, j, end);
      if (m > 0) return { start: br, end: j + m };
    }
    i = br + 3;
  }
}
