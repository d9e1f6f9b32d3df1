/**
 * Assembles sections and turns from the paragraphs and original blocks the scanner finds, and
 * reports the pairing defects (translation without original and the reverse). Ids, speakers
 * and languages are settled in `finish`, once the whole post is known.
 */
import type { Block, Original, Section, Transcript, Turn } from "./model.js";
import { detectLang, isMostlyCjk } from "./lang.js";
import type { RawBlock } from "./paragraph.js";
import type { Reporter } from "./warnings.js";
import { assignSpeakers } from "./labels.js";

/** An original block while it is being read (between `<details>` and its close). */
export interface OpenOriginal {
  line: number;
  col: number;
  blocks: RawBlock[];
  hasSummary: boolean;
  /** The summary says the block is Chinese, so Chinese text in it is not leaked translation. */
  summaryChinese: boolean;
  /** A `<p>` was seen (classic format). */
  hasP: boolean;
  /** A `<p>` is open right now. */
  inP: boolean;
  pLine: number;
  pCol: number;
  firstPLine: number;
  firstPCol: number;
}

/**
 * Without its `</details>` a block may have swallowed the next passage's translation: remove
 * and return its trailing bare (non-`<p>`) Chinese paragraphs, unless the block says it is Chinese.
 */
export function takeLeakedTranslation(o: OpenOriginal): RawBlock[] {
  const leaked: RawBlock[] = [];
  while (!o.summaryChinese) {
    const last = o.blocks[o.blocks.length - 1];
    if (!last || last.inP || !isMostlyCjk(last.text)) break;
    o.blocks.pop();
    leaked.unshift(last);
  }
  return leaked;
}

function toBlock(b: RawBlock): Block {
  return { text: b.text, speakerBreak: b.speakerBreak, line: b.line };
}

/** Collects turns into sections in document order. */
export class ModelBuilder {
  private readonly sections: Section[] = [];
  private current: Section | null = null;
  private pending: RawBlock[] = [];

  constructor(private readonly reporter: Reporter) {}

  /** A heading: whatever translation is waiting has no original, and a new section starts. */
  heading(level: number, text: string, line: number): void {
    this.flushPending();
    this.current = { id: "", heading: text, level, line, turns: [] };
    this.sections.push(this.current);
  }

  /** A translation paragraph, waiting for its original. */
  translation(block: RawBlock): void {
    this.pending.push(block);
  }

  /** A finished original: it pairs with the translation waiting before it. */
  original(o: OpenOriginal): void {
    const translation = this.pending;
    this.pending = [];
    if (translation.length === 0) this.reporter.translationMissing(o.line, o.col);
    if (o.blocks.length === 0) {
      if (o.hasP) this.reporter.originalEmpty(o.firstPLine, o.firstPCol);
      else this.reporter.originalEmpty(o.line, o.col);
    }
    const original: Original = { blocks: o.blocks.map(toBlock), lang: "en", line: o.line };
    const first = translation[0];
    this.push({ id: "", translation: translation.map(toBlock), original, line: first ? first.line : o.line });
  }

  /** Translation waiting at a heading or the end: a turn of its own, without original. */
  flushPending(): void {
    const translation = this.pending;
    const first = translation[0];
    if (!first) return;
    this.pending = [];
    this.reporter.originalMissing(first.line, first.col, first.text);
    this.push({ id: "", translation: translation.map(toBlock), line: first.line });
  }

  private push(turn: Turn): void {
    if (!this.current) {
      this.current = { id: "s-0", level: 0, line: turn.line, turns: [] };
      this.sections.push(this.current);
    }
    this.current.turns.push(turn);
  }

  /** The finished model: ids in document order, speakers, languages. */
  finish(): Transcript {
    this.flushPending();
    assignSpeakers(this.sections, (block, name) => this.reporter.labelUnbalanced(block.line, name));
    let s = 0;
    let t = 0;
    for (const section of this.sections) {
      section.id = section.level === 0 ? "s-0" : `s-${++s}`;
      for (const turn of section.turns) {
        turn.id = `t-${++t}`;
        if (turn.original) turn.original.lang = detectLang(turn.original.blocks.map((b) => b.text).join("\n"));
      }
    }
    return { sections: this.sections };
  }
}
