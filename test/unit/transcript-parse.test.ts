/** The transcript parser on small synthetic bodies: format rules, defects, robustness. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isBilingual, type ParseResult, type Turn } from "../../src/transcript/model.js";
import { parseTranscript } from "../../src/transcript/parse.js";
import { findRepetition } from "../../src/transcript/repetition.js";
import { matchBoldLabel, matchPlainLabel } from "../../src/transcript/labels.js";
import { corpusFiles, readCorpus } from "./transcript-helpers.js";
import { growthRatio } from "../complexity.js";

const parse = (lines: string[], lineOffset = 0): ParseResult => parseTranscript(lines.join("\n"), { lineOffset });
const turns = (r: ParseResult): Turn[] => r.transcript.sections.flatMap((s) => s.turns);
const rules = (r: ParseResult): string[] => r.diagnostics.map((d) => `${d.rule}@${d.line}:${d.col}`);
const classic = (en: string): string[] => ["<details>", "<summary>View/Hide Original English</summary>", `<p class="english-text">${en}</p>`, "</details>"];

describe("structure", () => {
  it("empty and blank bodies give an empty transcript", () => {
    for (const body of ["", "\n\n", "\uFEFF", "   \r\n"]) {
      assert.deepEqual(parseTranscript(body), { transcript: { sections: [] }, diagnostics: [] });
    }
  });

  it("pairs translation and original into turns, with file lines", () => {
    const r = parse(["### 标题", "", "你好。", "", ...classic("Hello."), "", "再见。", ...classic("Bye.")], 10);
    const [s] = r.transcript.sections;
    assert.deepEqual([s?.id, s?.heading, s?.level, s?.line], ["s-1", "标题", 3, 11]);
    assert.deepEqual(turns(r).map((t) => [t.id, t.line, t.translation[0]?.text, t.original?.blocks[0]?.text, t.original?.line]), [
      ["t-1", 13, "你好。", "Hello.", 15],
      ["t-2", 20, "再见。", "Bye.", 21],
    ]);
    assert.deepEqual(r.diagnostics, []);
  });

  it("puts turns before the first heading in a lead section s-0", () => {
    const r = parse(["前言。", ...classic("Intro."), "## 二", "正文。", ...classic("Body.")]);
    assert.deepEqual(r.transcript.sections.map((s) => [s.id, s.level, s.heading, s.line]), [["s-0", 0, undefined, 1], ["s-1", 2, "二", 6]]);
  });

  it("reads ##, ####, raw <h3> and closing hashes; ##### and ###X are not headings", () => {
    const r = parse(["## A ##", "#### B", "<h3>C</h3>", "##### D", "###E", ""]);
    assert.deepEqual(r.transcript.sections.map((s) => [s.heading, s.level]), [["A", 2], ["B", 4], ["C", 3]]);
    // No originals anywhere: a Chinese-only body, so the passage lacks nothing.
    assert.deepEqual(rules(r), ["heading-no-space@5:1"]);
    assert.equal(turns(r)[0]?.translation[0]?.text, "##### D\n###E");
  });

  it("a body without any original is monolingual: no original-missing; one original makes every other passage's absence a warning", () => {
    const mono = parse(["### 一", "第一段。", "", "第二段。", "", "### 二", "第三段。"]);
    assert.equal(isBilingual(mono.transcript), false);
    assert.deepEqual(rules(mono), []);
    const lines = ["### 一", "第一段。", "", ...classic("First."), "", "第二段。"];
    const bi = parse(lines);
    assert.equal(isBilingual(bi.transcript), true);
    assert.deepEqual(rules(bi), [`original-missing@${lines.indexOf("第二段。") + 1}:1`]);
  });

  it("handles CRLF and a BOM exactly like LF", () => {
    const lf = ["### 标题", "", "**甲：** 你好。", "", ...classic("Hi.")].join("\n");
    assert.deepEqual(parseTranscript(`\uFEFF${lf.replace(/\n/g, "\r\n")}`), parseTranscript(lf));
  });

  it("reads a one-line classic block and text glued to tags", () => {
    const r = parse(["你好。<details> <summary>View/Hide Original English</summary> <p class=\"english-text\">Hi.</p> </details> 尾巴"]);
    const [t1, t2] = turns(r);
    assert.deepEqual([t1?.translation[0]?.text, t1?.original?.blocks[0]?.text, t2?.translation[0]?.text], ["你好。", "Hi.", "尾巴"]);
    assert.deepEqual(rules(r), ["original-missing@1:103"]);
  });

  it("reads the newer format: Markdown paragraphs with soft line breaks", () => {
    const r = parse(["**主持人**: 你好。", "<details>", "<summary>Original English</summary>", "", "**Host**: Hello", "there.", "", "Second.", "", "</details>"]);
    const t = turns(r)[0];
    assert.equal(t?.speaker, "主持人");
    assert.equal(t?.original?.speaker, "Host");
    assert.deepEqual(t?.original?.blocks.map((b) => [b.text, b.line]), [["Hello\nthere.", 5], ["Second.", 8]]);
  });

  it("splits several <p> and multi-line <p> into blocks", () => {
    const r = parse(["中。", "<details>", "<summary>x Original English</summary>", '<p class="english-text">One', "two</p>", '<p class="english-text">Three</p>', "</details>"]);
    assert.deepEqual(turns(r)[0]?.original?.blocks.map((b) => b.text), ["One\ntwo", "Three"]);
  });

  it("drops HTML comments, single- and multi-line", () => {
    const r = parse(["<!-- chunk 1 -->", "甲<!-- x -->乙", "<!--", "丙", "-->", ...classic("A.")]);
    assert.deepEqual(turns(r)[0]?.translation.map((b) => b.text), ["甲乙"]);
  });

  it("treats a thematic break as a paragraph boundary", () => {
    const r = parse(["甲", "---", "乙", ...classic("A.")]);
    assert.deepEqual(turns(r)[0]?.translation.map((b) => b.text), ["甲", "乙"]);
  });
});

describe("speaker breaks", () => {
  it("splits `>>` lines on the translation side (not blockquotes)", () => {
    const r = parse([">> 甲说。", ">> 乙说。", "接着说。", ...classic("A.")]);
    assert.deepEqual(turns(r)[0]?.translation.map((b) => [b.text, b.speakerBreak, b.line]), [["甲说。", true, 1], ["乙说。\n接着说。", true, 2]]);
  });

  it("splits at `>>` / `&gt;&gt;` after <p> and after <br>, keeping other <br>", () => {
    const r = parse(["中。", "<details>", "<summary>Original English</summary>", '<p class="english-text">>> Hi.<br>there<br/>&gt;&gt; Yo.<br> >> End.</p>', "</details>"]);
    assert.deepEqual(turns(r)[0]?.original?.blocks.map((b) => [b.text, b.speakerBreak]), [["Hi.<br>there", true], ["Yo.", true], ["End.", true]]);
  });

  it("leaves `>>` in the middle of a line as text", () => {
    const r = parse(["中。", ...classic("Yeah. >> Okay.")]);
    assert.equal(turns(r)[0]?.original?.blocks[0]?.text, "Yeah. >> Okay.");
  });
});

describe("speaker labels", () => {
  it("reads **[Name]**: and **[Name]**： like the other bold labels", () => {
    for (const label of ["**[Sal Khan]**:", "**[Sal Khan]**：", "**[Sal Khan]:**"]) assert.deepEqual(matchBoldLabel(`${label} 你好`)?.name, "Sal Khan", label);
    const r = parse(["**[甲]**: 你好。", "", ...classic("**[甲]**: Hi."), "", "**[乙]**：再见。", "", ...classic("**[乙]**: Bye.")]);
    assert.deepEqual(turns(r).map((t) => [t.speaker, t.original?.speaker, t.translation[0]?.text]), [["甲", "甲", "你好。"], ["乙", "乙", "再见。"]]);
    assert.equal(matchBoldLabel("**[1]**: x")?.name, undefined, "a number in brackets is not a person");
  });

  it("a bold label that lost its opening ** is read only for a name the post labels in bold elsewhere, with a warning", () => {
    const lines = ["**主持人**: 第一段。", "", ...classic("**主持人**: First."), "", "第二段。", "", ...classic("主持人**: Second.")];
    const r = parse(lines);
    assert.deepEqual(turns(r).map((t) => t.original?.speaker), ["主持人", "主持人"]);
    assert.equal(turns(r)[1]?.original?.blocks[0]?.text, "Second.");
    assert.deepEqual(rules(r), [`label-unbalanced@${lines.indexOf("<p class=\"english-text\">主持人**: Second.</p>") + 1}:1`]);
    const stranger = parse(["某人**: 这不是标签。", "", ...classic("Not a label.")]);
    assert.equal(turns(stranger)[0]?.speaker, undefined, "no bold label of that name in the post: text");
    assert.deepEqual(rules(stranger), []);
  });

  it("reads the four bold forms", () => {
    for (const label of ["**Ilya:**", "**Ilya：**", "**Ilya**:", "**Ilya**："]) {
      assert.deepEqual(matchBoldLabel(`${label} 你好`), { name: "Ilya", end: label.length + 1 });
    }
  });

  it("rejects glossary terms, prose and overlong labels", () => {
    assert.equal(matchBoldLabel("**泛化**（generalization：指模型…）"), null);
    assert.equal(matchBoldLabel("**我认为，这很重要：**后面"), null);
    assert.equal(matchBoldLabel(`**${"很".repeat(41)}：**x`), null);
    assert.equal(matchBoldLabel("**2024:** 年份"), null);
    assert.equal(matchPlainLabel("http://example.com"), null);
    assert.equal(matchPlainLabel("他说，然后：好"), null);
    assert.deepEqual(matchPlainLabel("主持人：你好"), { name: "主持人", end: 4 });
  });

  it("believes plain labels only when two recur at least 3 times", () => {
    const turn = (who: string, i: number) => [`${who}：第${i}句。`, ...classic(`${who}: line ${i}.`), ""];
    const dialogue = parse([...turn("甲", 1), ...turn("乙", 2), ...turn("甲", 3), ...turn("乙", 4), ...turn("甲", 5), ...turn("乙", 6)]);
    assert.deepEqual(turns(dialogue).map((t) => [t.speaker, t.translation[0]?.text, t.original?.speaker]), [
      ["甲", "第1句。", "甲"], ["乙", "第2句。", "乙"], ["甲", "第3句。", "甲"], ["乙", "第4句。", "乙"], ["甲", "第5句。", "甲"], ["乙", "第6句。", "乙"],
    ]);
    const prose = parse([...turn("例如", 1), ...turn("例如", 2), ...turn("例如", 3)]);
    assert.ok(turns(prose).every((t) => t.speaker === undefined && t.translation[0]?.text.startsWith("例如：")));
  });

  it("keeps a label in a later paragraph of the same turn as text", () => {
    const r = parse(["**甲：** 一。", "", "**乙：** 二。", ...classic("One. Two.")]);
    const t = turns(r)[0];
    assert.equal(t?.speaker, "甲");
    assert.deepEqual(t?.translation.map((b) => b.text), ["一。", "**乙：** 二。"]);
  });
});

describe("defects", () => {
  it("reads each corrupted closing tag as </details>, at its column", () => {
    for (const tag of ["</details", "</details]", "</detais>", "</sdetails>", "</sidetails>", "</text>", "</tought>", "</你>"]) {
      const r = parse(["甲。", "<details>", "<summary>Original English</summary>", '<p class="english-text">A.</p>', `  ${tag}`, "", "乙。", ...classic("B.")]);
      assert.deepEqual(rules(r), ["details-close-corrupt@5:3"], tag);
      assert.match(r.diagnostics[0]?.message ?? "", new RegExp(`\`${tag.replace(/[\]\\[]/g, "\\$&")}\``));
      assert.deepEqual(turns(r).map((t) => [t.translation[0]?.text, t.original?.blocks[0]?.text]), [["甲。", "A."], ["乙。", "B."]], tag);
    }
  });

  it("gives the text after a corrupted tag to the next turn", () => {
    const merged = parse(["甲。", "<details>", "<summary>Original English</summary>", '<p class="english-text">A.</p>', "</所有不同的算法。", "", ...classic("B.")]);
    assert.deepEqual(turns(merged).map((t) => [t.translation[0]?.text, t.translation[0]?.line]), [["甲。", 1], ["所有不同的算法。", 5]]);
    const after = parse(["甲。", "<details>", '<p class="english-text">A.</p>', "</你> Knight 乙。", ...classic("B.")]);
    assert.equal(turns(after)[1]?.translation[0]?.text, "Knight 乙。");
  });

  it("ignores a corrupted tag right before a real </details>", () => {
    const r = parse(["甲。", "<details>", '<p class="english-text">A.</p>', "</text>", "</details>", "乙。", ...classic("B.")]);
    assert.deepEqual(rules(r), ["details-close-corrupt@4:1"]);
    assert.match(r.diagnostics[0]?.message ?? "", /just before `<\/details>`; ignored/);
    assert.equal(turns(r).length, 2);
  });

  it("closes a block left open at the next <details>, a heading, or EOF", () => {
    const nested = parse(["甲。", "<details>", '<p class="english-text">A.', "<details>", '<p class="english-text">B.</p>', "</details>"]);
    assert.deepEqual(rules(nested), ["p-unclosed@3:1", "details-unclosed@4:1", "translation-missing@4:1"]);
    assert.match(nested.diagnostics[1]?.message ?? "", /opened at line 2/);
    const heading = parse(["甲。", "<details>", "A.", "### 二", "乙。", ...classic("B.")]);
    assert.deepEqual(rules(heading), ["details-unclosed@4:1"]);
    assert.deepEqual(heading.transcript.sections.map((s) => s.turns.length), [1, 1]);
    const eof = parse(["甲。", "<details>", "<summary>Original English</summary>", "Truncated", ""]);
    assert.deepEqual(rules(eof), ["details-unclosed@4:10"]);
    assert.equal(turns(eof)[0]?.original?.blocks[0]?.text, "Truncated");
  });

  it("gives Chinese in a summary-less unclosed block back to the translation", () => {
    const r = parse(["甲。", "<details>", "<从最大的角度来看，这是中文。", "", ...classic("A.")]);
    assert.deepEqual(rules(r), ["stray-lt@3:1", "details-unclosed@5:1"]);
    assert.deepEqual(turns(r).map((t) => t.translation.map((b) => b.text)), [["甲。", "<从最大的角度来看，这是中文。"]]);
  });

  it("ignores stray </details>", () => {
    const r = parse(["甲。", "</details>", ...classic("A.")]);
    assert.deepEqual(rules(r), ["details-stray-close@2:1"]);
    assert.equal(turns(r).length, 1);
  });

  it("reports empty originals, missing originals and missing translations", () => {
    const r = parse(["甲。", "<details>", "<summary>View/Hide Original English</summary>", '<p class="english-text"></p>', "</details>", ...classic("B."), "乙。", "### 二"]);
    assert.deepEqual(rules(r), ["original-empty@4:1", "translation-missing@6:1", "original-missing@10:1"]);
    assert.deepEqual(turns(r).map((t) => [t.translation.length, t.original?.blocks.length]), [[1, 0], [0, 1], [1, undefined]]);
  });

  it("skips hidden padding blocks with a warning", () => {
    const r = parse(["甲。", ...classic("A."), "<details style=\"display:none;\">", "<summary>Padding</summary>", "secret", "</details>", "乙。", ...classic("B.")]);
    assert.deepEqual(rules(r), ["hidden-block@6:1"]);
    assert.ok(!JSON.stringify(r.transcript).includes("secret"));
  });

  it("warns about summaries that are not labels, keeping unclosed ones as text", () => {
    const closed = parse(["甲。", "<details>", "<summary>My note: the host asks this.</summary>", "", "A.", "</details>"]);
    assert.deepEqual(rules(closed), ["summary-text@3:10"]);
    const open = parse(["甲。", "<details>", "<summary>Host**: And this is it", "", "</details>"]);
    assert.deepEqual(turns(open)[0]?.original?.blocks.map((b) => b.text), ["Host**: And this is it"]);
    assert.deepEqual(rules(parse(["甲。", "<details>", "<summary>View/Hide Original English</p>", "A.", "</details>"])), []);
  });

  it("warns once per block about runaway repetition, at the run's start", () => {
    const r = parse(["甲。", ...classic(`Sponsor of ${"Take ".repeat(40)}and more ${"go on ".repeat(30)}`)]);
    assert.deepEqual(rules(r), ["repetition@4:36"]);
  });

  it("quotes the first 40 characters of the text at fault, white space collapsed, with … when cut", () => {
    const r = parse(["甲。", "", `<  3 是   小于 ${"a  ".repeat(30)}`, "", ...classic("Three is less.")]);
    const messages = r.diagnostics.map((d) => d.message);
    assert.ok(messages[0]?.includes('("< 3 是 小于 a a a a a a a a a a a a a a a a…")'), messages[0]);
    assert.ok(messages[1]?.includes(`("${"a ".repeat(20)}…")`), messages[1]);
  });
});

describe("repetition detector", () => {
  it("finds 20 repeats of a word or short phrase, not 19", () => {
    assert.equal(findRepetition(`a ${"Take ".repeat(20)}`), 2);
    assert.equal(findRepetition(`a ${"Take ".repeat(19)}`), -1);
    assert.equal(findRepetition(`${"I mean, ".repeat(25)}`), 0);
    assert.equal(findRepetition("我开始……".repeat(25)), 0);
    assert.equal(findRepetition("no no no no, this is fine."), -1);
  });
});

describe("language", () => {
  it("marks Chinese originals zh-CN from their text, not the summary", () => {
    const r = parse(["甲。", "<details>", "<summary>View/Hide Original English</summary>", '<p class="english-text">下一篇文章<br>来自纽约时报</p>', "</details>"]);
    assert.equal(turns(r)[0]?.original?.lang, "zh-CN");
  });
});

describe("robustness", () => {
  it("never throws, and reports positions inside the body", () => {
    const files = corpusFiles().map(readCorpus);
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ["<details>", "</details>", "<details", "</", "<p class=\"english-text\">", "</p>", "<summary>", ">>", "**A:**", "<!--", "-->", "###", "\n", "\r\n", "<", "&gt;&gt;", "<br>", "中文", "text"];
    const inputs = ["", "<details>", "</details>", "<summary>", "<!--", "<p", "**", "\uFEFF", "<details style=display:none>"];
    for (let i = 0; i < 300; i++) {
      const f = files[rnd(files.length)] ?? "";
      const a = rnd(f.length);
      inputs.push(f.slice(a, a + rnd(5000)));
    }
    for (let i = 0; i < 300; i++) inputs.push(Array.from({ length: rnd(60) }, () => pieces[rnd(pieces.length)]).join(rnd(2) ? "" : " "));
    for (const input of inputs) {
      const r = parseTranscript(input, { lineOffset: 7 });
      const lines = input.split(/\r\n|\r|\n/).length;
      for (const d of r.diagnostics) {
        assert.ok(d.line >= 8 && d.line <= 7 + lines && d.col >= 1, `${d.rule}@${d.line}:${d.col} in ${JSON.stringify(input.slice(0, 80))}`);
      }
    }
  });

  it("stays linear on pathological lines", () => {
    // Ten times the input may cost about ten times the CPU time, never the hundred times a quadratic
    // scan would (see test/complexity.ts).
    const body = (unit: string, size: number): string => {
      const line = unit.repeat(Math.ceil(size / unit.length));
      return `甲\n<details>\n${line}\n</details>\n${line}`;
    };
    for (const unit of ["<", "</", "<br>", "**", "<details>", "&", "a ", "中", "<p>", ">> ", "<!--", "`", "`<details>`", "``<!--` ", "\\`<", "\u0001"]) {
      const g = growthRatio((size) => {
        const text = body(unit, size);
        return () => parseTranscript(text);
      }, 25_000, 40);
      assert.ok(g.ratio < 40, `${JSON.stringify(unit)}: ×10 input (${g.size} → ${g.size * 10} characters) took ×${g.ratio.toFixed(1)} CPU time (${g.smallMs.toFixed(1)} → ${g.largeMs.toFixed(1)} ms)`);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 15: text is never dropped. An unclosed comment is text with a warning; code spans are
// opaque to the parser; control characters are removed with a warning.

describe("unclosed comments and code spans (issue 15)", () => {
  const newer = (en: string): string[] => ["<details>", "<summary>Original English</summary>", "", en, "</details>"];
  const texts = (r: ParseResult): string[][] => turns(r).map((t) => [...t.translation.map((b) => b.text), ...(t.original?.blocks.map((b) => b.text) ?? [])]);

  it("an unclosed `<!--` in a code span hides nothing and warns about nothing", () => {
    const r = parse(["甲 `<!--` 乙", ...newer("One `<!--` two."), "", "丙", ...newer("Three.")]);
    assert.deepEqual(texts(r), [["甲 `<!--` 乙", "One `<!--` two."], ["丙", "Three."]]);
    assert.deepEqual(rules(r), []);
  });

  it("an unclosed `<!--` is text, with a comment-unclosed warning at its position, and the rest of the post stays", () => {
    const r = parse(["甲 <!-- 乙", ...newer("One."), "", "<!-- 丙", ...newer("Two <!-- three."), "", "丁", ...newer("Four.")], 5);
    assert.deepEqual(texts(r), [["甲 <!-- 乙", "One."], ["<!-- 丙", "Two <!-- three."], ["丁", "Four."]]);
    assert.deepEqual(rules(r), ["comment-unclosed@6:3", "comment-unclosed@13:1", "comment-unclosed@17:5"]);
    assert.match(r.diagnostics[0]?.message ?? "", /never closed.*read as text/);
    assert.deepEqual(rules(parse(["甲 <!-- a <!-- b <!--", ...newer("One.")])), ["comment-unclosed@1:3"], "one warning per line");
  });

  it("a comment in the middle of a line ends with its paragraph; one at a line start may span paragraphs", () => {
    const mid = parse(["甲 <!-- x", "", "乙 --> 丙", ...newer("One.")]);
    assert.deepEqual(texts(mid), [["甲 <!-- x", "乙 --> 丙", "One."]]);
    assert.deepEqual(rules(mid), ["comment-unclosed@1:3"]);
    const block = parse(["<!-- 注释", "", "还是注释 -->", "甲", ...newer("One.")]);
    assert.deepEqual(texts(block), [["甲", "One."]]);
    assert.deepEqual(rules(block), []);
    const inPara = parse(["甲 <!-- x", "y --> 乙", ...newer("One.")]);
    assert.deepEqual(rules(inPara), []);
    assert.ok(!texts(inPara).flat().join("").includes("x"), "a closed comment is still hidden");
  });

  it("tags inside code spans are text, not blocks", () => {
    const r = parse(["甲 `<details>` 与 `</details>`、``<summary>``、`<p>` 和 `</p>` 乙", ...newer("Use `</details>` and `<details>` here."), "", "丙", ...newer("Two.")]);
    assert.deepEqual(texts(r), [["甲 `<details>` 与 `</details>`、``<summary>``、`<p>` 和 `</p>` 乙", "Use `</details>` and `<details>` here."], ["丙", "Two."]]);
    assert.deepEqual(rules(r), []);
  });

  it("code spans follow CommonMark: equal runs, across lines of a paragraph, escapes outside only", () => {
    // A span may continue on the next line of its paragraph.
    const multi = parse(["甲 `a", "b <details> c` 乙", ...newer("One.")]);
    assert.deepEqual(texts(multi), [["甲 `a\nb <details> c` 乙", "One."]]);
    // ``…`` is not closed by a single backtick; an unmatched run is literal, so the tag after it is real.
    const runs = parse(["甲 ``a` <details>", "<summary>Original English</summary>", "", "One.", "</details>"]);
    assert.deepEqual(texts(runs), [["甲 ``a`", "One."]]);
    // A backslash escapes a backtick outside a span: `\`` opens nothing.
    const escaped = parse(["甲 \\`<details>", "<summary>Original English</summary>", "", "One.", "</details>"]);
    assert.deepEqual(texts(escaped), [["甲 \\`", "One."]]);
    // A blank line ends the paragraph, so a backtick cannot reach across it.
    const blank = parse(["甲 `a", "", "<details>", "<summary>Original English</summary>", "", "b` One.", "</details>"]);
    assert.deepEqual(texts(blank), [["甲 `a", "b` One."]]);
  });

  it("control characters are removed from body lines, with a warning at the first", () => {
    const r = parse(["甲\u0001乙\u007f丙\u001b[31m", ...newer("One\u0000 two\u0085.")], 3);
    assert.deepEqual(texts(r), [["甲乙丙[31m", "One two."]]);
    assert.deepEqual(rules(r), ["control-character@4:2", "control-character@8:4"]);
    assert.match(r.diagnostics[0]?.message ?? "", /U\+0001, U\+007F, U\+001B/);
  });
});
