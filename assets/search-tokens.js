// @ts-check
// The words the search index holds, shared by the indexer (src/search/) and the search page, so
// that what a reader types is cut exactly as the indexed text was.
//
// Pagefind indexes whitespace-separated words. Chinese has no spaces, and Pagefind's own Chinese
// segmentation cuts words differently in different contexts and lets 泛化 match 泛型 … 变化. So
// every run of Chinese characters is indexed as its overlapping character pairs, then its last
// character alone: 泛化能力 → 泛化 化能 能力 力. Each pair is one word at its own position, so a word
// of the query matches exactly where its pairs stand one after another (a phrase of pairs), and a
// single character matches as the start of a word (泛 starts 泛化, and a run's last character is a
// word of its own). English and numbers are left as they are: the index's language is English, so
// Pagefind stems them with its Snowball stemmer, at indexing and at search time alike.

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * A run of Chinese characters as indexed words: its pairs, then its last character.
 * @param {string} run
 * @returns {string[]}
 */
export function runWords(run) {
  const chars = [...run];
  const words = [];
  for (let i = 0; i + 1 < chars.length; i++) words.push(`${chars[i]}${chars[i + 1]}`);
  if (chars.length) words.push(/** @type {string} */ (chars[chars.length - 1]));
  return words;
}

/**
 * Text as it is indexed: each Chinese run replaced by its words (runWords), set apart by spaces, and
 * each word whose case changes inside it (OpenAI, ChatGPT, iPhone) in small letters: Pagefind cuts
 * such a word at its change of case and indexes its parts as words too (the "ai" of OpenAI), so that
 * AI would find a post that only says OpenAI. In small letters it is one word (openai), which
 * OpenAI, typed in any case, still finds. `asWritten` keeps its case: the same words at the same
 * places, as the search page shows them in excerpts.
 * @param {string} text
 * @param {boolean} [asWritten] keep each word's case as written (for reading, not for Pagefind)
 * @returns {string}
 */
export function indexText(text, asWritten = false) {
  let out = text;
  // Text of ASCII only (most of the English, the markup's white space) has neither Chinese nor wide punctuation.
  if (NON_ASCII.test(out)) out = spacedRuns(out);
  // A hyphen between letters or digits parts words (value-function, GPT-4): Pagefind would index the
  // parts at one position, so that no phrase could run through them. (Found from the hyphen: a
  // lookbehind tried at every position cost more than the rest of the indexing's own work.)
  if (out.includes("-")) out = out.replace(HYPHEN, (h, at, all) => (WORD_BEFORE.test(all.slice(Math.max(0, at - 2), at)) ? " " : h));
  if (!asWritten && CASE_CHANGE.test(out)) out = caseChangesLowered(out);
  return out;
}

// Where Pagefind cuts a word by its case: a small letter before a capital (OpenAI, iPhone), and the
// last capital of a run of them before a small letter (AIs, HTTPServer). Latin letters (ASCII and
// Latin-1): a Unicode class asked at every position of every page's text tripled indexedHtml's time;
// other scripts' words are cut by Pagefind as before. Chinese runs are set apart by spaces before
// this is asked, and a word all in capitals (AI) is left as it is.
const CASE_CHANGE = /[a-z\u00df-\u00f6\u00f8-\u00ff][A-Z\u00c0-\u00d6\u00d8-\u00de]|[A-Z\u00c0-\u00d6\u00d8-\u00de]{2}[a-z\u00df-\u00f6\u00f8-\u00ff]/;
const CASE_CHANGES = new RegExp(CASE_CHANGE.source, "g");
const IN_WORD = /[\p{L}\p{M}\p{N}]/u;

/**
 * The text with each word that holds a change of case (CASE_CHANGE) in small letters: the word found
 * from the change, letters, marks and digits either side (a regular expression of whole words, tried
 * at every position, cost more than the rest of indexText).
 * @param {string} text
 * @returns {string}
 */
function caseChangesLowered(text) {
  let out = "";
  let copied = 0;
  CASE_CHANGES.lastIndex = 0;
  for (let m = CASE_CHANGES.exec(text); m; m = CASE_CHANGES.exec(text)) {
    let from = m.index;
    while (from > copied && IN_WORD.test(text.charAt(from - 1))) from--;
    let to = m.index + m[0].length;
    while (to < text.length && IN_WORD.test(text.charAt(to))) to++;
    out += text.slice(copied, from) + text.slice(from, to).toLowerCase();
    copied = CASE_CHANGES.lastIndex = to;
  }
  return out + text.slice(copied);
}

const NON_ASCII = /[^\x00-\x7f]/;
const HYPHEN = /-(?=[\p{L}\p{N}])/gu;
// The character before (the last two code units: it may be a surrogate pair).
const WORD_BEFORE = /[\p{L}\p{N}]$/u;

/**
 * Text with each Chinese run as its words (pushRunWords) and each run of wide punctuation set apart
 * by spaces, unless it is a curly apostrophe inside a word (it’s). The words beside the apostrophe
 * are read as they stand once the Chinese runs are set apart: a Chinese character beside it is not
 * part of it. (Scanned character by character, the text built from its code units: a regular
 * expression's replace, calling back for each of some two thousand runs a page, and a string joined
 * piece by piece cost twice the CPU over 400 post pages.)
 * @param {string} text
 * @returns {string}
 */
function spacedRuns(text) {
  units.length = 0;
  for (let i = 0; i < text.length; ) {
    const kind = kindAt(text, i);
    // A character both Chinese and punctuation (𖿢) starts a Chinese run, and goes on a run of either.
    const run = kind & HAN_CHAR || kind & WIDE_PUNCTUATION;
    if (!run) {
      units.push(text.charCodeAt(i++));
      continue;
    }
    let end = i + charLength(text, i);
    while (end < text.length && kindAt(text, end) & run) end += charLength(text, end);
    if (run === HAN_CHAR) pushRunWords(text, i, end);
    else if (end === i + 1 && APOSTROPHE.test(text[i] ?? "") && inWord(text[i - 1]) && inWord(text[end])) units.push(text.charCodeAt(i));
    else {
      units.push(32);
      for (let k = i; k < end; k++) units.push(text.charCodeAt(k));
      units.push(32);
    }
    i = end;
  }
  return unitsText();
}

/** @param {string | undefined} c a code unit */
const inWord = (c) => c !== undefined && LETTER.test(c) && !HAN.test(c);

/**
 * The code units of the character at `i`: 2 for a surrogate pair (Chinese beyond the BMP), else 1.
 * @param {string} text @param {number} i
 */
function charLength(text, i) {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

// What a character is to spacedRuns: flags.
const HAN_CHAR = 1;
const WIDE_PUNCTUATION = 2;
const LOOKED_AT = 4;
/** Each character of the BMP's kind (0: not looked at yet), so that each is asked of the regular expressions once. */
const BMP_KINDS = new Uint8Array(0x10000);
/** @param {string} c a character beyond ASCII @returns {number} */
const kindOf = (c) => LOOKED_AT | (HAN.test(c) ? HAN_CHAR : 0) | (PUNCTUATION.test(c) ? WIDE_PUNCTUATION : 0);
/**
 * The kind of the character at `i` (flags; none for ASCII, for letters and digits beyond it, for a lone surrogate).
 * @param {string} text @param {number} i
 * @returns {number}
 */
function kindAt(text, i) {
  const code = text.charCodeAt(i);
  if (code < 0x80) return 0;
  if (charLength(text, i) === 2) return kindOf(text.slice(i, i + 2));
  return BMP_KINDS[code] || (BMP_KINDS[code] = kindOf(text.charAt(i)));
}

/** Code units of the text spacedRuns builds, reused from call to call. @type {number[]} */
const units = [];

/** The text of `units` (in pieces: a function's arguments are limited). */
function unitsText() {
  if (units.length <= 8192) return String.fromCharCode(...units);
  let out = "";
  for (let k = 0; k < units.length; k += 8192) out += String.fromCharCode(...units.slice(k, k + 8192));
  return out;
}

/**
 * Pushes the code units of ` ${runWords(run).join(" ")} ` for the run `text.slice(from, to)`.
 * @param {string} text
 * @param {number} from
 * @param {number} to
 */
function pushRunWords(text, from, to) {
  units.push(32);
  // Each character and the next as a pair; `prev` is where the first of them starts.
  let prev = from;
  for (let i = from + charLength(text, from); i < to; ) {
    const next = i + charLength(text, i);
    for (let k = prev; k < next; k++) units.push(text.charCodeAt(k));
    units.push(32);
    prev = i;
    i = next;
  }
  // The last character alone.
  for (let k = prev; k < to; k++) units.push(text.charCodeAt(k));
  units.push(32);
}

// Punctuation beyond ASCII (（）、，。：“” — …) stands apart from the words beside it, as a Chinese run
// does: Pagefind cuts words at whitespace only, and would take "（Value Function），AI" as the
// words "（Value" and "Function），AI", the second matching neither function nor AI. A curly apostrophe
// inside a word stays in it (it’s), as Pagefind reads it as part of the word.
const PUNCTUATION = /\p{P}/u;
const APOSTROPHE = /^[\u2018\u2019]$/;
const LETTER = /\p{L}/u;

/**
 * An indexed word as a reader reads it: a pair stands for its first character (the next word
 * brings the second), a run's last character for itself; other words are unchanged.
 * @param {string} word
 * @returns {string}
 */
export function readableWord(word) {
  const chars = [...word];
  if (chars.length === 2 && chars.every((c) => HAN.test(c))) return /** @type {string} */ (chars[0]);
  return word;
}

/**
 * Indexed words as read, one piece per word, each with the space before it where one belongs:
 * spaces are kept between words that are not Chinese, and left out next to Chinese characters and
 * CJK punctuation. `words` are indexed text split at whitespace (the positions Pagefind reports are
 * indexes into it); `before` is the word that precedes them, if any.
 * @param {string[]} words
 * @param {string} [before]
 * @returns {string[]}
 */
export function readableParts(words, before) {
  let prev = before === undefined ? "" : readableWord(before);
  return words.map((w) => {
    const r = readableWord(w);
    const piece = prev && !(tight(prev) || tight(r)) ? ` ${r}` : r;
    prev = r;
    return piece;
  });
}

/**
 * Indexed words back into readable text (see readableParts).
 * @param {string[]} words
 * @returns {string}
 */
export function readableText(words) {
  return readableParts(words).join("");
}

// A word that stands without spaces around it: Chinese, or CJK punctuation.
const TIGHT = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]+$/u;
/** @param {string} w */
const tight = (w) => TIGHT.test(w);

/**
 * One unit of a query: all its words must stand together in a post (a phrase), and a post must
 * hold every unit of the query.
 * @typedef {object} QueryUnit
 * @property {string} text what the reader typed for it
 * @property {string[]} words the indexed words to look for, in order
 * @property {"char" | "han" | "latin"} kind `char`: one Chinese character, which matches as the start
 *   of an indexed word; `han`: Chinese of two characters or more; `latin`: English words and numbers
 *   (a phrase when more than one), or a quoted phrase
 */

/**
 * A query's units: each Chinese run; each stretch of English words, which are matched next to each
 * other as typed (`value function`); each "quoted phrase", matched as a whole.
 * @param {string} raw
 * @returns {QueryUnit[]}
 */
export function queryUnits(raw) {
  /** @type {QueryUnit[]} */
  const units = [];
  const parts = raw.split('"');
  // An unclosed quote quotes nothing.
  if (parts.length % 2 === 0) parts.splice(-2, 2, `${parts.at(-2)} ${parts.at(-1)}`);
  for (const [i, part] of parts.entries()) {
    if (i % 2 === 1) {
      const unit = phraseUnit(part);
      if (unit) units.push(unit);
      continue;
    }
    // Outside quotes: Chinese runs and stretches of other words, in the order typed.
    for (const m of part.matchAll(/(\p{Script=Han}+)|([^\s\p{Script=Han}]+(?:\s+[^\s\p{Script=Han}]+)*)/gu)) {
      const unit = m[1] ? hanUnit(m[1]) : phraseUnit(m[2] ?? "");
      if (unit) units.push(unit);
    }
  }
  // The same unit twice asks nothing more.
  const seen = new Set();
  return units.filter((u) => !seen.has(u.words.join(" ")) && seen.add(u.words.join(" ")));
}

/** @param {string} run @returns {QueryUnit} */
function hanUnit(run) {
  const words = runWords(run);
  // The run's last character alone is indexed only where a run ends; inside a longer run it is the
  // start of the next pair. So a query word is its pairs only (or its one character).
  if (words.length > 1) words.pop();
  return { text: run, words, kind: words.length === 1 && [...run].length === 1 ? "char" : "han" };
}

/**
 * Words as Pagefind reads a query (it drops punctuation and lowercases); Chinese inside as pairs.
 * @param {string} text
 * @returns {QueryUnit | undefined}
 */
function phraseUnit(text) {
  const spaced = indexText(text).toLowerCase();
  // Words as indexed: apart at hyphens (see indexText), without the punctuation Pagefind drops.
  const words = spaced
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}_]+/gu, ""))
    .filter(Boolean);
  if (!words.length) return undefined;
  // As in hanUnit: a trailing Chinese run's last character is not required to end a run.
  const lastRun = /(\p{Script=Han}+)\s*$/u.exec(text)?.[1];
  if (lastRun && [...lastRun].length > 1 && words.length > 1) words.pop();
  const display = text.replace(/\s+/g, " ").trim();
  if (words.length === 1 && HAN.test(display)) return hanUnit(display);
  return { text: display, words, kind: "latin" };
}
