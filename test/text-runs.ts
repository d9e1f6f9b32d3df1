/**
 * "Nothing lost", made testable: the runs of visible text in a post's source (Chinese runs and
 * English words, after removing markup that readers never see) must all appear in its page.
 */

/** The text a reader should see, from a post body: markup, comments, hidden blocks and summary labels removed. */
export function visibleSourceText(body: string): string {
  return body
    .replace(/\r\n?/g, "\n")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<details[^>]*display:\s*none[^>]*>[\s\S]*?<\/details>/g, " ")
    .replace(/<summary>[\s\S]*?<\/summary>/g, " ")
    .replace(/\]\([^)\s]*\)/g, "] ")
    .replace(/<\/?[A-Za-z][^>\n]*>/g, " ")
    .replace(/<\/[A-Za-z]+[\]]?/g, " ") // corrupted closers: `</details`, `</details]`
    .replace(/<\/\p{Script=Han}>/gu, " ") // `</你>`
    .replace(/<\//g, " ")
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

/** Maximal runs of Chinese characters. */
export function hanRuns(text: string): string[] {
  return text.match(/\p{Script=Han}+/gu) ?? [];
}

/** Latin words, lower-cased (apostrophes split words, as HTML text extraction may differ on them). */
export function latinWords(text: string): string[] {
  return (text.match(/[A-Za-z]+/g) ?? []).map((w) => w.toLowerCase());
}

/** What of the source's visible text is missing from the page's text (empty when nothing is lost). */
export function missingText(sourceBody: string, pageText: string): { han: string[]; words: string[] } {
  const visible = visibleSourceText(sourceBody);
  const compactPage = pageText.replace(/\s+/g, "");
  const pageWords = new Set(latinWords(pageText));
  const han = [...new Set(hanRuns(visible))].filter((run) => !compactPage.includes(run));
  const words = [...new Set(latinWords(visible))].filter((w) => !pageWords.has(w));
  return { han, words };
}
