/** Formats diagnostics for people (text), programs (JSON) and GitHub Actions (workflow annotations). */
import type { Diagnostic } from "../diagnostics.js";

/** Output formats of `npm run check`. */
export const FORMATS = ["text", "json", "github"] as const;
export type Format = (typeof FORMATS)[number];

/** Counts for the summary line. */
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
}

/** Count errors and warnings. */
export function summarize(diags: readonly Diagnostic[], files: number): Summary {
  let errors = 0;
  for (const d of diags) if (d.severity === "error") errors++;
  return { files, errors, warnings: diags.length - errors };
}

/** One line per diagnostic: `path:line:col severity rule-id message`. */
export function formatText(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col} ${d.severity} ${d.rule} ${d.message.replace(/\s*\n\s*/g, " ")}`;
}

/** The closing line of a text report. */
export function formatSummary(s: Summary, strict: boolean): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  const verdict = s.errors > 0 || (strict && s.warnings > 0) ? "failed" : "passed";
  return `check ${verdict}: ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")} in ${plural(s.files, "file")}${strict ? " (--strict: warnings fail)" : ""}`;
}

// GitHub's workflow-command syntax: data escapes %, CR, LF; properties also escape ':' and ','.
const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** A GitHub Actions annotation (`::error file=…,line=…::…`), shown inline on the pull request's diff. */
export function formatGithub(d: Diagnostic, strict: boolean): string {
  const level = d.severity === "error" || strict ? "error" : "warning";
  return `::${level} file=${escapeProperty(d.file)},line=${d.line},col=${d.col},title=${escapeProperty(d.rule)}::${escapeData(d.message)}`;
}

/** The whole report as one JSON document. */
export function formatJson(diags: readonly Diagnostic[], summary: Summary, strict: boolean): string {
  return JSON.stringify({ ...summary, strict, diagnostics: diags }, null, 2);
}

/** Render a full report in the chosen format. */
export function formatReport(diags: readonly Diagnostic[], summary: Summary, format: Format, strict: boolean): string {
  switch (format) {
    case "json":
      return formatJson(diags, summary, strict);
    case "github":
      return [...diags.map((d) => formatGithub(d, strict)), formatSummary(summary, strict)].join("\n");
    case "text":
      return [...diags.map(formatText), formatSummary(summary, strict)].join("\n");
  }
}
