/** Diagnostics shared by every checker: front matter, transcript parser, site-wide checks. */

export type Severity = "error" | "warning";

/** One problem found in an author's file, with a position an editor can jump to. */
export interface Diagnostic {
  /** Path of the file as the user named it (relative to the working directory when possible). */
  file: string;
  /** 1-based line in the file (front matter included). */
  line: number;
  /** 1-based column (in UTF-16 code units of the line, as editors count). */
  col: number;
  severity: Severity;
  /** Stable kebab-case id, e.g. `yaml-syntax`, `details-close-corrupt`. */
  rule: string;
  /** What is wrong and what to do, in one sentence or two. */
  message: string;
}

/** A diagnostic before it is attached to a file (pure parsers do not know the path). */
export type LocalDiagnostic = Omit<Diagnostic, "file">;

/** Attach a file path to diagnostics from a pure parser. */
export function inFile(file: string, diags: readonly LocalDiagnostic[]): Diagnostic[] {
  return diags.map((d) => ({ file, ...d }));
}

/** Order diagnostics by file, line, column, so output is stable between runs. */
export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return diags.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** True when the run must fail: any error, or any warning under `--strict`. */
export function isFailing(diags: readonly Diagnostic[], strict: boolean): boolean {
  return diags.some((d) => d.severity === "error" || (strict && d.severity === "warning"));
}
