/**
 * Lean fragments (src/search/fragments.ts): the words the search page works out from a post page
 * (assets/search-content.js) are exactly those Pagefind stores, for tricky HTML and for every real
 * post; the build leaves the text out of a fragment only then, and keeps it otherwise.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { expectedTextHash, leanFragments, pagefindWords, readFragment } from "../../src/search/fragments.js";
import { indexedHtml } from "../../src/search/page-text.js";
import { corpusSite, tempDir } from "../helpers.js";

const tmp = tempDir("lean-fragments");

after(() => pagefind.close());

/** Pagefind's stored words for each page given (url → HTML), from the fragments it writes. */
async function storedWords(pages: Map<string, string>, folder: string): Promise<Map<string, string[]>> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  assert.ok(index, errors.join("; "));
  for (const [url, content] of pages) {
    const r = await index.addHTMLFile({ url, content });
    assert.deepEqual(r.errors, []);
  }
  const written = await index.writeFiles({ outputPath: folder });
  assert.deepEqual(written.errors, []);
  const out = new Map<string, string[]>();
  for (const f of readdirSync(path.join(folder, "fragment"))) {
    const fragment = readFragment(path.join(folder, "fragment", f));
    out.set(fragment.url, fragment.content ? fragment.content.split(" ") : []);
  }
  return out;
}

const page = (body: string): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><nav>menu</nav><main data-pagefind-body>${body}</main><footer>foot</footer></body></html>`;

// HTML of the kinds post pages hold, and some they may come to hold. (Post pages are well-formed:
// their Markdown's HTML is sanitized. Pagefind's parser reads unclosed elements its own way; such a
// page would keep its text, as any page whose words come out otherwise does.)
const TRICKY: Record<string, string> = {
  "/blocks/": "<h1>Title</h1><p>Ends with a letter</p><p>Ends with a digit 4</p><p>(paren)</p><p>“quoted”</p><p>no stop.</p><div>div text</div><ul><li>one</li><li>two 2</li></ul><table><tr><td>cell</td><td>cell?</td></tr></table>",
  "/inline/": "<p>in<b>line</b> <em>words</em><a href='#x'>link</a>, <code>co</code>de, <span>a</span><span>b</span> x<sup>2</sup></p><p>line<br>break<br/>again</p>",
  "/entities/": "<p>a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x4E2D;&#25991; non&nbsp;breaking &unknown</p>",
  "/ignored/": "<p>kept <span data-pagefind-ignore>gone</span> <span data-pagefind-ignore=\"all\">all gone</span> <span data-pagefind-filter=\"tag\" data-pagefind-ignore>tagged</span></p><label>label</label><form><p>form</p></form><script>var x = 1;</script><style>p{}</style><nav>inner nav</nav><footer>inner foot</footer><template><p>t</p></template><svg><text>s</text></svg>",
  "/anchors/": "<section id=\"s-1\"><h2 id=\"s-1-title\">Section one</h2><div class=\"t\" id=\"t-1\"><p>First turn</p><a href=\"#t-1\" data-pagefind-ignore>#</a></div><div id=\"with space\">spaced id</div></section><h3 data-pagefind-weight=\"3\">weighted</h3>",
  "/chinese/": "<h1>泛化 化能 能力 力 的故 故事 事</h1><p>模型 型的 的泛 泛化 化 ， Python 很重 重要 要 。</p><p>“ 引号 号 ” （ Value Function ）</p>",
  "/void/": "<p>before<img src=\"x.png\" alt=\"alt text\">after <input value=\"v\"> end</p><hr><p>next <wbr>word</p>",
  "/comments/": "<p>a<!-- hidden <p>not a tag</p> -->b</p><p>c <!----> d</p>",
};

test("the words worked out from HTML are the words Pagefind stores: blocks, inline tags, entities, ignored and removed elements, anchors, Chinese", async () => {
  const pages = new Map(Object.entries(TRICKY).map(([url, body]) => [url, page(body)]));
  const stored = await storedWords(pages, path.join(tmp, "tricky"));
  for (const [url, html] of pages) {
    assert.deepEqual(pagefindWords(html), stored.get(url), url);
  }
});

test("every real post's page gives the words Pagefind stores (the Chinese-only posts too)", async () => {
  const { site } = corpusSite("more");
  const pages = new Map<string, string>();
  for (const id of readdirSync(path.join(site, "posts"))) {
    const html = indexedHtml(readFileSync(path.join(site, "posts", id, "index.html"), "utf8"));
    if (html !== undefined) pages.set(`/posts/${id}/`, html);
  }
  assert.ok(pages.size >= 30, `posts: ${pages.size}`);
  const stored = await storedWords(pages, path.join(tmp, "more"));
  for (const [url, html] of pages) assert.deepEqual(pagefindWords(html), stored.get(url), url);
});

test("a production build leaves every real post's text out of its fragment", () => {
  const { site } = corpusSite("repo");
  const folders = readdirSync(site).filter((d) => /^pagefind(?:-\d+)?$/.test(d));
  assert.ok(folders.length > 1, "the corpus is indexed in parts");
  let n = 0;
  for (const folder of folders) {
    for (const f of readdirSync(path.join(site, folder, "fragment"))) {
      const fragment = readFragment(path.join(site, folder, "fragment", f));
      assert.equal(fragment.content, "", `${folder}/${f} (${fragment.url}) keeps its text`);
      n++;
    }
  }
  assert.ok(n >= 59, `fragments: ${n}`);
});

test("leanFragments keeps the text of a page whose words would come out otherwise, and says which", async () => {
  // Named entities beyond the few the templates write are not decoded by the search page, where
  // Pagefind decodes them all: such a page keeps its text.
  const pages = new Map([
    ["/a/", page("<p>alpha words</p>")],
    ["/b/", page("<p>beta &copy; words</p>")],
  ]);
  const folder = path.join(tmp, "keep");
  mkdirSync(folder);
  const stored = await storedWords(pages, folder);
  assert.notDeepEqual(pagefindWords(pages.get("/b/") ?? ""), stored.get("/b/"));
  const expected = new Map([...pages].map(([url, html]) => [url, expectedTextHash(html)]));
  const report = leanFragments(folder, expected);
  assert.equal(report.lean, 1);
  assert.deepEqual(report.kept, ["/b/"]);
  assert.ok(report.after < report.before);
  const after = new Map(readdirSync(path.join(folder, "fragment")).map((f) => {
    const fragment = readFragment(path.join(folder, "fragment", f));
    return [fragment.url, fragment] as const;
  }));
  assert.equal(after.get("/a/")?.content, "");
  assert.equal(after.get("/b/")?.content, stored.get("/b/")?.join(" "), "kept as Pagefind stored it");
  assert.deepEqual(Object.keys(after.get("/a/") ?? {}).sort(), ["anchors", "content", "filters", "meta", "url", "word_count"], "the rest of the fragment as it was");
});
