/**
 * Runaway repetition ("Take Take Take …" from a looping speech-to-text or LLM): one pass over
 * the text with rolling word hashes, so it allocates nothing per word and stays linear even on
 * the 76,000-character lines real posts have.
 */
import { isCjk } from "./lang.js";

/** Repetitions in a row that count as runaway (stutters like "I I I" stay far below). */
export const REPETITION_MIN = 20;
/** Longest repeated phrase looked for, in words. */
const MAX_PERIOD = 4;

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f) || c === 39;
}

/**
 * Offset in `text` where a phrase of 1–4 words starts that is repeated at least `min` times in a
 * row, or -1. Words are Latin alphanumeric runs (case-folded, punctuation ignored) or single CJK
 * ideographs, so "哈哈哈…" counts too.
 */
export function findRepetition(text: string, min: number = REPETITION_MIN): number {
  const hashes = new Float64Array(MAX_PERIOD + 1); // ring of the last words' hashes
  const starts = new Int32Array(MAX_PERIOD + 1); // ring of the last words' offsets
  const run = new Int32Array(MAX_PERIOD + 1); // per period: consecutive words equal to the word `period` back
  const runStart = new Int32Array(MAX_PERIOD + 1);
  let count = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    let hash = 0;
    const start = i;
    if (isCjk(c)) {
      hash = c;
      i++;
    } else if (isWordChar(c)) {
      while (i < n) {
        let d = text.charCodeAt(i);
        if (!isWordChar(d)) break;
        if (d >= 65 && d <= 90) d += 32;
        hash = (hash * 31 + d) % 2147483647;
        i++;
      }
      hash += 0x10000; // keep Latin words apart from single ideographs
    } else {
      i++;
      continue;
    }
    const slot = count % (MAX_PERIOD + 1);
    for (let p = 1; p <= MAX_PERIOD && p <= count; p++) {
      const back = hashes[(count - p) % (MAX_PERIOD + 1)];
      if (back === hash) {
        if (run[p] === 0) runStart[p] = starts[(count - p) % (MAX_PERIOD + 1)] ?? 0;
        run[p] = (run[p] ?? 0) + 1;
        // `run` equal words at distance p means the p-word phrase occurs run/p + 1 times.
        if ((run[p] ?? 0) >= (min - 1) * p) return runStart[p] ?? 0;
      } else run[p] = 0;
    }
    hashes[slot] = hash;
    starts[slot] = start;
    count++;
  }
  return -1;
}
