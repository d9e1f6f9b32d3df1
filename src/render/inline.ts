/**
 * Renders one paragraph of inline source (Markdown inline syntax + the inline tags real posts use)
 * to safe HTML. markdown-it does the Markdown; sanitize-html is the one allowlist every fragment
 * meets.
 *
 * Policy:
 * - Text is never dropped. A raw tag is kept only when it is an allowed inline element (ALLOWED_TAGS);
 *   the presentational tags real posts carry (`<font>`, `<center>`, …: DROPPED_TAGS) lose the tag and
 *   keep their text; anything else — `Option<T>`, `<think>`, `<eos>`, and `<script>`, `<iframe>`,
 *   `<style>`, `<img>` too — is shown as the characters the author typed (escaped), never parsed.
 *   HTML comments are hidden, as everywhere in a post.
 * - Nothing remote: content gives no images. Markdown image syntax is switched off (`![alt](url)`
 *   reads as `!` and a link to the URL, which loads nothing until followed), and `<img>` is text.
 * - Links: only absolute `http:`, `https:` and `mailto:` URLs, and `#fragment` links within the page
 *   (isSafeUrl). No `javascript:`, `data:`, protocol-relative (`//host`, `/\host`) or relative URLs:
 *   a Markdown link with another URL stays text as typed; a raw `<a>` with one loses its `href`.
 * - Attributes content may set: `lang` on any allowed element (raw or `{: lang=en}`), `href` and
 *   `title` on `<a>`, `title` on `<abbr>`. Never `class`, `id` or `style`, so content cannot take
 *   the site's own classes (`skip-link`, `speaker`, `turn-link`, `term`…).
 *
 * The sanitizer is skipped only where it provably changes nothing (the fast paths in renderInline,
 * checked against `renderInlineFull` over generated inputs in test/unit/inline-safety.test.ts).
 */
import MarkdownIt from "markdown-it";
import markdownItAttrs from "markdown-it-attrs";
import markdownItCjkFriendly from "markdown-it-cjk-friendly";
import sanitizeHtml from "sanitize-html";
import { decodeHTML } from "entities";
import { stripControlChars } from "../control-chars.js";

/** The inline tags a post may keep. */
const ALLOWED_TAGS = ["a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u"];
const ALLOWED = new Set(ALLOWED_TAGS);
/** Presentational tags of real (pipeline-produced) posts: the tag is dropped, its text kept. */
const DROPPED = new Set(["font", "center", "big", "tt", "strike", "nobr", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6"]);

/** The only link targets content may have (see the policy above). */
export function isSafeUrl(url: string): boolean {
  if (url.startsWith("#")) return !/[\s\u0000-\u001f\\]/.test(url);
  // A literal `https://host`, `http://host` or `mailto:`: no leading blanks, no backslashes or
  // control characters a browser would read as slashes or strip (`https:/\host`, `java\tscript:`).
  if (!/^(?:https?:\/\/[^/\\\s]|mailto:[^\s])/i.test(url) || /[\s\u0000-\u001f\u007f\\]/.test(url)) return false;
  try {
    const protocol = new URL(url).protocol;
    return protocol === "http:" || protocol === "https:" || protocol === "mailto:";
  } catch {
    return false;
  }
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ["href", "title"], abbr: ["title"], "*": ["lang"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => {
      if (attribs.href === undefined || isSafeUrl(attribs.href)) return { tagName, attribs };
      const { href: _refused, ...rest } = attribs;
      return { tagName, attribs: rest };
    },
  },
  // Defence in depth: the renderer below already escapes every raw tag that is not allowed, so the
  // sanitizer only ever sees allowed tags; were another to slip through, it would show as text.
  disallowedTagsMode: "escape",
  nonTextTags: [],
  // markdown-it escapes `"` in text and sanitize-html does not: one form, so both paths agree byte for byte.
  textFilter: (text) => text.replace(/"/g, "&quot;"),
};

const OPTIONS = { html: true, linkify: false, typographer: false, breaks: false, xhtmlOut: true } as const;

type MarkdownInstance = ReturnType<typeof MarkdownIt>;

/** What the renderer tells the caller about a fragment. */
// A type alias, not an interface: markdown-it's Env is an index signature, which aliases satisfy.
type RenderEnv = {
  /** A raw allowed tag was copied into the output, so the sanitizer must check its attributes. */
  raw: boolean;
};

/** The settings both instances share: CJK-friendly emphasis, no images, safe links only, raw tags per the policy. */
function configure(md: MarkdownInstance): MarkdownInstance {
  // CommonMark's delimiter rules take CJK punctuation for ordinary punctuation, so `叫做**《低于零》**。`
  // stays literal `**`; the CJK-friendly amendment makes it bold (a quarter of real posts need it).
  md.use(markdownItCjkFriendly);
  md.disable("image");
  md.validateLink = isSafeUrl;
  const escape = md.utils.escapeHtml;
  md.renderer.rules.html_inline = (tokens, idx, _options, env) => {
    const content = tokens[idx]!.content;
    const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(content)?.[1]?.toLowerCase();
    if (name !== undefined && ALLOWED.has(name)) {
      if (env) env.raw = true;
      return content;
    }
    if ((name !== undefined && DROPPED.has(name)) || content.startsWith("<!--")) return "";
    return escape(content);
  };
  return md;
}

/** markdown-it without plugins: most paragraphs have no `{: … }` attribute block, and the plugin's scan is costly. */
const plain = configure(new MarkdownIt(OPTIONS));

/** The markdown-it instance with markdown-it-attrs (configured once per process). */
export const markdown = configure(new MarkdownIt(OPTIONS)).use(markdownItAttrs, {
  // `{: .class}` rather than `{.class}`: plain braces occur in transcript prose and must stay text.
  leftDelimiter: "{:",
  rightDelimiter: "}",
  allowedAttributes: ["lang"],
});

// Characters that can start Markdown inline syntax, an entity, raw HTML or an attribute block, and
// blanks next to a line break (markdown-it trims them, or makes a hard break of two spaces).
const MARKUP = /[*_`[\]!<&\\~{]|[ \t]\n|\n[ \t]/;
const ESCAPES: Record<string, string> = { ">": "&gt;", '"': "&quot;" };

function markdownOf(source: string, env: RenderEnv): string {
  return (source.includes("{:") ? markdown : plain).renderInline(source, env);
}

/** Render inline source to safe HTML. */
export function renderInline(rawSource: string): string {
  let html = recent.get(rawSource);
  if (html === undefined) {
    // A page renders its paragraphs, then the glossary renders again those that hold terms: the last
    // page's worth of results is kept (cleared when full; the result depends on the text alone).
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(rawSource, (html = renderInlineOnce(rawSource)));
  }
  return html;
}

const recent = new Map<string, string>();
const RECENT_MAX = 4096;

function renderInlineOnce(rawSource: string): string {
  const source = stripControlChars(rawSource);
  // Plain prose (most English originals) needs no parser: escaping what markdown-it would escape gives the same HTML.
  if (!MARKUP.test(source)) return source.replace(/[>"]/g, (c) => ESCAPES[c]!);
  const env: RenderEnv = { raw: false };
  const html = markdownOf(source, env);
  // Without a raw tag, the output is markdown-it's own markup (allowed tags, `lang` only, links that
  // passed isSafeUrl) around escaped text, which the sanitizer returns unchanged.
  return env.raw ? stripControlChars(sanitizeHtml(html, SANITIZE)) : html;
}

/** renderInline with every step applied, no fast path: what the fast paths must equal (for tests). */
export function renderInlineFull(rawSource: string): string {
  return stripControlChars(sanitizeHtml(markdownOf(stripControlChars(rawSource), { raw: false }), SANITIZE));
}

/** Plain text of inline source (for titles, descriptions and search excerpts). */
export function inlineToText(source: string): string {
  const html = markdown.renderInline(stripControlChars(source).replace(/<br\s*\/?>/gi, " "), { raw: false });
  return stripControlChars(decodeHTML(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: [] })));
}
