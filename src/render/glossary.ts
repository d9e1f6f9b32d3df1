/**
 * Glossary terms of the translations: `**术语**（English term: explanation）`, `**术语**（English term）`,
 * `**Term**（中文解释）`, also `“**术语**”（…）` and notes with nested parentheses (real posts have all of these).
 * The in-text form becomes a focusable term whose parenthetical is shown on hover, focus or tap (its
 * text stays in the page, so nothing is lost), and the post lists every term at its end.
 */
import { decodeHTML } from "entities";
import type { Transcript } from "../transcript/model.js";
import { renderInline } from "./inline.js";

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

/** Longest term, in characters of text, read as a glossary term; longer bold text before `（` is prose. */
const TERM_MAX = 40;

/** One glossary term found in rendered translation HTML. */
interface TermMatch {
  /** Where the match starts (`<strong>`) and ends (just after the note's `）`). */
  start: number;
  end: number;
  /** The term and the note, as HTML. */
  term: string;
  note: string;
  /** A closing quote between term and note (`”`, `」` or `&quot;`), or "". */
  quote: string;
  /** The note holds markup (a link, a nested term): it is listed, but not wrapped. */
  markup: boolean;
}

/**
 * The one finder of glossary terms, over rendered (sanitised) translation HTML: `<strong>术语</strong>（…）`,
 * also with a closing quote between term and note (`“<strong>氛围编程</strong>”（vibe coding: …）`), and
 * with parentheses or terms nested in the note (the search goes on inside each note). Linear: one pass
 * pairs the parentheses, and notes longer than NOTE_MAX are prose.
 */
function* termsInHtml(html: string): Generator<TermMatch> {
  if (!/<\/strong>(?:”|」|&quot;)?（/.test(html)) return;
  const re = /<strong>([^<]{1,400})<\/strong>(”|」|&quot;)?（/g;
  const closes = closingParens(html);
  // The first `<` at or after the current note (Infinity: none); matches only move forward, so the text is searched once.
  let nextTag = -1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const open = m.index + m[0].length;
    const end = closes.get(open - 1) ?? -1;
    if (end < 0 || end - open > NOTE_MAX || [...decodeHTML(m[1]!)].length > TERM_MAX) continue;
    if (nextTag < open) {
      const i = html.indexOf("<", open);
      nextTag = i < 0 ? Infinity : i;
    }
    yield { start: m.index, end, term: m[1]!, note: html.slice(open, end - 1), quote: m[2] ?? "", markup: nextTag < end - 1 };
    re.lastIndex = open;
  }
}

/** Plain text of a fragment of our sanitised HTML: tags dropped, entities decoded. */
const textOf = (html: string): string => decodeHTML(html.replace(/<[^>]*>/g, ""));

/** Every term of a transcript's translation, in order of first appearance, once each (plain text). */
export function glossaryOf(transcript: Transcript): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  const seen = new Set<string>();
  for (const section of transcript.sections) {
    for (const turn of section.turns) {
      for (const block of turn.translation) {
        // Only paragraphs that can hold a term are rendered here (the page renders every one anyway).
        if (!block.text.includes("（") || !block.text.includes("**")) continue;
        for (const { term, note } of termsInHtml(renderInline(block.text))) {
          const name = textOf(term).trim();
          const key = name.toLowerCase();
          if (!name || seen.has(key)) continue;
          seen.add(key);
          entries.push({ term: name, ...splitNote(textOf(note)), turn: turn.id });
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
 * this adds fixed elements around escaped text, nothing that post text could shape. A term inside
 * a wrapped note stays as it is (it is still in the glossary).
 */
export function markTerms(html: string): string {
  let out = "";
  let last = 0;
  for (const m of termsInHtml(html)) {
    if (m.markup || m.start < last) continue;
    out += `${html.slice(last, m.start)}<span class="term" tabindex="0"><strong>${m.term}</strong>${m.quote}<span class="gloss">（${noteHtml(m.note)}）</span></span>`;
    last = m.end;
  }
  return last === 0 ? html : out + html.slice(last);
}

/** The inside of a note with its English term marked `lang="en"` (the note's only element: site.css styles it as `.gloss > [lang]`). Entities (`&amp;`) hold no colon or comma, so the split is the same. */
function noteHtml(note: string): string {
  const { english } = splitNote(note);
  if (!english) return note;
  const start = note.length - note.trimStart().length;
  return `${note.slice(0, start)}<span lang="en">${english}</span>${note.slice(start + english.length)}`;
}
