/**
 * Transcript parser: post body (Markdown + the `<details>` original blocks) in, model and
 * warnings out. Pure and linear: one pass over the lines, tags found with `indexOf`, no
 * backtracking regex over text, no allocation per character. Defects are recovered so that no
 * visible text is lost: each recovery is a warning with its line and column (the rules and their
 * wording are in warnings.ts), and `--strict` makes them errors.
 *
 * Position conventions: every line is a file line (`lineOffset` + line in body); columns are
 * 1-based UTF-16 columns. `details-unclosed` is reported where the missing `</details>` belongs:
 * at the `<details>` or heading that implicitly closes the block, or at the end of the last
 * non-blank line when the file ends inside it.
 *
 * Code spans are opaque (codespans.ts): a tag between backticks is text. An HTML comment that is
 * never closed is text too, with a `comment-unclosed` warning: `<!--` at the start of a line needs a
 * `-->` on a later line, one in the middle of a line needs it before the paragraph ends (a blank
 * line), as in CommonMark; so a stray `<!--` never hides the rest of a post. Control characters are
 * removed from every line with a `control-character` warning (they would make the output invalid).
 */
import { isBilingual, type ParseOptions, type ParseResult } from "./model.js";
import { describeControlChars, firstControlChar, stripControlChars } from "../control-chars.js";
import { ModelBuilder, takeLeakedTranslation, type OpenOriginal } from "./model-builder.js";
import { codeSpans, type OpaqueRanges } from "./codespans.js";
import { firstNonBlank, isHeadingWithoutSpace, isTagNameEnd, isThematicBreak, matchHeading, splitLines, startsWithCI } from "./lines.js";
import { Paragraph, skipBlanks, type RawBlock } from "./paragraph.js";
import { Reporter } from "./warnings.js";
import { corruptCloseEnd, isDetailsClose, isDetailsOpen, isKnownCloseTag, isPOpen, looksLikeSummaryLabel, summaryExtent } from "./tags.js";

/** Where the scanner is: translation side (Out), inside an original (In), inside a hidden padding block (Hidden, skipped). */
const Mode = { Out: 0, In: 1, Hidden: 2 } as const;
type Mode = (typeof Mode)[keyof typeof Mode];

/** Parse a post body (the text after the front matter) into sections and turns, with warnings. */
export function parseTranscript(body: string, options: ParseOptions = {}): ParseResult {
  return new Scanner(body, options.lineOffset ?? 0).run();
}

class Scanner {
  private readonly lines: string[];
  private readonly reporter = new Reporter();
  private readonly builder = new ModelBuilder(this.reporter);
  private readonly para = new Paragraph(this.reporter, (block) => this.route(block));
  private mode: Mode = Mode.Out;
  private inComment = false;
  private open: OpenOriginal | null = null;
  private hiddenLine = 0;
  /** Code spans per line (columns the scanner never reads tags in). */
  private readonly opaque: OpaqueRanges;
  /** Per line, the next later line holding `-->` and the next later blank line (-1: none); computed at the first comment that spans lines. */
  private commentEnds: { close: Int32Array; blank: Int32Array } | null = null;
  /** The line whose last `-->` is cached, and that index (so a line full of `<!--` is searched once). */
  private lastCloseLine = -1;
  private lastCloseAt = -1;
  /** The last line an unclosed comment was reported on. */
  private unclosedCommentLine = -1;
  /** No text has been added on the current line yet (so `>>` here starts a line). */
  private lineStart = true;

  constructor(
    body: string,
    private readonly offset: number,
  ) {
    this.lines = splitLines(body);
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i] ?? "";
      const at = firstControlChar(line);
      if (at < 0) continue;
      this.reporter.controlCharacter(offset + i + 1, at + 1, describeControlChars(line));
      this.lines[i] = stripControlChars(line);
    }
    this.opaque = codeSpans(this.lines);
  }

  run(): ParseResult {
    for (let i = 0; i < this.lines.length; i++) this.line(this.lines[i] ?? "", this.offset + i + 1, i);
    this.endOfFile();
    const transcript = this.builder.finish();
    // A post without any original is monolingual: its passages lack nothing.
    const found = isBilingual(transcript) ? this.reporter.diagnostics : this.reporter.diagnostics.filter((d) => d.rule !== "original-missing");
    // Stable order for output and tests: by position, then rule.
    const diagnostics = found.sort((a, b) => a.line - b.line || a.col - b.col || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    return { transcript, diagnostics };
  }

  private line(s: string, lineNo: number, index: number): void {
    let pos = 0;
    this.lineStart = true;
    if (this.inComment) {
      const end = s.indexOf("-->");
      if (end < 0) return;
      this.inComment = false;
      pos = end + 3;
    } else {
      const t = firstNonBlank(s);
      if (t === s.length) {
        this.flush();
        return;
      }
      if (this.lineLevel(s, t, lineNo)) return;
      if (this.mode === Mode.In && startsWithCI(s, t, "</") && !isDetailsClose(s, t) && !isKnownCloseTag(s, t)) {
        pos = this.corruptClose(s, t, lineNo, index);
        if (pos < 0) return;
      }
    }
    this.inline(s, pos, lineNo, index);
  }

  /** Whole-line constructs; returns true when the line is fully handled. */
  private lineLevel(s: string, t: number, lineNo: number): boolean {
    const heading = matchHeading(s, t);
    if (heading) {
      this.flush();
      if (this.mode !== Mode.Out) this.implicitClose(lineNo, t + 1, "heading");
      this.builder.heading(heading.level, heading.text, lineNo);
      return true;
    }
    if (this.mode === Mode.Hidden) return false;
    if (this.mode === Mode.Out && isThematicBreak(s, t)) {
      this.flush();
      return true;
    }
    if (isHeadingWithoutSpace(s, t)) this.reporter.headingNoSpace(lineNo, t + 1);
    if (s.charCodeAt(t) === 60 /* < */ && t + 1 < s.length && !/[A-Za-z/!]/.test(s.charAt(t + 1))) {
      this.reporter.strayLt(lineNo, t + 1, s.slice(t));
    }
    return false;
  }

  /** A corrupted `</details>` at line start; returns where scanning resumes, or -1 when the line is done. */
  private corruptClose(s: string, t: number, lineNo: number, index: number): number {
    const end = corruptCloseEnd(s, t);
    const tag = s.slice(t, end);
    const rest = s.slice(end).trim();
    const next = this.lines[index + 1] ?? "";
    if (rest.length === 0 && isDetailsClose(next, firstNonBlank(next))) {
      this.reporter.closeCorruptJunk(lineNo, t + 1, tag);
      return -1;
    }
    this.reporter.closeCorrupt(lineNo, t + 1, tag, rest.length > 0);
    this.closeOriginal();
    return end;
  }

  /** Scan the rest of a line for tags and text. */
  private inline(s: string, from: number, lineNo: number, index: number): void {
    const opaque = this.opaque[index];
    let k = 0;
    let pos = from;
    let textFrom = pos;
    while (pos < s.length) {
      const lt = s.indexOf("<", pos);
      if (lt < 0) break;
      if (opaque) {
        // A `<` inside a code span is text: go on after the span.
        while (k < opaque.length && (opaque[k + 1] ?? 0) <= lt) k += 2;
        if (k < opaque.length && (opaque[k] ?? 0) <= lt) {
          pos = opaque[k + 1] ?? s.length;
          continue;
        }
      }
      const end = this.tag(s, lt, lineNo, textFrom, index);
      if (end < 0) {
        pos = lt + 1;
        continue;
      }
      pos = end;
      textFrom = end;
      if (this.inComment) return;
    }
    this.text(s, textFrom, s.length, lineNo);
  }

  /** Handle a structural tag at `lt`; returns the index after it, or -1 when `<` is plain text. */
  private tag(s: string, lt: number, lineNo: number, textFrom: number, index: number): number {
    // Dispatch on the character after `<` and keep each handler a separate small method: measured
    // on Node 20, one large tag() became superlinear on lines full of `<` once TurboFan had
    // optimised it on mixed input (see the "stays linear" test).
    const c = s.charCodeAt(lt + 1);
    if (c === 33) return startsWithCI(s, lt, "<!--") ? this.comment(s, lt, lineNo, textFrom, index) : -1;
    if (c === 47) {
      if (isDetailsClose(s, lt)) return this.detailsClose(s, lt, lineNo, textFrom);
      return this.mode === Mode.In && startsWithCI(s, lt, "</p>") ? this.pClose(s, lt, lineNo, textFrom) : -1;
    }
    if (c === 100 || c === 68) {
      if (!isDetailsOpen(s, lt)) return -1;
      this.text(s, textFrom, lt, lineNo);
      return this.detailsOpen(s, lt, lineNo);
    }
    if (this.mode !== Mode.In) return -1;
    if ((c === 115 || c === 83) && startsWithCI(s, lt, "<summary") && isTagNameEnd(s, lt + 8)) {
      this.text(s, textFrom, lt, lineNo);
      return this.summary(s, lt, lineNo);
    }
    if ((c === 112 || c === 80) && isPOpen(s, lt)) return this.pOpen(s, lt, lineNo, textFrom);
    return -1;
  }

  /** An HTML comment at `lt`: skipped when it is closed; when it is not, `<!--` is text (-1) and a warning. */
  private comment(s: string, lt: number, lineNo: number, textFrom: number, index: number): number {
    if (this.lastCloseLine !== index) {
      this.lastCloseLine = index;
      this.lastCloseAt = s.lastIndexOf("-->");
    }
    const close = this.lastCloseAt >= lt + 4 ? s.indexOf("-->", lt + 4) : -1;
    const atLineStart = firstNonBlank(s) === lt;
    if (close < 0) {
      const ends = this.commentEndsOf();
      const next = ends.close[index] ?? -1;
      const blank = ends.blank[index] ?? -1;
      if (next < 0 || (!atLineStart && blank >= 0 && blank < next)) {
        // One warning per line: every later `<!--` on it is unclosed too.
        if (this.unclosedCommentLine !== index) this.reporter.commentUnclosed(lineNo, lt + 1, atLineStart);
        this.unclosedCommentLine = index;
        return -1;
      }
    }
    this.text(s, textFrom, lt, lineNo);
    if (atLineStart) this.flush();
    if (close >= 0) return close + 3;
    this.inComment = true;
    this.flush();
    return s.length;
  }

  /** For every line, the next later line holding `-->` and the next later blank line (one backward pass, on first need). */
  private commentEndsOf(): { close: Int32Array; blank: Int32Array } {
    if (this.commentEnds) return this.commentEnds;
    const n = this.lines.length;
    const close = new Int32Array(n);
    const blank = new Int32Array(n);
    let nextClose = -1;
    let nextBlank = -1;
    for (let i = n - 1; i >= 0; i--) {
      close[i] = nextClose;
      blank[i] = nextBlank;
      const line = this.lines[i] ?? "";
      if (line.includes("-->")) nextClose = i;
      if (firstNonBlank(line) === line.length) nextBlank = i;
    }
    this.commentEnds = { close, blank };
    return this.commentEnds;
  }

  private detailsClose(s: string, lt: number, lineNo: number, textFrom: number): number {
    this.text(s, textFrom, lt, lineNo);
    const gt = s.indexOf(">", lt);
    if (this.mode === Mode.In) this.closeOriginal();
    else if (this.mode === Mode.Hidden) this.mode = Mode.Out;
    else this.reporter.strayClose(lineNo, lt + 1);
    this.lineStart = true;
    return gt + 1;
  }

  private pOpen(s: string, lt: number, lineNo: number, textFrom: number): number {
    this.text(s, textFrom, lt, lineNo);
    this.flush();
    const o = this.open;
    const gt = s.indexOf(">", lt);
    if (o) {
      if (!o.hasP) {
        o.firstPLine = lineNo;
        o.firstPCol = lt + 1;
      }
      o.hasP = true;
      o.inP = true;
      o.pLine = lineNo;
      o.pCol = lt + 1;
    }
    this.lineStart = true;
    return gt < 0 ? s.length : gt + 1;
  }

  private pClose(s: string, lt: number, lineNo: number, textFrom: number): number {
    this.text(s, textFrom, lt, lineNo);
    this.flush();
    if (this.open) this.open.inP = false;
    this.lineStart = true;
    return lt + 4;
  }

  private detailsOpen(s: string, lt: number, lineNo: number): number {
    this.flush();
    const gt = s.indexOf(">", lt);
    const attrs = gt < 0 ? s.slice(lt + 8) : s.slice(lt + 8, gt);
    if (this.mode !== Mode.Out) this.implicitClose(lineNo, lt + 1, "details");
    if (/display\s*:\s*none|\bhidden\b/i.test(attrs)) {
      this.reporter.hiddenBlock(lineNo, lt + 1);
      this.mode = Mode.Hidden;
      this.hiddenLine = lineNo;
    } else {
      this.mode = Mode.In;
      this.open = {
        line: lineNo, col: lt + 1, blocks: [], hasSummary: false, summaryChinese: false,
        hasP: false, inP: false, pLine: 0, pCol: 0, firstPLine: 0, firstPCol: 0,
      };
    }
    this.lineStart = true;
    return gt < 0 ? s.length : gt + 1;
  }

  private summary(s: string, lt: number, lineNo: number): number {
    const o = this.open;
    if (!o) return -1;
    const { start, end, after, closed } = summaryExtent(s, lt);
    const text = s.slice(start, end).trim();
    o.hasSummary = true;
    if (/chinese|中文/i.test(text)) o.summaryChinese = true;
    if (text.length > 0 && !looksLikeSummaryLabel(text)) {
      // An unclosed summary that is not a label has swallowed content: keep it as original text.
      this.reporter.summaryText(lineNo, skipBlanks(s, start, end) + 1, text, !closed);
      if (!closed) {
        this.flush();
        this.text(s, start, end, lineNo);
        this.flush();
      }
    }
    this.lineStart = true;
    return after;
  }

  /** Add source text `s[from, to)` to the current paragraph (nothing inside hidden blocks). */
  private text(s: string, from: number, to: number, lineNo: number): void {
    if (this.mode === Mode.Hidden || from >= to) return;
    if (this.para.addSource(s, from, to, lineNo, this.lineStart, this.open?.inP ?? false)) this.lineStart = false;
  }

  private flush(): void {
    this.para.flush();
  }

  /** A finished paragraph goes to the open original or the translation side. */
  private route(block: RawBlock): void {
    if (this.mode === Mode.In && this.open) this.open.blocks.push(block);
    else if (this.mode === Mode.Out) this.builder.translation(block);
  }

  /** Close the open original (explicitly or after a corrupted tag). */
  private closeOriginal(): void {
    this.flush();
    const o = this.open;
    this.open = null;
    this.mode = Mode.Out;
    if (!o) return;
    if (o.inP) this.reporter.pUnclosed(o.pLine, o.pCol);
    this.builder.original(o);
  }

  /** Close a block that never got its `</details>`: at a new `<details>`, a heading or the end of the file. */
  private implicitClose(line: number, col: number, at: "details" | "heading" | "eof"): void {
    this.flush();
    if (this.mode === Mode.Hidden) {
      this.reporter.unclosed(line, col, this.hiddenLine, at, false);
      this.mode = Mode.Out;
      return;
    }
    const o = this.open;
    if (!o) return;
    const leaked = takeLeakedTranslation(o);
    const notAnOriginal = leaked.length > 0 && o.blocks.length === 0 && !o.hasSummary && !o.hasP;
    this.reporter.unclosed(line, col, o.line, at, notAnOriginal);
    if (notAnOriginal) {
      this.open = null;
      this.mode = Mode.Out;
    } else {
      this.closeOriginal();
    }
    for (const b of leaked) this.builder.translation(b);
  }

  private endOfFile(): void {
    this.flush();
    if (this.mode !== Mode.Out) {
      let i = this.lines.length - 1;
      while (i > 0 && firstNonBlank(this.lines[i] ?? "") === (this.lines[i] ?? "").length) i--;
      this.implicitClose(this.offset + i + 1, (this.lines[i] ?? "").length + 1, "eof");
    }
  }
}
