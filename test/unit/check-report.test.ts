import { test } from "node:test";
import assert from "node:assert/strict";
import type { Diagnostic } from "../../src/diagnostics.js";
import { isFailing, sortDiagnostics } from "../../src/diagnostics.js";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { filterByRule, formatGithub, formatReport, formatRuleTotals, formatSummary, formatText, ruleTotals, summarize } from "../../src/check/report.js";
import { unknownRules } from "../../src/check/rules.js";
import { root } from "../helpers.js";

const d = (over: Partial<Diagnostic>): Diagnostic => ({ file: "content/a.md", line: 3, col: 2, severity: "warning", rule: "r", message: "m", ...over });

test("text lines read path:line:col severity rule-id message", () => {
  assert.equal(formatText(d({ message: "two\nlines" })), "content/a.md:3:2 warning r two lines");
});

test("github annotations escape data and properties as the workflow-command syntax requires", () => {
  assert.equal(formatGithub(d({ file: "a,b:c.md", message: "50%\nnext" }), false), "::warning file=a%2Cb%3Ac.md,line=3,col=2,title=r::50%25%0Anext");
  assert.match(formatGithub(d({}), true), /^::error /, "--strict reports warnings as errors");
});

test("summary and failure follow --strict", () => {
  const diags = [d({}), d({ severity: "error", file: "b.md" })];
  const s = summarize(diags, 2);
  assert.deepEqual(s, { files: 2, errors: 1, warnings: 1 });
  assert.equal(formatSummary(s, false), "check failed: 1 error, 1 warning in 2 files");
  assert.equal(isFailing([d({})], false), false);
  assert.equal(isFailing([d({})], true), true);
  const json = JSON.parse(formatReport(diags, s, "json", false)) as { diagnostics: unknown[] };
  assert.equal(json.diagnostics.length, 2);
});

test("diagnostics sort by file, line, column", () => {
  const sorted = sortDiagnostics([d({ file: "b.md", line: 1 }), d({ line: 9 }), d({ line: 2, col: 5 }), d({ line: 2, col: 1 })]);
  assert.deepEqual(sorted.map((x) => `${x.file}:${x.line}:${x.col}`), ["b.md:1:2", "content/a.md:2:1", "content/a.md:2:5", "content/a.md:9:2"]);
});

test("totals per rule: errors first, then the most frequent, then by id; one row per rule and severity", () => {
  const diags = [d({ rule: "b" }), d({ rule: "a" }), d({ rule: "b" }), d({ rule: "z", severity: "error" }), d({ rule: "c" })];
  assert.deepEqual(
    ruleTotals(diags).map((t) => `${t.severity} ${t.rule} ${t.count}`),
    ["error z 1", "warning b 2", "warning a 1", "warning c 1"],
  );
  assert.deepEqual(formatRuleTotals(ruleTotals(diags)), ["totals by rule:", "  error   z 1", "  warning b 2", "  warning a 1", "  warning c 1"]);
  assert.deepEqual(formatRuleTotals([]), [], "no block when nothing was reported");
  const text = formatReport(diags, summarize(diags, 1), "text", false).split("\n");
  assert.equal(text.at(-1), "check failed: 1 error, 4 warnings in 1 file", "the verdict closes the report");
  assert.equal(text.at(-6), "totals by rule:", "right after the diagnostics");
  const json = JSON.parse(formatReport(diags, summarize(diags, 1), "json", false)) as { rules: Array<{ rule: string; count: number }> };
  assert.deepEqual(json.rules[0], { rule: "z", severity: "error", count: 1 });
});

test("--rule and --ignore: shown and hidden diagnostics; the summary counts what is shown and says what is not", () => {
  const diags = [d({ rule: "a" }), d({ rule: "b", severity: "error" }), d({ rule: "c" })];
  const only = filterByRule(diags, { only: ["a", "c"], ignore: [] });
  assert.deepEqual(only.shown.map((x) => x.rule), ["a", "c"]);
  assert.deepEqual(filterByRule(diags, { only: [], ignore: ["b"] }).shown.map((x) => x.rule), ["a", "c"]);
  assert.deepEqual(filterByRule(diags, { only: ["a", "b"], ignore: ["b"] }).shown.map((x) => x.rule), ["a"], "ignore wins");
  assert.deepEqual(filterByRule(diags, { only: [], ignore: [] }).shown, diags);
  const s = summarize(only.shown, 3, [], only.hidden);
  assert.deepEqual(s, { files: 3, errors: 0, warnings: 2, hidden: { errors: 1, warnings: 0 } });
  assert.equal(formatSummary(s, false), "check passed: 0 errors, 2 warnings in 3 files; not shown (--rule/--ignore): 1 error, 0 warnings");
  assert.equal(isFailing(only.shown, false), false, "a hidden error does not fail");
});

test("every rule id the sources report is a known rule, so --rule and --ignore accept it", () => {
  const srcDir = path.join(root, "src");
  const ids = new Set<string>();
  const patterns = [/rule: "([a-z0-9-]+)"/g, /\b(?:warn|error|at1)\((?:[^()]|\([^()]*\))*?"([a-z]+(?:-[a-z0-9]+)+)"/g, /this\.warn\("([a-z0-9-]+)"/g];
  for (const file of readdirSync(srcDir, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".ts")) continue;
    const text = readFileSync(path.join(srcDir, file), "utf8");
    for (const re of patterns) for (const m of text.matchAll(re)) ids.add(m[1]!);
  }
  for (const id of ["yaml-syntax", "key-case", "slug-case", "file-empty", "value-quoted"]) assert.ok(ids.has(id), `the scan finds ${id}`);
  assert.deepEqual(unknownRules([...ids].sort()), []);
  assert.deepEqual(unknownRules(["yaml-syntax", "nope"]), ["nope"]);
});
