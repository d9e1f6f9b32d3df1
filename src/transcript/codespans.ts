/**
 * Code spans (`` `…` ``) are opaque to the transcript parser: a `<details>`, `</details>`, `<summary>`,
 * `<p>` or `<!--` written between backticks is text the renderer shows as code, never a block.
 *
 * Code spans follow CommonMark: a run of n backticks opens a span that the next run of exactly n
 * backticks closes, possibly on a later line of the same paragraph; a backslash escapes a backtick
 * outside a span but not inside one; a run that is never closed is literal backticks. Paragraphs
 * are approximated by runs of lines that do not start a block: a blank line, or a line whose first
 * non-blank character is `<`, `#` or `>` (tags, headings, speaker markers) or that is a thematic
 * break, starts a new one. Known difference: CommonMark reads an HTML tag or autolink that starts
 * before a backtick first (`<a title="`">`); here the backtick wins. Only which `<` the parser takes
 * as a structural tag depends on this; the renderer (markdown-it) renders the text per CommonMark.
 *
 * Linear: each line is scanned once, and a closer is found through a per-length cursor that only moves forward.
 */
import { firstNonBlank, isThematicBreak } from "./lines.js";

/** Per line, the opaque ranges as a flat list `[start, end, start, end, …]` (columns, 0-based, end exclusive); undefined when none. */
export type OpaqueRanges = (number[] | undefined)[];

const BACKTICK = 96;

/** Starts a new paragraph for the purpose of code spans (see the module comment). */
function isBoundary(line: string): boolean {
  const t = firstNonBlank(line);
  if (t === line.length) return true;
  const c = line.charCodeAt(t);
  return c === 60 /* < */ || c === 35 /* # */ || c === 62 /* > */ || isThematicBreak(line, t);
}

/** ASCII punctuation, which a backslash escapes in CommonMark. */
function isAsciiPunct(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/** The code spans of a body, as opaque column ranges per line. */
export function codeSpans(lines: readonly string[]): OpaqueRanges {
  const out: OpaqueRanges = new Array<number[] | undefined>(lines.length);
  let i = 0;
  while (i < lines.length) {
    // A segment: a boundary line (or any line) followed by non-boundary lines.
    let end = i + 1;
    while (end < lines.length && !isBoundary(lines[end] ?? "")) end++;
    let hasTick = false;
    for (let k = i; k < end && !hasTick; k++) hasTick = (lines[k] ?? "").includes("`");
    if (hasTick) spansInSegment(lines, i, end, out);
    i = end;
  }
  return out;
}

interface Run {
  line: number;
  col: number;
  len: number;
}

function spansInSegment(lines: readonly string[], from: number, to: number, out: OpaqueRanges): void {
  // Every maximal backtick run, by length: the candidates for closing a span.
  const byLength = new Map<number, Run[]>();
  for (let li = from; li < to; li++) {
    const s = lines[li] ?? "";
    for (let c = s.indexOf("`"); c >= 0; ) {
      let e = c;
      while (e < s.length && s.charCodeAt(e) === BACKTICK) e++;
      const len = e - c;
      let list = byLength.get(len);
      if (!list) byLength.set(len, (list = []));
      list.push({ line: li, col: c, len });
      c = s.indexOf("`", e);
    }
  }
  const cursor = new Map<number, number>();
  let li = from;
  let col = 0;
  // Next backtick and backslash at or after `col` on line `li`, cached so a line is searched once for each.
  let tick = -1;
  let slash = -1;
  let cachedLine = -1;
  while (li < to) {
    const s = lines[li] ?? "";
    if (cachedLine !== li) {
      cachedLine = li;
      tick = s.indexOf("`", col);
      slash = s.indexOf("\\", col);
    }
    if (tick >= 0 && tick < col) tick = s.indexOf("`", col);
    if (slash >= 0 && slash < col) slash = s.indexOf("\\", col);
    if (tick < 0) {
      li++;
      col = 0;
      continue;
    }
    if (slash >= 0 && slash < tick) {
      // A backslash escapes the character after it (outside a span), a backtick included.
      col = slash + (slash + 1 < s.length && isAsciiPunct(s.charCodeAt(slash + 1)) ? 2 : 1);
      continue;
    }
    let e = tick;
    while (e < s.length && s.charCodeAt(e) === BACKTICK) e++;
    const closer = nextRun(byLength, cursor, e - tick, li, e);
    if (!closer) {
      col = e;
      continue;
    }
    mark(out, lines, li, tick, closer.line, closer.col + closer.len);
    // On the same line the cached positions stay valid (they are refreshed once passed); on another, they are recomputed.
    li = closer.line;
    col = closer.col + closer.len;
  }
}

/** The first run of exactly `len` backticks starting at or after (`line`, `col`). */
function nextRun(byLength: Map<number, Run[]>, cursor: Map<number, number>, len: number, line: number, col: number): Run | undefined {
  const list = byLength.get(len);
  if (!list) return undefined;
  let k = cursor.get(len) ?? 0;
  while (k < list.length) {
    const r = list[k]!;
    if (r.line > line || (r.line === line && r.col >= col)) break;
    k++;
  }
  cursor.set(len, k);
  return list[k];
}

/** Mark (`l1`, `c1`) to (`l2`, `c2`) opaque, line by line. */
function mark(out: OpaqueRanges, lines: readonly string[], l1: number, c1: number, l2: number, c2: number): void {
  for (let l = l1; l <= l2; l++) {
    const start = l === l1 ? c1 : 0;
    const end = l === l2 ? c2 : (lines[l] ?? "").length;
    let ranges = out[l];
    if (!ranges) out[l] = ranges = [];
    ranges.push(start, end);
  }
}
