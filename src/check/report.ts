/**
 * Formats diagnostics for people (text), programs (JSON) and GitHub Actions (workflow annotations).
 * File names and messages come from posts, so no output may carry their line breaks or control
 * characters as such, nor let a line start with `::` (a GitHub workflow command, when CI prints it).
 */
import type { SkippedFile } from "../content/load.js";
import type { Diagnostic } from "../diagnostics.js";

/** Output formats of `npm run check`. */
export const FORMATS = ["text", "json", "github"] as const;
export type Format = (typeof FORMATS)[number];

/** Counts for the summary line. */
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  /** Files and folders not read (`x.MD`, hidden, symbolic links); omitted when none. */
  skipped?: SkippedFile[];
  /** Diagnostics found but not shown (`--rule`, `--ignore`); omitted when none. */
  hidden?: { errors: number; warnings: number };
}

/** Count errors and warnings (of the diagnostics shown; `hidden` counts the others). */
export function summarize(diags: readonly Diagnostic[], files: number, skipped: readonly SkippedFile[] = [], hidden: readonly Diagnostic[] = []): Summary {
  const errorsIn = (list: readonly Diagnostic[]): number => list.reduce((n, d) => n + (d.severity === "error" ? 1 : 0), 0);
  const errors = errorsIn(diags);
  const hiddenErrors = errorsIn(hidden);
  return {
    files,
    errors,
    warnings: diags.length - errors,
    ...(skipped.length > 0 ? { skipped: [...skipped] } : {}),
    ...(hidden.length > 0 ? { hidden: { errors: hiddenErrors, warnings: hidden.length - hiddenErrors } } : {}),
  };
}

/** Which rules to show: only those of `only` when it is not empty, never those of `ignore`. */
export interface RuleFilter {
  only: readonly string[];
  ignore: readonly string[];
}

/** Split diagnostics into those a filter shows and those it hides. */
export function filterByRule(diags: readonly Diagnostic[], filter: RuleFilter): { shown: Diagnostic[]; hidden: Diagnostic[] } {
  const shown: Diagnostic[] = [];
  const hidden: Diagnostic[] = [];
  for (const d of diags) {
    const show = (filter.only.length === 0 || filter.only.includes(d.rule)) && !filter.ignore.includes(d.rule);
    (show ? shown : hidden).push(d);
  }
  return { shown, hidden };
}

/** How often one rule was reported with one severity. */
export interface RuleTotal {
  rule: string;
  severity: Diagnostic["severity"];
  count: number;
}

/** Count per rule id and severity: errors first, then the most frequent, then by id. */
export function ruleTotals(diags: readonly Diagnostic[]): RuleTotal[] {
  const counts = new Map<string, RuleTotal>();
  for (const d of diags) {
    const key = `${d.severity}\0${d.rule}`;
    const total = counts.get(key);
    if (total) total.count++;
    else counts.set(key, { rule: d.rule, severity: d.severity, count: 1 });
  }
  return [...counts.values()].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || b.count - a.count || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** The per-rule block of a text report: a heading line, then one line per rule (none when nothing was reported). */
export function formatRuleTotals(totals: readonly RuleTotal[]): string[] {
  if (totals.length === 0) return [];
  const width = Math.max(...totals.map((t) => t.rule.length));
  const countWidth = Math.max(...totals.map((t) => String(t.count).length));
  return ["totals by rule:", ...totals.map((t) => inertLine(`  ${t.severity.padEnd(7)} ${escapeText(t.rule).padEnd(width)} ${String(t.count).padStart(countWidth)}`))];
}

// C0 and C1 control characters and DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Text from a post made safe for one line of a terminal or CI log: control characters written as `\n`, `\x1B`, `\u2028`. */
export function escapeText(s: string): string {
  return s.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}

/**
 * One line of text output made inert for GitHub's runner: it reads a line starting (after blanks)
 * with `::` as a workflow command, and `##[` anywhere in a line as an old-style one. A line starting
 * with `::` can only be a diagnostic whose path starts so: `./` in front names the same file.
 */
function inertLine(line: string): string {
  const safe = line.replace(/##\[/g, "##\\[");
  return /^\s*::/.test(safe) ? `./${safe.trimStart()}` : safe;
}

/** One line per diagnostic: `path:line:col severity rule-id message`. */
export function formatText(d: Diagnostic): string {
  const message = escapeText(d.message.replace(/\s*[\n\r\u2028\u2029]\s*/g, " "));
  return inertLine(`${escapeText(d.file)}:${d.line}:${d.col} ${d.severity} ${escapeText(d.rule)} ${message}`);
}

const SKIP_REASONS: Record<SkippedFile["reason"], string> = {
  "extension-case": "the extension must be lowercase .md",
  hidden: "hidden",
  symlink: "symbolic link, not followed",
};
const MAX_SKIPPED_SHOWN = 10;

/** The line listing what was not read, or undefined when nothing was skipped. */
function formatSkipped(skipped: readonly SkippedFile[] | undefined): string | undefined {
  if (!skipped || skipped.length === 0) return undefined;
  const shown = skipped.slice(0, MAX_SKIPPED_SHOWN).map((k) => `${escapeText(k.file)} (${SKIP_REASONS[k.reason]})`);
  const more = skipped.length > MAX_SKIPPED_SHOWN ? `, and ${skipped.length - MAX_SKIPPED_SHOWN} more` : "";
  return `not read: ${shown.join(", ")}${more}`;
}

/** The closing line of a text report. */
export function formatSummary(s: Summary, strict: boolean): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  const verdict = s.errors > 0 || (strict && s.warnings > 0) ? "failed" : "passed";
  const hidden = s.hidden ? `; not shown (--rule/--ignore): ${plural(s.hidden.errors, "error")}, ${plural(s.hidden.warnings, "warning")}` : "";
  const line = `check ${verdict}: ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")} in ${plural(s.files, "file")}${strict ? " (--strict: warnings fail)" : ""}${hidden}`;
  const skipped = formatSkipped(s.skipped);
  return inertLine(skipped ? `${line}; ${skipped}` : line);
}

// GitHub's workflow-command syntax: data escapes %, CR, LF; properties also escape ':' and ','.
const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** A GitHub Actions annotation (`::error file=…,line=…::…`), shown inline on the pull request's diff. */
export function formatGithub(d: Diagnostic, strict: boolean): string {
  const level = d.severity === "error" || strict ? "error" : "warning";
  // Other control characters (an escape sequence in a file name) are written out, and `##[` made inert, as in the text format.
  const inert = (s: string): string => escapeText(s).replace(/##\[/g, "##\\[");
  return `::${level} file=${inert(escapeProperty(d.file))},line=${d.line},col=${d.col},title=${inert(escapeProperty(d.rule))}::${inert(escapeData(d.message))}`;
}

/**
 * The whole report as one JSON document. JSON.stringify escapes C0 controls; DEL, C1 controls, the
 * Unicode line separators and the `[` of `##[` are escaped too (`\u…`, which parses back to the same text).
 */
export function formatJson(diags: readonly Diagnostic[], summary: Summary, strict: boolean): string {
  return JSON.stringify({ ...summary, strict, rules: ruleTotals(diags), diagnostics: diags }, null, 2)
    .replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/##\[/g, "##\\u005b");
}

/** Render a full report in the chosen format. */
export function formatReport(diags: readonly Diagnostic[], summary: Summary, format: Format, strict: boolean): string {
  switch (format) {
    case "json":
      return formatJson(diags, summary, strict);
    case "github":
      return [...diags.map((d) => formatGithub(d, strict)), ...formatRuleTotals(ruleTotals(diags)), formatSummary(summary, strict)].join("\n");
    case "text":
      return [...diags.map(formatText), ...formatRuleTotals(ruleTotals(diags)), formatSummary(summary, strict)].join("\n");
  }
}
