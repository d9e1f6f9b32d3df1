/**
 * One passage's HTML: its translation (in the page's language, inherited from <html>), then its
 * original as a native <details>. `_includes/post.njk` walks the sections and their passages and
 * writes each with this function (its `passage` filter).
 *
 * Why not a Nunjucks macro (it was one, `partials/turn.njk`): an archive has millions of passages,
 * and a macro call with two inner loops cost 7.5% of a 9,000-post build's CPU time beyond the text it
 * rendered (binding the arguments and eight loop variables per iteration); this function writes the
 * same bytes for a fraction of that. Pure: the same passage gives the same HTML.
 *
 * A long post has hundreds of passages, so their markup is lean (assets/site.css names each part),
 * with a line break only between blocks of text (so that no text extraction joins the words on either side):
 *   .t        the passage (id t-N, its permalink; data-s: its speaker's colour slot, inherited by both
 *             labels; none for slot 0, the default colour)
 *   .t > div  its translation
 *   .sp       a speaker label: a <b> (attention without importance; the shortest element for an
 *             archive's half a million labels)
 *   .sb       a paragraph that starts with a change of speaker (>>)
 *   details   its original (the only <details> of a passage), in the page's language like its summary;
 *             each paragraph of the original carries the original's language. Its label comes from
 *             the CSS (one rule per label, from ui.json's originalLabel), so the summary is empty; its
 *             accessible name is the page's one hidden label of that language (#ol-en, #ol-zh-CN,
 *             #ol-other), which also picks the CSS rule
 *   data-name the speaker's name on an original that has no label of its own ("original only" shows it)
 * A passage's permalink "#" (`.t > div > a`, named by the page's one hidden label #tl) is added by
 * assets/reader.js: the same link on every passage of every post is 18 MB of a 9,000-post archive's
 * markup, and the id it links to is in the page.
 */
import type { Block, Turn } from "../transcript/model.js";
import { markTerms } from "./glossary.js";
import { renderInline } from "./inline.js";

/** The UI strings a passage uses (`_data/ui.json`). */
export interface PassageLabels {
  /** Shown for a passage with an original and no translation. */
  noTranslation: string;
  /** Shown for an original block with no text. */
  emptyOriginal: string;
  /** Original labels by language; a language without one is labelled by `other`. */
  originalLabel: Readonly<Record<string, string>>;
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "\\": "&#92;" };
const ESCAPED = /[&"'<>\\]/;
const ESCAPED_ALL = new RegExp(ESCAPED.source, "g");

/** Text for HTML text or a quoted attribute value, escaped as the templates' autoescaping does. */
export function escapeHtml(text: string): string {
  return ESCAPED.test(text) ? text.replace(ESCAPED_ALL, (c) => ESCAPES[c]!) : text;
}

/**
 * The paragraphs of a translation or an original, one line each: the first with `first`'s attributes
 * and label, the others with `rest` (attributes).
 */
function paragraphs(blocks: readonly Block[], first: (block: Block) => [attributes: string, label: string], body: (block: Block) => string, rest = ""): string {
  let out = "";
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const [attributes, label] = i === 0 ? first(block) : [rest, ""];
    out += `${i > 0 ? "\n" : ""}<p${block.speakerBreak ? ' class="sb"' : ""}${attributes}>${label}${body(block)}</p>`;
  }
  return out;
}

/**
 * A passage's HTML. `slots` gives each speaker's colour slot (speakers.ts), `labels` the UI strings
 * (in the page's language, which the passage inherits from <html>).
 */
export function passageHtml(turn: Turn, slots: Readonly<Record<string, number>>, labels: PassageLabels): string {
  const id = escapeHtml(turn.id);
  const speaker = turn.speaker ? escapeHtml(turn.speaker) : "";
  const slot = turn.speaker ? slots[turn.speaker] : undefined;
  const speakerLabel = speaker ? `<b class="sp">${speaker}：</b>` : "";
  let out = `<div class="t" id="${id}"${slot ? ` data-s="${slot}"` : ""}><div>`;
  out +=
    turn.translation.length > 0
      ? paragraphs(turn.translation, () => ["", speakerLabel], (b) => markTerms(renderInline(b.text)))
      : `<p class="missing">${speakerLabel}${escapeHtml(labels.noTranslation)}</p>`;
  out += "</div>";
  const original = turn.original;
  if (original) {
    const labelled = labels.originalLabel[original.lang] ? original.lang : "other";
    const originalLang = ` lang="${escapeHtml(original.lang)}"`;
    out += `\n<details><summary aria-labelledby="ol-${escapeHtml(labelled)}"></summary>`;
    out +=
      original.blocks.length > 0
        ? paragraphs(
            original.blocks,
            () => [
              `${originalLang}${speaker && !original.speaker ? ` data-name="${speaker}"` : ""}`,
              original.speaker ? `<b class="sp">${escapeHtml(original.speaker)}:</b> ` : "",
            ],
            (b) => renderInline(b.text),
            originalLang,
          )
        : `<p class="missing">${escapeHtml(labels.emptyOriginal)}</p>`;
    out += "</details>";
  }
  return `${out}</div>`;
}
