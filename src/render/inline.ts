/**
 * Renders one paragraph of inline source (Markdown inline syntax + the inline tags real posts use)
 * to safe HTML. markdown-it does the Markdown; sanitize-html removes anything that is not plain
 * inline formatting (scripts, event handlers, styles, javascript: URLs), keeping its text.
 */
import MarkdownIt from "markdown-it";
import markdownItAttrs from "markdown-it-attrs";
import sanitizeHtml from "sanitize-html";

/** The inline tags a post may keep, with the attributes each may carry. */
const ALLOWED_TAGS = ["a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u"];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ["href", "title", "class"], abbr: ["title"], span: ["class"], "*": ["lang"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  // Disallowed tags are dropped but their text kept, even for <script> and <style>: the text is
  // escaped on output, so it is shown as words, never run (DESIGN 3.5: keep the text content).
  disallowedTagsMode: "discard",
  nonTextTags: [],
};

const OPTIONS = { html: true, linkify: false, typographer: false, breaks: false } as const;

/** markdown-it without plugins: most paragraphs have no `{: … }` attribute block, and the plugin's scan is costly. */
const plain = new MarkdownIt(OPTIONS);

/** The markdown-it instance with markdown-it-attrs (configured once per process). */
export const markdown = new MarkdownIt(OPTIONS).use(markdownItAttrs, {
  // `{: .class}` rather than `{.class}`: plain braces occur in transcript prose and must stay text.
  leftDelimiter: "{:",
  rightDelimiter: "}",
  allowedAttributes: ["class", "lang"],
});

// Characters that can start Markdown inline syntax, an entity, raw HTML or an attribute block.
const MARKUP = /[*_`[\]!<&\\~{]/;
const ESCAPES: Record<string, string> = { ">": "&gt;", '"': "&quot;" };

// Elements whose content HTML parsers read as raw text: markdown-it escapes it, and the sanitizer,
// seeing raw text, would escape it a second time. Their tags go; their words stay text.
const RAW_TEXT_TAG = /<\/?(?:script|style|textarea|title|xmp|noscript|noembed|noframes|plaintext)\b[^>]*>/gi;

function dropRawTextTags(source: string): string {
  // Repeat: `<scr<script>ipt>` becomes `<script>` once the inner tag is removed.
  let previous;
  do {
    previous = source;
    source = source.replace(RAW_TEXT_TAG, "");
  } while (source !== previous);
  return source;
}

/** Render inline source to safe HTML. */
export function renderInline(rawSource: string): string {
  const source = rawSource.includes("<") ? dropRawTextTags(rawSource) : rawSource;
  // Plain prose (most English originals) needs no parser: escaping what markdown-it would escape gives the same HTML.
  if (!MARKUP.test(source)) return source.replace(/[>"]/g, (c) => ESCAPES[c]!);
  const html = (source.includes("{:") ? markdown : plain).renderInline(source);
  // Raw HTML can only enter markdown-it's output through a '<' in the source; without one, the
  // output is markdown-it's own escaped markup and validated links, so the sanitizer is skipped.
  return source.includes("<") ? sanitizeHtml(html, SANITIZE) : html;
}

/** Plain text of inline source (for titles, descriptions and search excerpts). */
export function inlineToText(source: string): string {
  return sanitizeHtml(markdown.renderInline(source.replace(/<br\s*\/?>/gi, " ")), { allowedTags: [], allowedAttributes: {}, nonTextTags: [] })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
