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

// Reused between calls (the parser is synchronous): no allocation per paragraph.
const RING = 8; // a power of two above MAX_PERIOD, so ring positions are a mask, not a division
const hashes = new Float64Array(RING);
const starts = new Int32Array(RING);
const run = new Int32Array(MAX_PERIOD + 1);
const runStart = new Int32Array(MAX_PERIOD + 1);

/**
 * Offset in `text` where a phrase of 1–4 words starts that is repeated at least `min` times in a
 * row, or -1. Words are Latin alphanumeric runs (case-folded, punctuation ignored) or single CJK
 * ideographs, so "哈哈哈…" counts too.
 */
export function findRepetition(text: string, min: number = REPETITION_MIN): number {
  run.fill(0);
  let count = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    let hash: number;
    const start = i;
    if (isCjk(c)) {
      hash = c;
      i++;
    } else if (isWordChar(c)) {
      let h = 0;
      while (i < n) {
        let d = text.charCodeAt(i);
        if (!isWordChar(d)) break;
        if (d >= 65 && d <= 90) d += 32;
        h = (Math.imul(h, 31) + d) | 0;
        i++;
      }
      hash = h + 0x100000000; // Latin words never equal a single ideograph's code
    } else {
      i++;
      continue;
    }
    const top = count < MAX_PERIOD ? count : MAX_PERIOD;
    for (let p = 1; p <= top; p++) {
      const back = (count - p) & (RING - 1);
      if (hashes[back] === hash) {
        if (run[p] === 0) runStart[p] = starts[back]!;
        run[p]!++;
        // `run` equal words at distance p means the p-word phrase occurs run/p + 1 times.
        if (run[p]! >= (min - 1) * p) return runStart[p]!;
      } else run[p] = 0;
    }
    hashes[count & (RING - 1)] = hash;
    starts[count & (RING - 1)] = start;
    count++;
  }
  return -1;
}
