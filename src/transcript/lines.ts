/**
 * Line-level helpers for the transcript parser: splitting the body and recognising the few
 * constructs that only count when they fill a whole line (headings, thematic breaks).
 * Everything here is anchored at the line start and bounded, so a 76,000-character line costs
 * no more than a short one.
 */

/** Split a body into lines: strips a leading BOM, treats `\r\n` (and a lone `\r`) as a line end. */
export function splitLines(body: string): string[] {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  return text.split(/\r\n|\r|\n/);
}

/** Index of the first non-blank character of a line (`line.length` when the line is blank). */
export function firstNonBlank(line: string): number {
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

/** A heading line: its level and inline source text. */
export interface HeadingMatch {
  level: number;
  text: string;
}

/** Markdown ATX heading `##`…`####` (space required, as CommonMark does) or a raw `<h2>`…`<h4>` line. */
export function matchHeading(line: string, start: number): HeadingMatch | null {
  if (start > 3) return null; // four spaces of indent is a code block in Markdown, not a heading
  const c = line.charCodeAt(start);
  if (c === 35 /* # */) {
    let n = start;
    while (n < line.length && line.charCodeAt(n) === 35) n++;
    const level = n - start;
    if (level < 2 || level > 4) return null;
    const after = line.charCodeAt(n);
    if (n < line.length && after !== 32 && after !== 9) return null;
    return { level, text: stripClosingHashes(line.slice(n).trim()) };
  }
  if (c === 60 /* < */ && /^<h[234][\s>]/i.test(line.slice(start, start + 4))) {
    const level = line.charCodeAt(start + 2) - 48;
    const gt = line.indexOf(">", start);
    const close = line.toLowerCase().indexOf(`</h${level}>`, gt);
    const inner = close < 0 ? line.slice(gt + 1) : line.slice(gt + 1, close);
    return { level, text: inner.trim() };
  }
  return null;
}

/** `###Title` glued to its text: CommonMark reads it as a paragraph, so the author probably lost a space. */
export function isHeadingWithoutSpace(line: string, start: number): boolean {
  if (line.charCodeAt(start) !== 35) return false;
  let n = start;
  while (n < line.length && line.charCodeAt(n) === 35) n++;
  const level = n - start;
  const after = line.charCodeAt(n);
  return level >= 2 && level <= 4 && n < line.length && after !== 32 && after !== 9 && after !== 35;
}

function stripClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 35) end--;
  if (end === text.length) return text;
  if (end === 0) return "";
  const before = text.charCodeAt(end - 1);
  return before === 32 || before === 9 ? text.slice(0, end).trim() : text;
}

/** A Markdown thematic break (`---`, `***`, `___`): layout, not text, so it only separates paragraphs. */
export function isThematicBreak(line: string, start: number): boolean {
  const c = line.charCodeAt(start);
  if (c !== 45 && c !== 42 && c !== 95) return false;
  let count = 0;
  for (let i = start; i < line.length; i++) {
    const d = line.charCodeAt(i);
    if (d === c) count++;
    else if (d !== 32 && d !== 9) return false;
  }
  return count >= 3;
}

/** True when `text` at `pos` starts with `word` ignoring ASCII case (tags are case-insensitive in HTML). */
export function startsWithCI(text: string, pos: number, word: string): boolean {
  if (pos + word.length > text.length) return false;
  for (let i = 0; i < word.length; i++) {
    let c = text.charCodeAt(pos + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}

/** True for the character that may follow a tag name (`>`, `/`, whitespace) or the end of the line. */
export function isTagNameEnd(text: string, pos: number): boolean {
  if (pos >= text.length) return true;
  const c = text.charCodeAt(pos);
  return c === 62 || c === 47 || c === 32 || c === 9;
}
