/**
 * Glossary terms of the translations: `**术语**（English term: explanation）`, `**术语**（English term）`,
 * `**Term**（中文解释）`, also `“**术语**”（…）` and notes with nested parentheses (real posts have all of these).
 * The in-text form becomes a focusable term whose parenthetical is shown on hover, focus or tap (its
 * text stays in the page, so nothing is lost), and the post lists every term at its end.
 */
import type { Transcript } from "../transcript/model.js";
import { inlineToText } from "./inline.js";

/** What a parenthetical says about its term. */
export interface TermNote {
  /** The English term, when the parenthetical starts with one (`Large Language Models: 大语言模型`, `Chain of Action`). */
  english?: string;
  /** The rest of the parenthetical: an explanation or a Chinese gloss ("" when it only names the English term). */
  explanation: string;
}

/** One glossary entry. */
export interface GlossaryEntry extends TermNote {
  term: string;
  /** Id of the turn where the term first appears (`t-12`), so the glossary can link back to it. */
  turn: string;
}

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;
/** The first colon separates a note's head (a name) from its explanation. */
const SEPARATOR = /\s*[:：]\s*/;
/** Without a colon, an English name may still lead: `Capital Expenditure, 简称 capex`. */
const LEADING_NAME = /^([^，,（(]+?)\s*[，,]\s*(.+)$/su;

const isLatinName = (s: string): boolean => s !== "" && LATIN.test(s) && !HAN.test(s);

/** Split the text inside `（…）` into the English term it gives (always a prefix of the trimmed text) and the rest. */
export function splitNote(inside: string): TermNote {
  const text = inside.trim();
  const sep = SEPARATOR.exec(text);
  if (sep && sep.index > 0) {
    const head = text.slice(0, sep.index);
    // `统一码：一种…` names the term in Chinese: the whole parenthetical is the explanation.
    return isLatinName(head) ? { english: head, explanation: text.slice(sep.index + sep[0].length) } : { explanation: text };
  }
  if (isLatinName(text)) return { english: text, explanation: "" };
  const lead = LEADING_NAME.exec(text);
  if (lead && isLatinName(lead[1]!) && HAN.test(lead[2]!)) return { english: lead[1]!, explanation: lead[2]! };
  return { explanation: text };
}

/**
 * Longest note, in UTF-16 units, read as a glossary note (real notes: under 100). A longer parenthetical
 * is prose, and the bound keeps nested notes linear: no character is read for more than one note's worth of terms.
 */
const NOTE_MAX = 500;

/**
 * For every `（` of `text`, the index just after the `）` that closes it (nested pairs allowed), or -1
 * when it never closes: one pass with a stack, so a paragraph full of unclosed `（` costs no more
 * than a short one (searching forward from each `（` took minutes on a 320 KB paragraph).
 */
function closingParens(text: string): Map<number, number> {
  const closes = new Map<number, number>();
  const open: number[] = [];
  for (let i = text.indexOf("（"), j = text.indexOf("）"); i >= 0 || j >= 0; ) {
    if (i >= 0 && (j < 0 || i < j)) {
      open.push(i);
      closes.set(i, -1);
      i = text.indexOf("（", i + 1);
    } else {
      const o = open.pop();
      if (o !== undefined) closes.set(o, j + 1);
      j = text.indexOf("）", j + 1);
    }
  }
  return closes;
}

/**
 * Terms marked in one paragraph of inline source, in order: `**术语**（…）`, also with a closing quote
 * between term and note (`“**氛围编程**”（vibe coding: …）`) and with parentheses or terms nested in the note.
 */
export function findTerms(source: string): { term: string; note: string }[] {
  const found: { term: string; note: string }[] = [];
  if (!/\*\*[”」"]?（/.test(source)) return found;
  const re = /\*\*([^*\n]{1,40}?)\*\*[”」"]?（/g;
  const closes = closingParens(source);
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const open = m.index + m[0].length;
    const end = closes.get(open - 1) ?? -1;
    if (end < 0 || end - open > NOTE_MAX) continue;
    found.push({ term: m[1]!, note: source.slice(open, end - 1) });
    // Go on inside the note: it may mark a term of its own (`**A**（…**B**（…）…）`).
    re.lastIndex = open;
  }
  return found;
}

/** Every term of a transcript's translation, in order of first appearance, once each (plain text). */
export function glossaryOf(transcript: Transcript): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  const seen = new Set<string>();
  for (const section of transcript.sections) {
    for (const turn of section.turns) {
      for (const block of turn.translation) {
        for (const { term, note } of findTerms(block.text)) {
          const name = inlineToText(term).trim();
          const key = name.toLowerCase();
          if (!name || seen.has(key)) continue;
          seen.add(key);
          entries.push({ term: name, ...splitNote(inlineToText(note)), turn: turn.id });
        }
      }
    }
  }
  return entries;
}

/**
 * Mark glossary terms in rendered (already sanitised) translation HTML:
 * `<span class="term" tabindex="0"><strong>术语</strong><span class="gloss">（…）</span></span>`.
 * Only notes of plain text (no tags) are wrapped, and every character of the input is kept in order:
 * this adds fixed elements around escaped text, nothing that post text could shape.
 */
export function markTerms(html: string): string {
  if (!/<\/strong>(?:”|」|&quot;)?（/.test(html)) return html;
  const re = /<strong>([^<]{1,200})<\/strong>(”|」|&quot;)?（/g;
  const closes = closingParens(html);
  let out = "";
  let last = 0;
  // The first `<` at or after the current note (Infinity: none); matches only move forward, so the text is searched once.
  let nextTag = -1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const open = m.index + m[0].length;
    const end = closes.get(open - 1) ?? -1;
    if (end < 0 || end - open > NOTE_MAX) continue;
    if (nextTag < open) {
      const i = html.indexOf("<", open);
      nextTag = i < 0 ? Infinity : i;
    }
    const note = html.slice(open, end - 1);
    // A note with markup (a link, a nested term) stays as it is; terms inside it are still wrapped.
    if (nextTag < end - 1) {
      re.lastIndex = open;
      continue;
    }
    out += `${html.slice(last, m.index)}<span class="term" tabindex="0"><strong>${m[1]}</strong>${m[2] ?? ""}<span class="gloss">（${noteHtml(note)}）</span></span>`;
    last = end;
    re.lastIndex = end;
  }
  return out + html.slice(last);
}

/** The inside of a note with its English term marked `lang="en"`. Entities (`&amp;`) hold no colon or comma, so the split is the same. */
function noteHtml(note: string): string {
  const { english } = splitNote(note);
  if (!english) return note;
  const start = note.length - note.trimStart().length;
  return `${note.slice(0, start)}<span class="gloss-en" lang="en">${english}</span>${note.slice(start + english.length)}`;
}
