/**
 * Accumulates the text fragments of one paragraph (a Block) as the scanner finds them, keeping
 * just enough position data (one entry per fragment, not per character) to turn an offset in
 * the joined text back into a file line/column for warnings.
 */
import { findRepetition } from "./repetition.js";
import type { Reporter } from "./warnings.js";
import { markerLength, nextBrMarker } from "./tags.js";

/** A paragraph as the parser holds it before it becomes a model Block. */
export interface RawBlock {
  text: string;
  speakerBreak: boolean;
  line: number;
  /** 1-based column of the first character. */
  col: number;
  /** Inside a `<p>` tag (classic original) rather than bare Markdown: bare text can be leaked translation. */
  inP: boolean;
}

/** Builder for one paragraph at a time. */
export class Paragraph {
  private parts: string[] = [];
  private offsets: number[] = [];
  private lines: number[] = [];
  private cols: number[] = [];
  private length = 0;
  private lastLine = -1;
  private breakNext = false;
  private inP = false;

  /** `sink` receives each finished paragraph (the scanner routes it to translation or original). */
  constructor(
    private readonly reporter: Reporter,
    private readonly sink: (block: RawBlock) => void,
  ) {}

  /** End the current paragraph, if any, and hand it to the sink. */
  flush(): void {
    const block = this.take();
    if (block) this.sink(block);
  }

  /**
   * Add source text `s[from, to)` found on file line `line`, trimmed, splitting into new
   * paragraphs at `>>` / `&gt;&gt;` speaker changes: at the start of a line (`atLineStart`) or
   * right after `<br>`, where the `<br>` and the marker are dropped. Returns false when the
   * range was blank.
   */
  addSource(s: string, from: number, to: number, line: number, atLineStart: boolean, inP: boolean): boolean {
    let a = skipBlanks(s, from, to);
    let b = to;
    while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
    if (a >= b) return false;
    if (atLineStart) {
      const m = markerLength(s, a, b);
      if (m > 0) {
        this.flush();
        this.breakNext = true;
        a = skipBlanks(s, a + m, b);
      }
    }
    for (;;) {
      const br = nextBrMarker(s, a, b);
      if (!br) break;
      let cut = br.start;
      while (cut > a && isBlank(s.charCodeAt(cut - 1))) cut--;
      if (cut > a) this.add(s.slice(a, cut), line, a + 1, inP);
      this.flush();
      this.breakNext = true;
      a = skipBlanks(s, br.end, b);
    }
    if (a < b) this.add(s.slice(a, b), line, a + 1, inP);
    return true;
  }

  /** Append a trimmed fragment found at `line`/`col`; a new line inside the paragraph is a soft break. */
  private add(text: string, line: number, col: number, inP: boolean): void {
    if (text.length === 0) return;
    if (this.parts.length === 0) this.inP = inP;
    else if (line !== this.lastLine) {
      this.parts.push("\n");
      this.length += 1;
    }
    this.offsets.push(this.length);
    this.lines.push(line);
    this.cols.push(col);
    this.parts.push(text);
    this.length += text.length;
    this.lastLine = line;
  }

  /** Finish the paragraph: returns it (or null when empty) and warns about runaway repetition in it. */
  private take(): RawBlock | null {
    if (this.parts.length === 0) {
      return null;
    }
    const text = this.parts.length === 1 ? (this.parts[0] ?? "") : this.parts.join("");
    const block: RawBlock = {
      text,
      speakerBreak: this.breakNext,
      line: this.lines[0] ?? 0,
      col: this.cols[0] ?? 1,
      inP: this.inP,
    };
    const at = findRepetition(text);
    if (at >= 0) {
      let seg = 0;
      while (seg + 1 < this.offsets.length && (this.offsets[seg + 1] ?? 0) <= at) seg++;
      const line = this.lines[seg] ?? block.line;
      const col = (this.cols[seg] ?? 1) + at - (this.offsets[seg] ?? 0);
      this.reporter.repetition(line, col, text.slice(at));
    }
    this.parts = [];
    this.offsets = [];
    this.lines = [];
    this.cols = [];
    this.length = 0;
    this.lastLine = -1;
    this.breakNext = false;
    return block;
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Index of the first non-blank character in `s[i, end)`, or `end`. */
export function skipBlanks(s: string, i: number, end: number): number {
  while (i < end && isBlank(s.charCodeAt(i))) i++;
  return i;
}
