/**
 * The transcript model: what the parser produces from a post body and what templates render.
 * Text fields hold *source* inline markup (Markdown inline syntax plus the inline HTML tags that
 * real posts use); rendering and sanitising happen later, in src/render, never in the parser.
 */
import type { LocalDiagnostic } from "../diagnostics.js";

/** One paragraph of inline text. */
export interface Block {
  /** Inline source: Markdown inline syntax (`**bold**`, links) and inline HTML (`<b>`, `<br>`…). No block syntax, no `>>` marker. */
  text: string;
  /** True when the paragraph starts with a change of speaker (`>>` / `&gt;&gt;` in caption-derived text). */
  speakerBreak: boolean;
  /** 1-based line in the file where this paragraph starts. */
  line: number;
}

/** The original-language block of a turn (the `<details>` of the source). */
export interface Original {
  /** Paragraphs of the original, in order. Empty when the source block was empty. */
  blocks: Block[];
  /** Speaker label found at the start of the original (`**Host**: …`), if any. */
  speaker?: string;
  /** BCP 47 language of the text, detected from the text itself (`en`, `zh-CN`). */
  lang: string;
  /** 1-based line of the `<details>` opening tag. */
  line: number;
}

/** One passage: translation paragraphs followed by (normally) one original block. */
export interface Turn {
  /** Stable id usable as a fragment: `t-1`, `t-2`, … in document order, counting from 1. */
  id: string;
  /** Speaker label of the translation (`**Ilya:**` → `Ilya`), if any. */
  speaker?: string;
  /** Translation paragraphs (Chinese), in order; may be empty for an original with no translation. */
  translation: Block[];
  /** The original; absent when the source had translation with no original. */
  original?: Original;
  /** 1-based line where the turn starts in the file. */
  line: number;
}

/** A run of turns under one heading (or before the first heading). */
export interface Section {
  /** Stable id: `s-1`, `s-2`, … for headings in order; `s-0` for the untitled lead before the first heading. */
  id: string;
  /** Heading text as inline source; absent for the untitled lead section. */
  heading?: string;
  /** 2, 3 or 4 for headings (raw `<h3>` is 3); 0 for the untitled lead section. */
  level: number;
  /** 1-based line of the heading (of the first turn for the lead section). */
  line: number;
  turns: Turn[];
}

/** A whole post body. */
export interface Transcript {
  sections: Section[];
}

/**
 * True when any passage has an original. A transcript with none is a Chinese-only post (two thirds
 * of a real archive): an ordinary post, not one whose originals are all missing.
 */
export function isBilingual(transcript: Transcript): boolean {
  return transcript.sections.some((s) => s.turns.some((t) => t.original !== undefined));
}

/** What the parser returns: the model and every problem it recovered from. */
export interface ParseResult {
  transcript: Transcript;
  diagnostics: LocalDiagnostic[];
}

/** Options for the parser. */
export interface ParseOptions {
  /** Number of lines before the body in the file (front matter and its fences), so reported lines are file lines. Default 0. */
  lineOffset?: number;
}
