/**
 * Characters that must never reach a page, a feed or the sitemap: they are invisible, HTML calls
 * them parse errors, and most are outside XML 1.0's `Char` production, so one of them makes a strict
 * XML parser reject the whole feed. Front matter (YAML escapes such as `"\0"`, `"\x01"`) and bodies
 * can carry them; they are removed with a `control-character` warning.
 *
 * The set: C0 controls except tab and line feed (carriage returns are line ends, already split off in
 * bodies), DEL and the C1 controls (U+007F–U+009F), U+FFFE and U+FFFF, and lone surrogate halves
 * (which cannot be written as UTF-8). With the `u` flag the surrogate range only matches unpaired
 * halves, so emoji and other astral characters are kept.
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/u;
const CONTROL_ALL = new RegExp(CONTROL.source, "gu");

// Every body and every rendered passage is checked, and a `u` regular expression with a surrogate range
// walks a text by code points: 2.4% of a 9,000-post build's CPU. The same check in two fast steps: the
// set without surrogates, by code units; then `isWellFormed` (native), true when no half is unpaired.
const CONTROL_BMP = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/;
// ES2024 (Node 20 has it); tsconfig's ES2022 library does not declare it.
const wellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/** True when `text` holds a character of the set. */
export function hasControlChars(text: string): boolean {
  return CONTROL_BMP.test(text) || !wellFormed(text);
}

/** `text` without the characters of the set. */
export function stripControlChars(text: string): string {
  return hasControlChars(text) ? text.replace(CONTROL_ALL, "") : text;
}

/** Index (UTF-16) of the first character of the set in `text`, or -1. */
export function firstControlChar(text: string): number {
  if (!hasControlChars(text)) return -1;
  const m = CONTROL.exec(text);
  return m ? m.index : -1;
}

/** The distinct characters of the set in `text`, named `U+0001, U+001B` (at most five, then `…`), for messages. */
export function describeControlChars(text: string): string {
  const names = new Set<string>();
  for (const m of text.matchAll(CONTROL_ALL)) {
    names.add(`U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
    if (names.size > 5) break;
  }
  const list = [...names];
  return list.length > 5 ? `${list.slice(0, 5).join(", ")}, …` : list.join(", ");
}
