import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readFrontMatter } from "../../src/frontmatter/read.js";
import { isCalendarDate } from "../../src/frontmatter/schema.js";
import { BROKEN_YAML_POST, corpusDir, moreCorpusDir } from "../helpers.js";

const fm = (yaml: string, body = "正文\n"): ReturnType<typeof readFrontMatter> => readFrontMatter(`---\n${yaml}\n---\n${body}`);
const rules = (r: ReturnType<typeof readFrontMatter>): string[] => r.diagnostics.map((d) => `${d.line}:${d.severity}:${d.rule}`);

test("every real post but the broken-YAML one has valid front matter, with at most warnings", () => {
  const files = readdirSync(corpusDir).filter((f) => f.endsWith(".md"));
  assert.equal(files.length, 60);
  for (const file of files) {
    const r = readFrontMatter(readFileSync(path.join(corpusDir, file), "utf8"));
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    if (file === BROKEN_YAML_POST) {
      assert.equal(errors.length, 1, file);
      assert.equal(r.data, undefined);
      continue;
    }
    assert.deepEqual(errors, [], file);
    assert.ok(r.data, file);
    assert.match(r.data.date, /^\d{4}-\d{2}-\d{2}$/, file);
    assert.ok(r.data.title.length > 0, file);
    assert.equal(r.data.layout, "post.njk", `${file}: a missing layout defaults to post.njk`);
  }
});

test("the seed post's values come through normalised", () => {
  const r = readFrontMatter(readFileSync(path.join(corpusDir, "seed-ilya-sutskever-aR20FWCCjAs.md"), "utf8"));
  assert.ok(r.data);
  assert.equal(r.data.title, "Ilya Sutskever 深度对话：超越规模定律，回归 AI 研究的本质");
  assert.equal(r.data.date, "2025-11-25");
  assert.equal(r.data.draft, true);
  assert.deepEqual(r.data.tags, ["learning", "llm", "research", "scaling-law", "value"]);
  assert.deepEqual(r.data.project, []);
  assert.equal(r.data.guest, undefined, "'' means unset");
  assert.equal(r.data.speaker, "Dwarkesh Patel");
  assert.equal(r.data.source, "https://www.youtube.com/watch?v=aR20FWCCjAs");
  assert.match(r.data.summary ?? "", /^Ilya Sutskever 深入探讨了.*SSI 公司的独特技术路径。$/s, "folded summary joined");
  assert.equal(r.bodyLineOffset, 41);
  assert.ok(r.body.startsWith("### AI 时代的怪诞现实与缓慢起飞\n"));
  assert.deepEqual(r.diagnostics, []);
});

test("the broken real post is reported at its first '*' bullet with a hint about '-'", () => {
  const r = readFrontMatter(readFileSync(path.join(corpusDir, BROKEN_YAML_POST), "utf8"));
  assert.equal(r.diagnostics.length, 1);
  const [d] = r.diagnostics;
  assert.equal(d?.rule, "yaml-syntax");
  assert.equal(d?.line, 11);
  assert.match(d?.message ?? "", /YAML lists use '-', not '\*'/);
});

test("dates: quoted, double-quoted and bare forms; impossible days are errors", () => {
  for (const v of ["'2025-11-25'", '"2025-11-25"', "2025-11-25"]) assert.equal(fm(`title: t\ndate: ${v}`).data?.date, "2025-11-25", v);
  const bad = fm("title: t\ndate: 2025-02-30");
  assert.deepEqual(rules(bad), ["3:error:value-invalid"]);
  assert.match(bad.diagnostics[0]!.message, /not a real calendar date/);
  assert.deepEqual(rules(fm("title: t\ndate: 25/11/2025")), ["3:error:value-invalid"]);
  assert.ok(isCalendarDate(2024, 2, 29));
  assert.ok(!isCalendarDate(2025, 2, 29));
});

test("missing required keys are errors naming the key", () => {
  const r = fm("date: 2025-01-01");
  assert.deepEqual(rules(r), ["1:error:key-missing"]);
  assert.match(r.diagnostics[0]!.message, /required key 'title' is missing/);
  assert.deepEqual(rules(fm("title: x")).length, 1);
});

test("wrong types are errors at the key's line", () => {
  const r = fm("title: t\ndate: 2025-01-01\ntags: {a: 1}");
  assert.deepEqual(rules(r), ["4:error:value-invalid"]);
  assert.match(r.diagnostics[0]!.message, /'tags' must be a list of names .* not a mapping/);
  assert.deepEqual(rules(fm("title: t\ndate: 2025-01-01\ndraft: maybe")), ["4:error:value-invalid"]);
  assert.deepEqual(rules(fm("title: t\ndate: 2025-01-01\nsource: not a url")), ["4:error:value-invalid"]);
  assert.deepEqual(rules(fm("title: t\ndate: 2025-01-01\ntags:\n  - ok\n  - {x: 1}")), ["6:error:value-invalid"]);
});

test("lists: flush, indented, [], '[]', null and a single string; names deduplicated case-insensitively", () => {
  const r = fm("title: t\ndate: 2025-01-01\ntags:\n- AI\n-  ai \n- LLM\npeople:\n  - A\nproject: []\nmedia_books: '[]'\nproducts_models:\ncompanies_orgs: OpenAI");
  assert.deepEqual(r.data?.tags, ["AI", "LLM"]);
  assert.deepEqual(r.data?.people, ["A"]);
  assert.deepEqual(r.data?.project, []);
  assert.deepEqual(r.data?.media_books, []);
  assert.deepEqual(r.data?.products_models, []);
  assert.deepEqual(r.data?.companies_orgs, ["OpenAI"]);
  assert.deepEqual(rules(r), ["11:warning:list-quoted"]);
});

test("'companies' is merged into companies_orgs with a warning", () => {
  const r = fm("title: t\ndate: 2025-01-01\ncompanies:\n- OpenAI\ncompanies_orgs:\n- Google\n- openai");
  assert.deepEqual(r.data?.companies_orgs, ["Google", "openai"]);
  assert.deepEqual(rules(r), ["4:warning:key-deprecated"]);
});

test("unknown keys: misspellings are errors with a suggestion; others are warnings and kept", () => {
  const r = fm("title: t\ndate: 2025-01-01\ntgas:\n- ai\nmood: calm\nvideo_notes: x");
  assert.deepEqual(rules(r).sort(), ["4:error:key-misspelled", "6:warning:key-unknown", "7:warning:key-unknown"].sort());
  assert.match(r.diagnostics.find((d) => d.rule === "key-misspelled")!.message, /did you mean 'tags'\?/);
  assert.equal(r.data, undefined, "an error means no data");
  const ok = fm("title: t\ndate: 2025-01-01\nmood: calm");
  assert.deepEqual(ok.data && ok.extra, { mood: "calm" });
});

test("broken YAML: one error at its line, with a hint", () => {
  const r = fm('title: t\ndate: 2025-01-01\nsummary: "open quote\ntags:\n- a');
  assert.equal(r.diagnostics.length, 1);
  assert.equal(r.diagnostics[0]!.rule, "yaml-syntax");
  assert.ok(r.diagnostics[0]!.line >= 4);
  assert.deepEqual(rules(fm("title: t\ntitle: u\ndate: 2025-01-01")).map((s) => s.split(":")[2]), ["yaml-syntax"]);
});

test("fences: four dashes are accepted with a warning; missing or unclosed front matter is an error", () => {
  const four = readFrontMatter("----\ntitle: t\ndate: 2025-01-01\n---\nbody\n");
  assert.equal(four.data?.title, "t");
  assert.deepEqual(rules(four), ["1:warning:frontmatter-fence"]);
  assert.equal(four.bodyLineOffset, 4);
  assert.deepEqual(rules(readFrontMatter("just text\n")), ["1:error:frontmatter-missing"]);
  assert.deepEqual(rules(readFrontMatter("---\ntitle: t\n")), ["1:error:frontmatter-unclosed"]);
});

test("CRLF line endings and a BOM are read like LF files", () => {
  const r = readFrontMatter("\uFEFF---\r\ntitle: t\r\ndate: '2025-01-01'\r\n---\r\nline one\r\n");
  assert.equal(r.data?.title, "t");
  assert.equal(r.body, "line one\n");
  assert.equal(r.bodyLineOffset, 4);
});

test("'' means unset for text keys; a layout other than post.njk is a warning", () => {
  const r = fm("title: t\ndate: 2025-01-01\nguest: ''\nseries:\nlayout: other.njk");
  assert.equal(r.data?.guest, undefined);
  assert.equal(r.data?.series, undefined);
  assert.deepEqual(rules(r), ["6:warning:layout-unknown"]);
});

test("bodyOf finds the same body and line offset as readFrontMatter, without parsing YAML", async () => {
  const { bodyOf } = await import("../../src/frontmatter/read.js");
  const texts = readdirSync(corpusDir).filter((f) => f.endsWith(".md")).map((f) => readFileSync(path.join(corpusDir, f), "utf8"));
  texts.push("----\ntitle: t\ndate: 2025-01-01\n---\nbody\n", "\uFEFF---\r\ntitle: t\r\n---\r\nx\r\n", "---\n---\n", "---\na: 1\n---");
  for (const text of texts) {
    const full = readFrontMatter(text);
    assert.deepEqual(bodyOf(text), { body: full.body, bodyLineOffset: full.bodyLineOffset });
  }
});

const at = (r: ReturnType<typeof readFrontMatter>, rule: string): string[] => r.diagnostics.filter((d) => d.rule === rule).map((d) => `${d.line}:${d.col}:${d.severity}`);

test("a known key in another letter case is read as that key, with a warning naming it", () => {
  const r = fm("Title: Ilya 深度对话\ndate: 2025-01-01\nSeries: AI 工程师大会\nTAGS:\n- llm\nCompanies:\n- OpenAI");
  assert.equal(r.data?.title, "Ilya 深度对话");
  assert.equal(r.data?.series, "AI 工程师大会");
  assert.deepEqual(r.data?.tags, ["llm"]);
  assert.deepEqual(r.data?.companies_orgs, ["OpenAI"], "an alias in another case is still the alias");
  assert.deepEqual(at(r, "key-case"), ["2:1:warning", "4:1:warning", "5:1:warning", "7:1:warning"]);
  assert.match(r.diagnostics.find((d) => d.line === 4)!.message, /'Series' is read as the key 'series'\. Write it in lowercase, 'series:'/);
  assert.deepEqual(Object.keys(r.extra), [], "nothing left over as an unknown key");
});

test("both spellings of a key stay an error naming both lines", () => {
  const r = fm("title: t\ndate: 2025-01-01\nseries: ''\ntags: []\nSeries: 投资大师系列");
  assert.equal(r.data, undefined);
  assert.deepEqual(rules(r), ["6:error:key-duplicate"]);
  assert.match(r.diagnostics[0]!.message, /'series' \(line 4\) and 'Series' \(line 6\) are both the key 'series'/);
  assert.deepEqual(rules(fm("TITLE: a\nTitle: b\ndate: 2025-01-01")), ["2:warning:key-case", "3:error:key-duplicate"]);
});

test("draft as quoted text true/false/yes/no in any case is read as a boolean, with a warning at the value", () => {
  for (const [value, flag] of [['"true"', true], ["'false'", false], ["'Yes'", true], ['"NO"', false], ["yes", true], ["no", false]] as const) {
    const r = fm(`title: t\ndate: 2025-01-01\ndraft: ${value}`);
    assert.equal(r.data?.draft, flag, value);
    assert.deepEqual(rules(r), ["4:warning:boolean-quoted"], value);
    assert.equal(r.diagnostics[0]!.col, 8);
    assert.match(r.diagnostics[0]!.message, new RegExp(`read as ${flag}\\. Write draft: ${flag}`));
  }
  assert.deepEqual(rules(fm("title: t\ndate: 2025-01-01\ndraft: 'maybe'")), ["4:error:value-invalid"], "other text is still an error");
  assert.deepEqual(rules(fm("title: t\ndate: 2025-01-01\ndraft: 1")), ["4:error:value-invalid"], "a number is not guessed");
  assert.deepEqual(rules(fm("title: t\ndate: 2025-01-01\nDraft: 'true'")), ["4:warning:key-case", "4:warning:boolean-quoted"]);
});

test("quotes around a whole name are removed with one warning per key, at the first quoted value", () => {
  const r = fm(
    [
      "title: t",
      "date: 2025-01-01",
      `category: '"ai-ml"'`,
      "area: “geopolitics”",
      "series: 「投资大师系列」",
      "speaker: 『TED』",
      "guest: ‘Lex’",
      "tags:",
      `  - '"llm"'`,
      "  - scaling",
      "  - “台积电”",
      "people:",
      `- "'Ilya'"`,
      "companies_orgs: [“曲江新区”]",
      "products_models: ['“GPT-4”']",
      "project: ['\"notes\"']",
    ].join("\n"),
  );
  assert.ok(r.data, JSON.stringify(r.diagnostics));
  assert.deepEqual(
    [r.data.category, r.data.area, r.data.series, r.data.speaker, r.data.guest, r.data.tags, r.data.people, r.data.companies_orgs, r.data.products_models, r.data.project],
    ["ai-ml", "geopolitics", "投资大师系列", "TED", "Lex", ["llm", "scaling", "台积电"], ["Ilya"], ["曲江新区"], ["GPT-4"], ["notes"]],
  );
  assert.deepEqual(at(r, "value-quoted"), ["4:11:warning", "5:7:warning", "6:9:warning", "7:10:warning", "8:8:warning", "10:5:warning", "14:3:warning", "15:18:warning", "16:19:warning", "17:11:warning"]);
  assert.match(r.diagnostics.find((d) => d.line === 10)!.message, /in 'tags', 2 names \("llm", …\) are in quotes .*read without them\. Remove the quotes\./);
  assert.equal(r.diagnostics.length, 10);
});

test("quotes that do not wrap the whole value, or hold nothing, are kept", () => {
  const r = fm(["title: “火箭与羽毛”：高通胀下的账本", "date: 2025-01-01", "category: “A”与“B”", "tags:", "  - '\"\"'", "  - ‘Charlie’s’", "  - 'Rock ''n'' roll'", "  - x"].join("\n"));
  assert.equal(r.data?.title, "“火箭与羽毛”：高通胀下的账本");
  assert.equal(r.data?.category, "“A”与“B”");
  assert.deepEqual(r.data?.tags, ['""', "‘Charlie’s’", "Rock 'n' roll", "x"]);
  assert.deepEqual(r.diagnostics, []);
});

test("titles and works lose straight quotes around the whole (a value quoted twice) but keep typographic ones (a quotation)", () => {
  const twice = fm(`title: '"卡什·帕特尔领导下的联邦调查局：政治化与内部动荡"'\ndate: 2025-01-01\nmedia_books:\n- '"Sapiens"'\n- “Imagine”`);
  assert.equal(twice.data?.title, "卡什·帕特尔领导下的联邦调查局：政治化与内部动荡");
  assert.deepEqual(twice.data?.media_books, ["Sapiens", "“Imagine”"]);
  assert.deepEqual(rules(twice), ["2:warning:value-quoted", "5:warning:value-quoted"]);
  const quotation = fm("title: “Stay hungry, stay foolish”\ndate: 2025-01-01\nsummary: “全文引用”");
  assert.equal(quotation.data?.title, "“Stay hungry, stay foolish”");
  assert.equal(quotation.data?.summary, "“全文引用”", "summaries are prose and never touched");
  assert.deepEqual(quotation.diagnostics, []);
});

test("what would be lost or guessed stays an error: a missing date, 'sources' for 'source'", () => {
  assert.deepEqual(rules(fm("title: t\nDate_: 2025-01-01")).sort(), ["1:error:key-missing", "3:error:key-misspelled"]);
  const sources = fm("title: t\ndate: 2025-01-01\nsources: https://example.org/v");
  assert.deepEqual(rules(sources), ["4:error:key-misspelled"]);
  assert.match(sources.diagnostics[0]!.message, /did you mean 'source'\?/);
});

test("the real posts that need leniency are read with warnings and their values", () => {
  const read = (file: string): ReturnType<typeof readFrontMatter> => readFrontMatter(readFileSync(path.join(moreCorpusDir, file), "utf8"));
  const quotedTitle = read("zh-only-Jm7n_74Wh6Y.md");
  assert.equal(quotedTitle.data?.title, "卡什·帕特尔领导下的联邦调查局：政治化与内部动荡");
  assert.deepEqual(rules(quotedTitle), ["9:warning:value-quoted"]);
  const curly = read("zh-only-SEFJPxygSJo.md");
  assert.deepEqual([curly.data?.category, curly.data?.area, curly.data?.companies_orgs], ["geopolitics", "geopolitics", ["曲江新区", "华侨城集团", "西咸新区"]]);
  assert.equal(curly.data?.title, "“西北赛区西安赢 西部赛区成都赢：从曲江新区看中国西部经济地理中心变迁”", "a typographic quotation is the author's");
  const straight = read("zh-only-WyJImf5tfac.md");
  assert.equal(straight.data?.category, "macro-economy");
  for (const file of readdirSync(moreCorpusDir).filter((f) => f.endsWith(".md"))) {
    assert.deepEqual(read(file).diagnostics.filter((d) => d.severity === "error"), [], file);
  }
});
