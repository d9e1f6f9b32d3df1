/**
 * Speaker labels at the start of a turn. Bold labels (`**Name:**`, `**Name**：`, `**[Name]**:`…)
 * are explicit markup and always count; plain `Name:` only counts when the post is visibly a
 * dialogue (see `plainLabels`), because prose such as "例如：" or "He said:" must never become a
 * speaker. A bold label that lost its opening `**` (`Name**:`) counts only for a name the post
 * labels in bold elsewhere.
 */
import type { Block, Section } from "./model.js";

/** Longest bold label accepted; longer bold text before a colon is a glossary term or prose. */
const BOLD_MAX = 40;
/** Longest plain label accepted. */
const PLAIN_MAX = 24;
/** Times a plain label must start a turn before it is believed. */
const PLAIN_MIN_USES = 3;

/** Sentence punctuation, quotes and brackets: a name has none of these. */
const NOT_IN_NAME = /[。，,！!？?；;、“”"「」『』【】\[\]<>*#`=|]/;
/** Parentheses are fine inside explicit bold (`**受访者 (Interviewee)**:`) but too prose-like for plain labels. */
const PARENS = /[（）()]/;

/** A label found at the start of a block: the name and where the remaining text starts. */
export interface LabelMatch {
  name: string;
  end: number;
}

function validName(name: string, max: number, allowParens: boolean): boolean {
  if (name.length === 0 || name.length > max) return false;
  if (!allowParens && PARENS.test(name)) return false;
  const first = name.charCodeAt(0);
  if (first >= 48 && first <= 57) return false; // "2024:" / "10:30" are not people
  if (NOT_IN_NAME.test(name)) return false;
  return name.split(/\s+/).length <= 5;
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

function isColon(c: number): boolean {
  return c === 58 || c === 0xff1a;
}

/** `**Name:**`, `**Name：**`, `**Name**:` or `**Name**：` at the very start of `text`. */
export function matchBoldLabel(text: string): LabelMatch | null {
  if (!text.startsWith("**")) return null;
  const close = text.indexOf("**", 2);
  if (close < 0 || close - 2 > BOLD_MAX + 1) return null;
  const inner = text.slice(2, close);
  let name: string;
  let end: number;
  if (inner.length > 0 && isColon(inner.charCodeAt(inner.length - 1))) {
    name = inner.slice(0, -1).trim();
    end = close + 2;
  } else {
    const after = skipSpaces(text, close + 2);
    if (!isColon(text.charCodeAt(after))) return null;
    name = inner.trim();
    end = after + 1;
  }
  // `**[Name]**:`, as about 300 real posts write it: the brackets are not part of the name.
  const bracketed = /^\[([^[\]]+)\]$/.exec(name);
  if (bracketed) name = bracketed[1]!.trim();
  if (!validName(name, BOLD_MAX, true)) return null;
  return { name, end: skipSpaces(text, end) };
}

/** `Name**:` at the very start of `text`: a bold label whose opening `**` was lost. Shape only. */
export function matchHalfBoldLabel(text: string): LabelMatch | null {
  const close = text.indexOf("**");
  if (close <= 0 || close > BOLD_MAX) return null;
  const after = skipSpaces(text, close + 2);
  if (!isColon(text.charCodeAt(after))) return null;
  const name = text.slice(0, close).trim();
  if (!validName(name, BOLD_MAX, true)) return null;
  return { name, end: skipSpaces(text, after + 1) };
}

/** `Name:` / `主持人：` at the start of `text` (shape only; whether it is believed is `plainLabels`' call). */
export function matchPlainLabel(text: string): LabelMatch | null {
  const limit = Math.min(text.length, PLAIN_MAX + 2);
  for (let i = 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (!isColon(c)) continue;
    if (c === 58 && text.charCodeAt(i + 1) === 47) return null; // `http://…`, not a speaker
    const name = text.slice(0, i).trimEnd();
    if (!validName(name, PLAIN_MAX, false)) return null;
    return { name, end: skipSpaces(text, i + 1) };
  }
  return null;
}

/**
 * Plain labels believed in this post: each starts at least 3 turns (translation or original
 * side) and at least two such labels exist. A single recurring "Label:" is more likely a prose
 * habit ("例如：") than a dialogue, so it is left as text.
 */
export function plainLabels(sections: readonly Section[]): Set<string> {
  const uses = new Map<string, number>();
  const count = (block: Block | undefined): void => {
    if (!block || matchBoldLabel(block.text)) return;
    const m = matchPlainLabel(block.text);
    if (m) uses.set(m.name, (uses.get(m.name) ?? 0) + 1);
  };
  for (const s of sections) {
    for (const t of s.turns) {
      count(t.translation[0]);
      count(t.original?.blocks[0]);
    }
  }
  const names = new Set<string>();
  for (const [name, n] of uses) if (n >= PLAIN_MIN_USES) names.add(name);
  return names.size >= 2 ? names : new Set();
}

/** Names this post labels in bold at the start of a turn. */
function boldNames(sections: readonly Section[]): Set<string> {
  const names = new Set<string>();
  for (const s of sections) {
    for (const t of s.turns) {
      for (const block of [t.translation[0], t.original?.blocks[0]]) {
        const m = block && matchBoldLabel(block.text);
        if (m) names.add(m.name);
      }
    }
  }
  return names;
}

/** Remove a leading label from `blocks[0]` and return the speaker; drops the block if nothing else was in it. */
function takeLabel(blocks: Block[], plain: ReadonlySet<string>, bold: ReadonlySet<string>, repaired: (block: Block, name: string) => void): string | undefined {
  const first = blocks[0];
  if (!first) return undefined;
  let m = matchBoldLabel(first.text);
  if (!m) {
    const p = matchPlainLabel(first.text);
    if (p && plain.has(p.name)) m = p;
  }
  if (!m) {
    const h = matchHalfBoldLabel(first.text);
    if (h && bold.has(h.name)) {
      m = h;
      repaired(first, h.name);
    }
  }
  if (!m) return undefined;
  first.text = first.text.slice(m.end).trim();
  if (first.text.length === 0) blocks.shift();
  return m.name;
}

/**
 * Set `turn.speaker` / `original.speaker` from labels at the start of each turn's first
 * paragraph. Labels in later paragraphs stay as text: the source put them inside one passage,
 * and splitting it would invent an original for the new turn.
 */
export function assignSpeakers(sections: Section[], repaired: (block: Block, name: string) => void = () => {}): void {
  const plain = plainLabels(sections);
  const bold = boldNames(sections);
  for (const s of sections) {
    for (const t of s.turns) {
      const sp = takeLabel(t.translation, plain, bold, repaired);
      if (sp !== undefined) t.speaker = sp;
      if (t.original) {
        const osp = takeLabel(t.original.blocks, plain, bold, repaired);
        if (osp !== undefined) t.original.speaker = osp;
      }
    }
  }
}
