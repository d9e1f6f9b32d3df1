/**
 * Issue 15, items 3 and 4: rendered post text never drops words (anything that is not an allowed
 * element stays visible as text), loads nothing remote, takes none of the site's classes, and every
 * fragment meets the same allowlist (the fast paths give exactly what the sanitizer gives).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "node-html-parser";
import { inlineToText, isSafeUrl, renderInline, renderInlineFull } from "../../src/render/inline.js";

/** What a reader sees of rendered HTML. */
const textOf = (html: string): string => parse(html).text;

/** Elements, attributes and URLs that must never come out of post text. */
function liveParts(html: string): string[] {
  const problems: string[] = [];
  const doc = parse(html);
  for (const el of doc.querySelectorAll("*")) {
    const tag = el.rawTagName.toLowerCase();
    if (["script", "style", "iframe", "img", "svg", "object", "embed", "form", "math", "base", "meta", "link", "video", "audio", "source", "picture", "image"].includes(tag)) problems.push(`<${tag}>`);
    for (const [name, value] of Object.entries(el.attributes)) {
      const lower = name.toLowerCase();
      if (!["href", "title", "lang"].includes(lower)) problems.push(`<${tag} ${name}>`);
      if (lower === "href" && !/^(https?:\/\/[^/\\]|mailto:|#)/i.test(value)) problems.push(`<${tag} href="${value}">`);
    }
  }
  return problems;
}

test("words in angle brackets stay visible: Option<T>, vector<int>, <think>, <eos>, <Tab>", () => {
  const source = "Rust 的 Option<T> 和 C++ 的 vector<int>，模型先输出 <think>，再以 <eos> 结束，按 <Tab> 补全；List<Map> 与 Box<dyn Error>。";
  const html = renderInline(source);
  assert.equal(textOf(html), source);
  assert.equal(inlineToText(source), source);
  for (const word of ["<think>", "</think>", "<eos>", "<|endoftext|>", "<s>x</s>"]) assert.ok(textOf(renderInline(`a ${word} b`)).includes(word.replace(/<\/?s>/g, "")), word);
  assert.equal(textOf(renderInline("<think>推理过程</think>答案")), "<think>推理过程</think>答案");
});

test("dangerous elements never become live, and their words stay as the text typed", () => {
  const cases = [
    '<script>alert("x")</script>',
    "<scr<script>ipt>alert(18)</script>",
    "<style>body{display:none}</style>",
    '<iframe src="https://evil.example">框内字</iframe>',
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(2)><circle/></svg>",
    '<object data="javascript:alert(3)"></object>',
    '<a href="javascript:alert(4)" onclick="x()">坏链接</a>',
    "<math><mi xlink:href=\"javascript:alert(5)\">m</mi></math>",
    '<base href="https://evil.example/">',
    "<textarea><script>alert(6)</script></textarea>",
    "<noscript><img src=x onerror=alert(7)></noscript>",
  ];
  for (const c of cases) {
    const html = renderInline(`前 ${c} 后`);
    assert.deepEqual(liveParts(html), [], `${c} → ${html}`);
    assert.equal(liveParts(renderInlineFull(`前 ${c} 后`)).length, 0, c);
    // The text of the source survives: every run of letters, digits or CJK characters is on the page.
    const text = textOf(html);
    // (An allowed <a> keeps its tag, so only its text is text.)
    const source = c.startsWith("<a ") ? textOf(c) : c;
    for (const word of source.match(/[\p{L}\p{N}]+/gu) ?? []) assert.ok(text.includes(word), `${word} lost from ${c}: ${text}`);
    assert.doesNotMatch(html, /&amp;(lt|gt|quot);/, `escaped twice: ${html}`);
  }
  // Presentational tags of real posts lose the tag and keep their text.
  assert.equal(renderInline('<font color="red">红</font> <center>中</center>'), "红 中");
});

test("code spans keep their text: tags and comments between backticks are code, not markup", () => {
  assert.equal(renderInline("写 `<script>` 和 `<!--` 以及 `<details>`"), "写 <code>&lt;script&gt;</code> 和 <code>&lt;!--</code> 以及 <code>&lt;details&gt;</code>");
  assert.equal(textOf(renderInline("``<style>p{}</style>``")), "<style>p{}</style>");
});

test("content loads nothing remote: no images, no data: or protocol-relative URLs", () => {
  const image = renderInline("看 ![t](https://evil.example/p.gif) 图");
  assert.doesNotMatch(image, /<img/i);
  assert.equal(image, '看 !<a href="https://evil.example/p.gif">t</a> 图', "an image is a link to its URL, loaded only if followed");
  const data = renderInline("![d](data:image/png;base64,iVBORw0KGgo=) 与 [d2](data:text/html,x)");
  assert.doesNotMatch(data, /<img|<a|data:[^)]*"/i);
  assert.equal(textOf(data), "![d](data:image/png;base64,iVBORw0KGgo=) 与 [d2](data:text/html,x)", "refused links stay as the text typed");
  for (const url of ["//evil.example", "/\\evil.example", "\\\\evil.example", "///evil.example", "/posts/x/", "../x", "x.html", "javascript:alert(1)", "JAVASCRIPT:alert(1)", "vbscript:x", "https:/\\evil.example", "https:evil.example", "file:///etc/passwd"]) {
    for (const html of [renderInline(`[x](${url})`), renderInline(`<a href="${url}">x</a>`), renderInline(`<a href='${url.replace(/^ /, "&#32;")}'>x</a>`)]) {
      assert.doesNotMatch(html, /href=/, `${url} → ${html}`);
    }
  }
  assert.equal(renderInline('<a href=" https://ok.example">x</a>'), "<a>x</a>", "a browser would strip the blank; the policy does not guess");
  assert.equal(renderInline("<img src=https://evil.example/p.gif>"), "&lt;img src=https://evil.example/p.gif&gt;");
  assert.equal(renderInline("<https://ok.example/a> [m](mailto:a@b.example) [t](#t-3)"), '<a href="https://ok.example/a">https://ok.example/a</a> <a href="mailto:a@b.example">m</a> <a href="#t-3">t</a>');
});

test("isSafeUrl: absolute http(s) and mailto URLs and fragments only", () => {
  for (const ok of ["https://example.org", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG", "mailto:a@b.example", "#t-12"]) assert.ok(isSafeUrl(ok), ok);
  for (const bad of ["", "//e.example", "/\\e.example", "https:/\\e.example", "https://", "https:e.example", "java\tscript:x", "https://e.example/\u0000", "data:image/png;base64,AA", "ftp://e.example", "/rel", "rel", " https://e.example", "#a b"]) assert.ok(!isSafeUrl(bad), JSON.stringify(bad));
});

test("content cannot set the site's classes, ids or styles", () => {
  const cases = [
    "**跳过**{: .skip-link}",
    "**甲**{: .speaker #t-1 style=color:red}",
    '<span class="turn-link">#</span>',
    '<a class="skip-link" id="main" href="https://ok.example">x</a>',
    '<strong class="speaker" data-speaker="1">名</strong>',
    '<span class="term" tabindex="0">t</span>',
  ];
  for (const c of cases) {
    const html = renderInline(c);
    assert.doesNotMatch(html, /\s(class|id|style|tabindex|data-[\w-]+)=/, `${c} → ${html}`);
  }
  assert.equal(renderInline("**x**{: .skip-link lang=en}"), '<strong lang="en">x</strong>', "lang is the one attribute content may set");
});

test("control characters never reach the HTML", () => {
  assert.equal(renderInline("a\u0001b\u007fc\u001bd"), "abcd");
  assert.equal(renderInline("**a\u0000**"), "<strong>a</strong>");
  assert.equal(renderInline('<abbr title="x&#1;&#x7f;y">z</abbr>'), '<abbr title="xy">z</abbr>');
  assert.equal(inlineToText("a\u0002b"), "ab");
});

test("the fast paths give exactly what the full sanitizer path gives (generated inputs)", () => {
  // Pieces of every syntax the renderer knows, so random strings hit links, images, attributes,
  // entities, raw tags, code spans and hard breaks, with and without a '<'.
  const pieces = [
    "**", "*", "_", "__", "`", "``", "~~", "[", "]", "(", ")", "![", "](", "{: .skip-link}", "{: lang=en}", "{:", "}", "\\", "\\\n", "  \n", "\n", " ", "\t",
    "&amp;", "&lt;", "&#1;", "&#x7f;", "&quot;", "&copy;", "&", '"', "'", ">", ">>", "<", "</", "<b>", "</b>", "<br>", "<font color=red>", "</font>",
    "<think>", "<T>", "<script>", "</script>", "<img src=x>", '<a href="//e.example">', '<a href="https://ok.example" class="x">', "</a>", "<!-- c -->", "<!--",
    "https://ok.example/p.gif", "//evil.example", "data:image/png;base64,AA", "javascript:alert(1)", "mailto:a@b.example", "#t-1", "/\\evil", "<https://ok.example>",
    "中文", "English", "（", "）", "\u0001", "\u00a0", "😀",
  ];
  // Whole links and images with every kind of URL, so the generator meets them often.
  for (const url of ["https://ok.example/p.gif", "//evil.example", "/\\evil", "data:image/png;base64,AA", "javascript:alert(1)", "mailto:a@b.example", "#t-1", "/rel", "https:/\\e"]) {
    pieces.push(`[x](${url})`, `![t](${url})`, `[x](${url}){: .speaker lang=en}`);
  }
  let seed = 20250115;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  let checked = 0;
  for (let i = 0; i < 4000; i++) {
    const s = Array.from({ length: 1 + rnd(14) }, () => pieces[rnd(pieces.length)]).join(rnd(3) === 0 ? " " : "");
    assert.equal(renderInline(s), renderInlineFull(s), JSON.stringify(s));
    checked++;
  }
  // And the plain prose of real originals (the no-markup fast path).
  for (const s of ['He said "hi" > there', "a\nb", "plain 中文，句子。", "x 'y' (z)", "tab\there", "100% sure; 3 > 2", "https://example.org/a?b=c", " lead", "trail ", "a  \nb", "a\n  b"]) {
    assert.equal(renderInline(s), renderInlineFull(s), JSON.stringify(s));
    checked++;
  }
  assert.ok(checked > 4000);
});
