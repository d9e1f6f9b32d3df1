/**
 * Where a post's front matter is: the one split every reader of a post uses (the full reader, the
 * lazy transcript load, the tests), so they cannot disagree about where the body starts. It only
 * scans lines: no YAML is parsed here, so a second read of a large archive costs one pass per file.
 */

const FENCE = /^---[ \t]*$/;
const LONG_FENCE = /^-{4,}[ \t]*$/;

/** A post's text cut at its front-matter fences. */
export type SplitPost =
  | {
      kind: "missing";
      /** The whole text (no BOM, LF line ends) is body. */
      body: string;
      bodyLineOffset: 0;
    }
  | {
      kind: "unclosed";
      /** The opening fence as written when it has more than three dashes. */
      longOpening?: string;
      body: "";
      bodyLineOffset: 0;
    }
  | {
      kind: "closed";
      /**
       * The front matter from the end of the opening fence line to just before the closing one. It
       * starts with the opening line's newline, so its line n is line n of the file.
       */
      yaml: string;
      /** The opening fence as written when it has more than three dashes (read as `---`). */
      longOpening?: string;
      /** The 1-based line of the closing fence when it has more than three dashes (read as `---`). */
      longClosingLine?: number;
      /** Everything after the closing fence's line. */
      body: string;
      /** Number of file lines before the body (body line n is file line n + bodyLineOffset). */
      bodyLineOffset: number;
    };

/** The text with a leading byte-order mark removed and CRLF and lone CR folded to LF. */
function normaliseText(raw: string): string {
  return raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/**
 * Split a post at its fences: a first line of three dashes (four or more are read as three) opens
 * the front matter, and the next line of three or more dashes closes it.
 */
export function splitPost(raw: string): SplitPost {
  const text = normaliseText(raw);
  const firstEnd = text.indexOf("\n") >>> 0;
  const firstLine = text.slice(0, firstEnd);
  const long = LONG_FENCE.test(firstLine);
  if (!long && !FENCE.test(firstLine)) return { kind: "missing", body: text, bodyLineOffset: 0 };
  const longOpening = long ? firstLine.trim() : undefined;
  const closeAt = findClosingFence(text);
  if (closeAt < 0) return { kind: "unclosed", ...(long ? { longOpening } : {}), body: "", bodyLineOffset: 0 };
  const closeEnd = text.indexOf("\n", closeAt);
  const bodyStart = closeEnd < 0 ? text.length : closeEnd + 1;
  const bodyLineOffset = countLines(text, bodyStart);
  const split: SplitPost = { kind: "closed", yaml: text.slice(firstEnd, closeAt - 1), body: text.slice(bodyStart), bodyLineOffset };
  if (longOpening !== undefined) split.longOpening = longOpening;
  if (LONG_FENCE.test(text.slice(closeAt, closeEnd < 0 ? text.length : closeEnd))) split.longClosingLine = countLines(text, closeAt) + 1;
  return split;
}

/** The body of a post and the number of lines before it, without parsing the YAML. */
export function bodyOf(raw: string): { body: string; bodyLineOffset: number } {
  const { body, bodyLineOffset } = splitPost(raw);
  return { body, bodyLineOffset };
}

/** Offset of the line that closes the front matter (after the first line), or -1. */
function findClosingFence(text: string): number {
  let i = text.indexOf("\n") + 1;
  while (i > 0 && i < text.length) {
    const end = text.indexOf("\n", i);
    const line = text.slice(i, end < 0 ? text.length : end);
    if (FENCE.test(line) || LONG_FENCE.test(line)) return i;
    if (end < 0) break;
    i = end + 1;
  }
  return -1;
}

/** Number of newlines before offset `end`. */
function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
