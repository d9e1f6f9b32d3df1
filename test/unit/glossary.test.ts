import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { readFrontMatter } from "../../src/frontmatter/read.js";
import { glossaryOf, markTerms, splitNote } from "../../src/render/glossary.js";
import { renderInline } from "../../src/render/inline.js";
import { parseTranscript } from "../../src/transcript/parse.js";
import type { Transcript } from "../../src/transcript/model.js";
import { buildablePosts, corpusDir } from "../helpers.js";
import { growthRatio } from "../complexity.js";

const transcriptOf = (file: string): Transcript => {
  const fm = readFrontMatter(readFileSync(path.join(corpusDir, file), "utf8"));
  return parseTranscript(fm.body, { lineOffset: fm.bodyLineOffset }).transcript;
};

test("a note gives an English name, an explanation, or both (real notes)", () => {
  assert.deepEqual(splitNote("evals: 用于衡量 AI 模型性能的基准测试"), { english: "evals", explanation: "用于衡量 AI 模型性能的基准测试" });
  assert.deepEqual(splitNote("Operating System, OS: 管理计算机硬件与软件资源的系统软件"), { english: "Operating System, OS", explanation: "管理计算机硬件与软件资源的系统软件" });
  assert.deepEqual(splitNote("mystical experience：一种心理学构念"), { english: "mystical experience", explanation: "一种心理学构念" });
  assert.deepEqual(splitNote("Chain of Action"), { english: "Chain of Action", explanation: "" });
  assert.deepEqual(splitNote("Capital Expenditure, 简称 capex"), { english: "Capital Expenditure", explanation: "简称 capex" });
  assert.deepEqual(splitNote("一款集成了 AI 的代码编辑器"), { explanation: "一款集成了 AI 的代码编辑器" });
  // A Chinese name before the colon is part of the explanation, not an English name.
  assert.deepEqual(splitNote("统一码：一种旨在为每种语言的每个字符设定统一并且唯一的二进制编码的标准"), { explanation: "统一码：一种旨在为每种语言的每个字符设定统一并且唯一的二进制编码的标准" });
  assert.deepEqual(splitNote("3,4-亚甲二氧基甲基苯丙胺，俗称“摇头丸”"), { explanation: "3,4-亚甲二氧基甲基苯丙胺，俗称“摇头丸”" });
});

/** A one-paragraph transcript. */
const paragraph = (text: string): Transcript => ({ sections: [{ id: "s-0", level: 0, line: 1, turns: [{ id: "t-1", line: 1, translation: [{ text, speakerBreak: false, line: 1 }] }] }] });
const terms = (text: string): [string, string][] => glossaryOf(paragraph(text)).map((e) => [e.term, e.explanation]);

test("terms are found with nested parentheses, nested terms and a closing quote before the note", () => {
  assert.deepEqual(terms("是现在是 **Jim Snape**（前德国CEO，现在是**赛班斯**（Sabanes: 一家公司）的人）。"), [
    ["Jim Snape", "前德国CEO，现在是赛班斯（Sabanes: 一家公司）的人"],
    ["赛班斯", "一家公司"],
  ]);
  assert.deepEqual(glossaryOf(paragraph("所谓的“**氛围编程**”（vibe coding: 一个俚语）来做")).map((e) => [e.term, e.english, e.explanation]), [["氛围编程", "vibe coding", "一个俚语"]]);
  assert.deepEqual(terms("**未闭合**（没有结尾"), [], "an unclosed note is not a term");
  assert.deepEqual(terms("**Ilya:** 没有注释的粗体"), []);
  assert.deepEqual(terms(`**${"长".repeat(41)}**（注释）`), [], "bold text of over 40 characters is prose");
  assert.deepEqual(terms(`**${"长".repeat(40)}**（注释）`).length, 1);
});

test("one finder: every term the glossary lists is one the page marks, and the reverse (plain notes)", () => {
  const text = "甲**A & B**（注释一）乙“**C**”（C term: 注释二）丙**D**（有**E**（内层）的注释）丁**F**（[链接](https://example.org/)）";
  const listed = glossaryOf(paragraph(text)).map((e) => e.term);
  assert.deepEqual(listed, ["A & B", "C", "D", "E", "F"]);
  const marked = parse(markTerms(renderInline(text))).querySelectorAll(".term strong").map((s) => s.text);
  // D's note holds a term and F's a link: those notes stay as written; E, inside D's, is marked.
  assert.deepEqual(marked, ["A & B", "C", "E"]);
  assert.ok(marked.every((t) => listed.includes(t)));
});

test("the seed's glossary: in order of first appearance, once each, with the turn it first appears in", () => {
  const entries = glossaryOf(transcriptOf("seed-ilya-sutskever-aR20FWCCjAs.md"));
  assert.deepEqual(entries.map((e) => e.term), ["评估指标", "氛围编程", "强化学习", "预训练", "价值函数", "推演", "AGI"]);
  assert.deepEqual(entries[0], { term: "评估指标", english: "evals", explanation: "用于衡量 AI 模型性能的基准测试", turn: "t-14" });
  assert.deepEqual(entries.at(-1), { term: "AGI", english: "Artificial General Intelligence", explanation: "通用人工智能", turn: entries.at(-1)!.turn });
  // A term marked twice in a post is listed once.
  const twice: Transcript = { sections: [{ id: "s-0", level: 0, line: 1, turns: ["t-1", "t-2"].map((id) => ({ id, line: 1, translation: [{ text: "**MCP**（Model Context Protocol: 模型上下文协议）", speakerBreak: false, line: 1 }] })) }] };
  assert.equal(glossaryOf(twice).length, 1);
});

test("terms in rendered HTML are wrapped for the tooltip, and no text is lost or reordered", () => {
  const source = "如何调和它们在**评估指标**（evals: 用于衡量 AI 模型性能的基准测试）上表现，所谓的“**氛围编程**”（vibe coding: 一个俚语，**嵌套**（x）&amp; <i>斜体</i>）来做，**Cursor**（一款集成了 AI 的代码编辑器）。";
  const html = renderInline(source);
  const marked = markTerms(html);
  assert.equal(parse(marked).text, parse(html).text, "the same text, in the same order");
  const doc = parse(marked);
  const terms = doc.querySelectorAll(".term");
  assert.deepEqual(terms.map((t) => t.querySelector("strong")!.text), ["评估指标", "嵌套", "Cursor"], "a note with markup is left alone; the term inside it is wrapped");
  assert.equal(terms[0]!.getAttribute("tabindex"), "0");
  assert.equal(terms[0]!.querySelector(".gloss")!.text, "（evals: 用于衡量 AI 模型性能的基准测试）");
  assert.equal(terms[0]!.querySelector(".gloss > [lang]")!.getAttribute("lang"), "en");
  assert.equal(terms[2]!.querySelector(".gloss > [lang]"), null, "a Chinese explanation has no English name");
  assert.equal(markTerms("<strong>Ilya：</strong>你好"), "<strong>Ilya：</strong>你好");
});

test("every term of the real corpus survives rendering: the page text is unchanged by markTerms", () => {
  let wrapped = 0;
  for (const f of buildablePosts()) {
    for (const section of transcriptOf(f).sections) for (const turn of section.turns) for (const block of turn.translation) {
      const html = renderInline(block.text);
      const marked = markTerms(html);
      if (marked === html) continue;
      wrapped += parse(marked).querySelectorAll(".term").length;
      assert.equal(parse(marked).text, parse(html).text, `${f}:${block.line}`);
    }
  }
  assert.ok(wrapped > 500, `${wrapped} terms wrapped`);
});

// ---------------------------------------------------------------------------------------------
// Issue 15: the glossary scan is linear (a 320 KB paragraph of unclosed `（` took 109 s).

test("the glossary scan stays linear: unclosed and nested notes, ten times the input costs about ten times the time", () => {
  // A complexity check, not a speed limit (see test/complexity.ts): a quadratic scan gives ×100.
  // Every run gets text of its own (a run number at the end): a cache keyed by the text (rendered
  // inline text is) must not answer a timed run.
  let run = 0;
  const nestedTranscript = (k: number): Transcript => {
    const text = Array.from({ length: k }, (_, i) => `**术语${i}**（`).join("") + "）".repeat(k) + String(run++);
    return { sections: [{ id: "s-0", level: 0, line: 1, turns: [{ id: "t-1", line: 1, translation: [{ text, speakerBreak: false, line: 1 }] }] }] };
  };
  const cases: Record<string, (k: number) => () => unknown> = {
    "glossaryOf, unclosed （": (k) => { const t = paragraph("**术语**（".repeat(k) + String(run++)); return () => glossaryOf(t); },
    "markTerms, unclosed （": (k) => { const s = "<strong>术语</strong>（".repeat(k) + String(run++); return () => markTerms(s); },
    "markTerms, notes closed after a long tail with a tag": (k) => { const s = `${"<strong>术</strong>（".repeat(k)}${"x".repeat(10 * k)}<b>${"）".repeat(k)}${run++}`; return () => markTerms(s); },
    "glossaryOf, nested distinct terms": (k) => { const t = nestedTranscript(k); return () => glossaryOf(t); },
  };
  // The limit is ×50, not ×30: markTerms keeps a Map of every note's closing bracket, and at the
  // sizes these reach (over a million characters, then ten times that) its memory makes ten times
  // the input cost ×18–30 on an idle machine (measured, both markTerms cases), ×34 once in a full
  // suite on a loaded one. A quadratic scan costs ×100 before that.
  const limit = 50;
  for (const [name, make] of Object.entries(cases)) {
    const g = growthRatio(make, 2_000, limit, 64_000);
    assert.ok(g.ratio < limit, `${name}: ×10 input (${g.size} → ${g.size * 10}) took ×${g.ratio.toFixed(1)} CPU time (${g.smallMs.toFixed(1)} ms → ${g.largeMs.toFixed(1)} ms)`);
  }
});
