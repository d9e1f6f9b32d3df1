/** Reading statistics of a transcript, counted the way Chinese is read: by characters, not spaces. */
import type { Transcript } from "../transcript/model.js";

/** Chinese characters a reader gets through in a minute (a common estimate for on-screen reading). */
const HAN_PER_MINUTE = 400;
/** English words a minute. */
const WORDS_PER_MINUTE = 230;

/** Minutes to read the translation (rounded up, at least 1): Chinese characters plus any Latin words in it. */
export function readingMinutes(transcript: Transcript): number {
  let han = 0;
  let words = 0;
  for (const section of transcript.sections) {
    for (const turn of section.turns) {
      for (const block of turn.translation) {
        han += block.text.match(/\p{Script=Han}/gu)?.length ?? 0;
        words += block.text.match(/[A-Za-z]+(?:['’][A-Za-z]+)?/g)?.length ?? 0;
      }
    }
  }
  return Math.max(1, Math.ceil(han / HAN_PER_MINUTE + words / WORDS_PER_MINUTE));
}

/** Kept here for older imports: speaker statistics live in speakers.ts. */
export { speakerTurns } from "./speakers.js";
