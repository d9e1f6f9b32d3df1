/** Reading statistics of a transcript, counted the way Chinese is read: by characters, not spaces. */
import type { Transcript } from "../transcript/model.js";

/** Chinese characters a reader gets through in a minute (a common estimate for on-screen reading). */
const HAN_PER_MINUTE = 400;
/** English words a minute. */
const WORDS_PER_MINUTE = 230;

const HAN_CHAR = /^\p{Script=Han}$/u;
const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)?/g;

/**
 * Chinese characters in a text (code points: the rare characters outside the BMP count once). By
 * code unit, with the common blocks decided by their codes (every post page counts its whole
 * translation): no character below U+2E80 is Han, U+4E00–U+9FFF and U+3400–U+4DBF all are, and
 * CJK punctuation (U+3000–U+303F) holds only a few; anything else is asked of the Unicode property.
 */
export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) continue;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) {
      n++;
      continue;
    }
    if (c >= 0x3000 && c <= 0x303f) {
      if (c === 0x3005 || c === 0x3007 || (c >= 0x3021 && c <= 0x3029) || (c >= 0x3038 && c <= 0x303b)) n++;
      continue;
    }
    if (c >= 0xff00 && c <= 0xffef) continue; // full-width forms
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (HAN_CHAR.test(String.fromCodePoint(cp))) n++;
  }
  return n;
}

/** Latin words in a text (`don't` is one). */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

/** Minutes to read the translation (rounded up, at least 1): Chinese characters plus any Latin words in it. */
export function readingMinutes(transcript: Transcript): number {
  let han = 0;
  let words = 0;
  for (const section of transcript.sections) {
    for (const turn of section.turns) {
      for (const block of turn.translation) {
        han += countHan(block.text);
        words += countWords(block.text);
      }
    }
  }
  return Math.max(1, Math.ceil(han / HAN_PER_MINUTE + words / WORDS_PER_MINUTE));
}

/** Kept here for older imports: speaker statistics live in speakers.ts. */
export { speakerTurns } from "./speakers.js";
