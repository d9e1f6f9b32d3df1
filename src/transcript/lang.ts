/**
 * Language of an original block, from its letters alone: the summary label is free text full of
 * typos ("View/Hide Original Chinese" sits on Chinese text, but nothing stops it lying), so the
 * text decides.
 */

/** Share of CJK ideographs among letters above which a text counts as Chinese. */
const CJK_SHARE = 0.3;

/** True for a CJK ideograph (unified, extension A, compatibility). */
export function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

function isLatinLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
}

/** Counts of CJK ideographs and Latin letters, ignoring tags (`<br>`) and entities (`&gt;`) so markup does not vote. */
export function letterCounts(text: string): { cjk: number; latin: number } {
  let cjk = 0;
  let latin = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 60 /* < */) {
      const next = text.charCodeAt(i + 1);
      if ((next >= 97 && next <= 122) || (next >= 65 && next <= 90) || next === 47) {
        // A tag never spans far; a lone `<` in prose must not hide the rest of the text.
        const gt = findWithin(text, 62, i, 200);
        if (gt > 0) {
          i = gt;
          continue;
        }
      }
    } else if (c === 38 /* & */) {
      const semi = findWithin(text, 59, i, 9);
      if (semi > 0) {
        i = semi;
        continue;
      }
    }
    if (isCjk(c)) cjk++;
    else if (isLatinLetter(c)) latin++;
  }
  return { cjk, latin };
}

/** Index of `code` within `limit` characters after `from`, or -1; bounded so scanning stays linear. */
function findWithin(text: string, code: number, from: number, limit: number): number {
  const end = Math.min(text.length, from + limit);
  for (let j = from + 1; j < end; j++) if (text.charCodeAt(j) === code) return j;
  return -1;
}

/** BCP 47 tag for a text: `zh-CN` when CJK ideographs are more than 30% of its letters, else `en`. */
export function detectLang(text: string): string {
  const { cjk, latin } = letterCounts(text);
  if (cjk + latin === 0) return "en";
  return cjk / (cjk + latin) > CJK_SHARE ? "zh-CN" : "en";
}

/** True when the text is mostly Chinese by the same measure as `detectLang`. */
export function isMostlyCjk(text: string): boolean {
  return detectLang(text) === "zh-CN";
}

/** Length of the longest run of consecutive CJK ideographs (punctuation breaks a run). */
export function longestCjkRun(text: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (isCjk(text.charCodeAt(i))) {
      run++;
      if (run > best) best = run;
    } else run = 0;
  }
  return best;
}
