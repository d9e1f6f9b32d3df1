import { test } from "node:test";
import assert from "node:assert/strict";
import type { Diagnostic } from "../../src/diagnostics.js";
import { isFailing, sortDiagnostics } from "../../src/diagnostics.js";
import { formatGithub, formatReport, formatSummary, formatText, summarize } from "../../src/check/report.js";

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
