/**
 * Every warning the transcript parser emits, in one place so rule ids and wording stay
 * consistent: each message says what was found, what the build did, and what the author should do.
 */
import type { LocalDiagnostic } from "../diagnostics.js";

/** Rule ids emitted by the transcript parser. */
export type TranscriptRule =
  | "details-close-corrupt"
  | "details-unclosed"
  | "details-stray-close"
  | "original-empty"
  | "original-missing"
  | "translation-missing"
  | "p-unclosed"
  | "stray-lt"
  | "repetition"
  | "summary-text"
  | "hidden-block"
  | "heading-no-space"
  | "comment-unclosed"
  | "control-character"
  | "label-unbalanced";

/** Longest source excerpt quoted in a message. */
const QUOTE_MAX = 40;

/**
 * The start of `text` with runs of white space collapsed, cut at QUOTE_MAX characters. It reads
 * only as far as the excerpt needs: a runaway line of a megabyte costs no more than a short one.
 */
function quote(text: string): string {
  const out: string[] = [];
  let space = false;
  for (const ch of text) {
    if (/\s/.test(ch)) {
      space = out.length > 0;
      continue;
    }
    if (space) out.push(" ");
    space = false;
    out.push(ch);
    if (out.length > QUOTE_MAX) return `${out.slice(0, QUOTE_MAX).join("")}…`;
  }
  return out.join("");
}

/** Collects the parser's warnings (all are warnings: every defect is recovered from). */
export class Reporter {
  readonly diagnostics: LocalDiagnostic[] = [];

  /** `Name**:` where the post labels `**Name**:` elsewhere. */
  labelUnbalanced(line: number, name: string): void {
    this.warn("label-unbalanced", line, 1, `speaker label \`${name}**:\` has no opening \`**\`; read as the speaker ${name}. Write \`**${name}**:\`.`);
  }

  private warn(rule: TranscriptRule, line: number, col: number, message: string): void {
    this.diagnostics.push({ line, col, severity: "warning", rule, message });
  }

  /** A corrupted `</details>` that closed the block. */
  closeCorrupt(line: number, col: number, tag: string, hasTextAfter: boolean): void {
    const after = hasTextAfter ? " The text after it on this line is read as the translation of the next passage." : "";
    const found = tag === "</" ? "a `</` merged into the text at line start is a corrupted closing tag" : `closing tag \`${tag}\` is corrupted`;
    const fix = hasTextAfter ? "Replace it with `</details>` and move the text after it to its own paragraph." : "Replace it with `</details>`.";
    this.warn("details-close-corrupt", line, col, `${found}; read as \`</details>\`.${after} ${fix}`);
  }

  /** A corrupted closing tag directly followed by a real `</details>`: junk, not a close. */
  closeCorruptJunk(line: number, col: number, tag: string): void {
    this.warn("details-close-corrupt", line, col, `corrupted closing tag \`${tag}\` just before \`</details>\`; ignored. Delete it.`);
  }

  /** A block closed implicitly by a new `<details>`, a heading or the end of the file. */
  unclosed(line: number, col: number, openLine: number, at: "details" | "heading" | "eof", readAsTranslation: boolean): void {
    const where = at === "details" ? "before the next `<details>` opens here" : at === "heading" ? "before this heading" : "by the end of the file";
    const what = readAsTranslation
      ? `\`<details>\` opened at line ${openLine} has no \`<summary>\` and is not closed ${where}; its Chinese text is read as translation. Delete that \`<details>\` line.`
      : `\`<details>\` opened at line ${openLine} is not closed ${where}; closed here. Add \`</details>\` at the end of that original.`;
    this.warn("details-unclosed", line, col, what);
  }

  /** `</details>` with no open block. */
  strayClose(line: number, col: number): void {
    this.warn("details-stray-close", line, col, "`</details>` closes nothing (no `<details>` is open); ignored. Delete it.");
  }

  /** Original block with no text. */
  originalEmpty(line: number, col: number): void {
    this.warn("original-empty", line, col, "original block is empty; shown without original text. Paste the original text or remove the block.");
  }

  /** Translation with no original after it. */
  originalMissing(line: number, col: number, text: string): void {
    this.warn("original-missing", line, col, `translation "${quote(text)}" has no original block after it; shown without original. Add a \`<details>\` block with the original after it.`);
  }

  /** Original with no translation before it. */
  translationMissing(line: number, col: number): void {
    this.warn("translation-missing", line, col, "original block has no translation before it; shown without translation. Add the translation above the `<details>`.");
  }

  /** `<p class="english-text">` never closed. */
  pUnclosed(line: number, col: number): void {
    this.warn("p-unclosed", line, col, "`<p>` is never closed before the end of its original block; its text is kept. Add `</p>` at the end of the paragraph (the text may be truncated).");
  }

  /** A line starting with `<` that is not a tag. */
  strayLt(line: number, col: number, text: string): void {
    this.warn("stray-lt", line, col, `line starts with \`<\` but is not a tag ("${quote(text)}"); read as text. Remove the stray \`<\`.`);
  }

  /** Runaway repetition. */
  repetition(line: number, col: number, text: string): void {
    this.warn("repetition", line, col, `runaway repetition ("${quote(text)}"); kept as is. Cut the repeated words (likely a transcription glitch).`);
  }

  /** Summary text that is not a "View/Hide Original" label. */
  summaryText(line: number, col: number, text: string, keptAsText: boolean): void {
    const fate = keptAsText ? "the unclosed summary is read as original text" : "summaries are not shown, so this text is hidden";
    this.warn("summary-text", line, col, `\`<summary>\` holds text that is not a label ("${quote(text)}"); ${fate}. Use \`<summary>Original English</summary>\` and move the text out.`);
  }

  /** Hidden padding block. */
  hiddenBlock(line: number, col: number): void {
    this.warn("hidden-block", line, col, "hidden `<details>` block (display:none): its text is not shown to readers nor indexed. Remove it if it is padding.");
  }

  /** `<!--` with no `-->` after it (in the rest of the post, or of its paragraph when it is not at a line start). */
  commentUnclosed(line: number, col: number, atLineStart: boolean): void {
    const where = atLineStart ? "anywhere after it" : "before its paragraph ends";
    this.warn("comment-unclosed", line, col, `\`<!--\` opens an HTML comment that is never closed (no \`-->\` ${where}); read as text, so nothing after it is hidden. Add \`-->\` where the comment ends, or write \`&lt;!--\` if the characters are meant.`);
  }

  /** Control characters in a line (removed). */
  controlCharacter(line: number, col: number, which: string): void {
    this.warn("control-character", line, col, `the line holds invisible control characters (${which}), which would make the page invalid; removed. Delete them.`);
  }

  /** `###Title` without the space Markdown needs. */
  headingNoSpace(line: number, col: number): void {
    this.warn("heading-no-space", line, col, "line starts with `#` marks but no space, so it is not a heading; read as text. Add a space (and a line break before the paragraph text) if a heading was meant.");
  }
}
