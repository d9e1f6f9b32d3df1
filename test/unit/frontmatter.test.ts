import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readFrontMatter } from "../../src/frontmatter/read.js";
import { isCalendarDate } from "../../src/frontmatter/schema.js";
import { BROKEN_YAML_POST, corpusDir } from "../helpers.js";

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
