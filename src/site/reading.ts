/** Reading statistics of a transcript, counted the way Chinese is read: by characters, not spaces. */
import type { Transcript } from "../transcript/model.js";

/** Chinese characters a reader gets through in a minute (a common estimate for on-screen reading). */
const HAN_PER_MINUTE = 400;
/** English words a minute. */
const WORDS_PER_MINUTE = 230;

/** Runs of Chinese characters: counting runs, not single characters, keeps a long post to a few hundred matches. */
const HAN_RUN = /\p{Script=Han}+/gu;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/g;
const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)?/g;

/** Chinese characters in a text (code points: the rare characters outside the BMP count once). */
export function countHan(text: string): number {
  let n = 0;
  for (const [run] of text.matchAll(HAN_RUN)) n += run.length - (run.length > 1 && /[\uD800-\uDBFF]/.test(run) ? run.match(HIGH_SURROGATE)!.length : 0);
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
