/**
 * Issue 15, item 5: control characters (YAML escapes such as `"\0"`, `"\x01"`) never reach a page,
 * the feed or the sitemap. They are removed from every front-matter string, with a warning at the value.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { describeControlChars, hasControlChars, stripControlChars } from "../../src/control-chars.js";
import { readFrontMatter } from "../../src/frontmatter/read.js";

/** XML 1.0's Char production: anything else makes a strict parser reject the document. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

test("the set: C0 controls but tab and newline, DEL and C1, U+FFFE/U+FFFF, lone surrogates; emoji kept", () => {
  assert.equal(stripControlChars("a\u0000b\u0001c\u0008d\u000be\u000cf\u001bg\u007fh\u0085i\ufffej\uffffk\ud800l\udc00m"), "abcdefghijklm");
  assert.equal(stripControlChars("tab\tnew\nline 😀 中文 \u00a0"), "tab\tnew\nline 😀 中文 \u00a0");
  assert.ok(!hasControlChars("😀"));
  assert.equal(describeControlChars("\u0001\u0001\u001b"), "U+0001, U+001B");
  // Whatever is left is valid XML 1.0 text (carriage returns, which XML allows, go too).
  let all = "";
  for (let c = 0; c < 0x10000; c++) all += String.fromCharCode(c);
  assert.doesNotMatch(stripControlChars(all), NOT_XML_CHAR);
});

test("front matter: control characters are removed from every string, with a warning at each value", () => {
  const text = [
    "---",
    'title: "标题\\0\\x01\\x1b[31m红"',
    "date: '2025-01-01'",
    'summary: "摘要\\x7f\\x85"',
    'tags: ["标签\\x02", 正常]',
    'speaker: "说话人\\uFFFE"',
    'series: "\\uD800系列"',
    '"key\\x03": "value\\x04"',
    "---",
    "正文",
    "",
  ].join("\n");
  const r = readFrontMatter(text);
  assert.ok(r.data);
  assert.equal(r.data.title, "标题[31m红");
  assert.equal(r.data.summary, "摘要");
  assert.deepEqual(r.data.tags, ["标签", "正常"]);
  assert.equal(r.data.speaker, "说话人");
  assert.equal(r.data.series, "系列");
  assert.deepEqual(r.extra, { key: "value" });
  const warnings = r.diagnostics.filter((d) => d.rule === "control-character").map((d) => `${d.line}:${d.col} ${d.severity}`);
  assert.deepEqual(warnings, ["2:8 warning", "4:10 warning", "5:8 warning", "6:10 warning", "7:9 warning", "8:1 warning", "8:12 warning"]);
  assert.match(r.diagnostics.find((d) => d.line === 2)?.message ?? "", /U\+0000, U\+0001, U\+001B.*removed/);
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === "error"), []);
  for (const value of [r.data.title, r.data.summary, r.data.speaker, r.data.series, ...r.data.tags]) assert.doesNotMatch(value ?? "", NOT_XML_CHAR);
});

test("front matter without control characters gets no such warning", () => {
  const r = readFrontMatter("---\ntitle: \"Tab\\tand 😀\"\ndate: '2025-01-01'\n---\n");
  assert.equal(r.data?.title, "Tab\tand 😀");
  assert.deepEqual(r.diagnostics, []);
});
