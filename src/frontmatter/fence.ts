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

/**
 * Where the body starts in a post's bytes (UTF-8), by the same rules as splitPost (a BOM, CRLF and
 * lone CR line ends allowed), when its front matter is closed; -1 otherwise. A build that reads its
 * bodies later (lazily) decodes only the front matter: decoding 9,000 whole posts (and collecting
 * their text) was a third of reading an archive's front matter.
 */
export function frontMatterByteEnd(bytes: Uint8Array): number {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // [end of the fence, start of the next line], or undefined when the line at `at` is not a fence.
  const fence = (at: number): [number, number] | undefined => {
    let j = at;
    while (bytes[j] === 0x2d) j++;
    if (j - at < 3) return undefined;
    while (bytes[j] === 0x20 || bytes[j] === 0x09) j++;
    if (j === bytes.length) return [j, j];
    if (bytes[j] === 0x0a) return [j, j + 1];
    if (bytes[j] === 0x0d) return [j, bytes[j + 1] === 0x0a ? j + 2 : j + 1];
    return undefined;
  };
  const opening = fence(i);
  if (!opening || opening[1] === opening[0]) return -1;
  i = opening[1];
  while (i < bytes.length) {
    const closing = fence(i);
    if (closing) return closing[1];
    while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) i++;
    i++;
  }
  return -1;
}

/**
 * True when a body (the bytes from `from`) surely has text: its first byte that is not ASCII white
 * space is ASCII and not `<` (which may open a comment). False means "read it to know".
 */
export function bodySurelyHasText(bytes: Uint8Array, from: number): boolean {
  let i = from;
  while (i < bytes.length && (bytes[i] === 0x20 || (bytes[i]! >= 0x09 && bytes[i]! <= 0x0d))) i++;
  return i < bytes.length && bytes[i]! < 0x80 && bytes[i] !== 0x3c;
}
