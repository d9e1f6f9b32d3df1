/**
 * The label of every original is drawn by the style sheet (one rule per language, found by the hidden
 * label that names the summary: aria-labelledby="ol-<language>") instead of being repeated in each
 * passage's <summary>: the rules must say what _data/ui.json's originalLabel says.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import test from "node:test";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "../..");
const css = readFileSync(path.join(root, "assets/site.css"), "utf8");
const ui = JSON.parse(readFileSync(path.join(root, "_data/ui.json"), "utf8")) as { originalLabel: Record<string, string>; printNote: Record<string, string>; view: { modes: string[] } };

/** The label site.css gives the summary of an original in `lang` (or of any other language). */
function cssLabel(lang: string | undefined): string | undefined {
  const selector = lang === undefined ? String.raw`\.t > details > summary::after` : String.raw`\.t > details > summary\[aria-labelledby="ol-${lang}"\]::after`;
  return new RegExp(`^${selector} \\{ content: "([^"]*)"; \\}$`, "m").exec(css)?.[1];
}

test("site.css labels each original as ui.json's originalLabel does, by language", () => {
  for (const [lang, label] of Object.entries(ui.originalLabel)) {
    assert.equal(cssLabel(lang === "other" ? undefined : lang), label, `the label of an original in '${lang}': edit assets/site.css with _data/ui.json`);
  }
});

test("every language site.css labels is one ui.json names", () => {
  const langs = [...css.matchAll(/^\.t > details > summary\[aria-labelledby="ol-([^"]+)"\]::after/gm)].map((m) => m[1]);
  assert.deepEqual(langs.sort(), Object.keys(ui.originalLabel).filter((l) => l !== "other").sort());
});

test("site.css prints each view mode's note as ui.json's printNote says it, for bilingual posts only", () => {
  assert.deepEqual(Object.keys(ui.printNote).sort(), [...ui.view.modes].sort(), "a note for every mode");
  for (const [mode, note] of Object.entries(ui.printNote)) {
    const rule = new RegExp(String.raw`^  (?:[^{}\n]*, )?html\[data-view="${mode}"\]:not\(\[data-monolingual\]\) \.transcript::before \{ content: "([^"]*)"; \}$`, "m").exec(css);
    assert.equal(rule?.[1], note, `the note of '${mode}': edit assets/site.css with _data/ui.json`);
  }
  // No saved mode yet: the default one's note.
  assert.match(css, new RegExp(String.raw`html:not\(\[data-view\]\):not\(\[data-monolingual\]\) \.transcript::before, html\[data-view="${ui.view.modes[0]}"\]`));
});
