import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeHtml, passageHtml, type PassageLabels } from "../../src/render/passage.js";
import type { Block, Turn } from "../../src/transcript/model.js";

const labels: PassageLabels = { noTranslation: "（无译文）", emptyOriginal: "（原文为空）", originalLabel: { en: "英文原文", "zh-CN": "中文原文", other: "原文" } };
const block = (text: string, speakerBreak = false): Block => ({ text, speakerBreak, line: 1 });

test("a passage: its translation with speaker label and colour slot, its original in its language with its language's label, no permalink (reader.js adds it)", () => {
  const turn: Turn = { id: "t-3", speaker: "Ilya", translation: [block("我认为**泛化**很重要。")], original: { blocks: [block("I think generalization matters.")], lang: "en", line: 2 }, line: 1 };
  assert.equal(
    passageHtml(turn, { Ilya: 2 }, labels),
    '<div class="t" id="t-3" data-s="2"><div><p><b class="sp">Ilya：</b>我认为<strong>泛化</strong>很重要。</p></div>\n' +
      '<details><summary aria-labelledby="ol-en"></summary><p lang="en" data-name="Ilya">I think generalization matters.</p></details></div>',
  );
});

test("slot 0 (the default colour) and no speaker write no data-s; a passage without an original has no details", () => {
  const turn: Turn = { id: "t-1", speaker: "A", translation: [block("你好")], line: 1 };
  assert.equal(passageHtml(turn, { A: 0 }, labels), '<div class="t" id="t-1"><div><p><b class="sp">A：</b>你好</p></div></div>');
  const narration: Turn = { id: "t-2", translation: [block("旁白")], line: 1 };
  assert.equal(passageHtml(narration, {}, labels), '<div class="t" id="t-2"><div><p>旁白</p></div></div>');
});

test("several paragraphs: one per line, the speaker label on the first only, a change of speaker marked", () => {
  const turn: Turn = {
    id: "t-4",
    speaker: "B",
    translation: [block("一"), block("二", true)],
    original: { blocks: [block("One"), block("Two", true)], speaker: "Host", lang: "en", line: 3 },
    line: 1,
  };
  const html = passageHtml(turn, { B: 1 }, labels);
  assert.match(html, /<div><p><b class="sp">B：<\/b>一<\/p>\n<p class="sb">二<\/p><\/div>/);
  // The original has a label of its own, so no data-name; its label is the original's, in its own form;
  // each of its paragraphs is in its language.
  assert.match(html, /<summary aria-labelledby="ol-en"><\/summary><p lang="en"><b class="sp">Host:<\/b> One<\/p>\n<p class="sb" lang="en">Two<\/p><\/details><\/div>$/);
});

test("a passage with no translation or an empty original says so, and a language without a label of its own uses the other label", () => {
  const turn: Turn = { id: "t-5", speaker: "C", translation: [], original: { blocks: [], lang: "ja", line: 2 }, line: 1 };
  assert.equal(
    passageHtml(turn, {}, labels),
    '<div class="t" id="t-5"><div><p class="missing"><b class="sp">C：</b>（无译文）</p></div>\n' +
      '<details><summary aria-labelledby="ol-other"></summary><p class="missing">（原文为空）</p></details></div>',
  );
});

test("speaker names and labels are escaped as the templates escape text; the passage text is the inline renderer's sanitised HTML", () => {
  assert.equal(escapeHtml(`a&b "c" 'd' <e> \\f`), "a&amp;b &quot;c&quot; &#39;d&#39; &lt;e&gt; &#92;f");
  const turn: Turn = { id: "t-6", speaker: `<i>"X"</i>`, translation: [block("<script>alert(1)</script>文本")], original: { blocks: [block("text")], lang: "en", line: 2 }, line: 1 };
  const html = passageHtml(turn, {}, labels);
  assert.ok(html.includes('<b class="sp">&lt;i&gt;&quot;X&quot;&lt;/i&gt;：</b>'), html);
  assert.ok(html.includes(' data-name="&lt;i&gt;&quot;X&quot;&lt;/i&gt;"'), html);
  assert.ok(!html.includes("<script>"), html);
});

test("escaping holds for every text in a row (no state is kept between calls)", () => {
  const names = ["A&B", "C&D", "<E>", "F\"G", "plain", "H'I"];
  assert.deepEqual(names.map(escapeHtml), ["A&amp;B", "C&amp;D", "&lt;E&gt;", "F&quot;G", "plain", "H&#39;I"]);
  assert.deepEqual(names.map(escapeHtml), ["A&amp;B", "C&amp;D", "&lt;E&gt;", "F&quot;G", "plain", "H&#39;I"]);
});
