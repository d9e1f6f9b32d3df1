/** The HTML validity gate: html-validate with the project's rules over every page of a built site. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { root } from "./helpers.js";
import { htmlFiles } from "./links.js";

/** One line per problem (`page:line rule message`); empty when every page is valid. */
export async function invalidHtml(siteDir: string): Promise<string[]> {
  // The site folder is outside the project, so the project's rules are loaded explicitly.
  const config = JSON.parse(readFileSync(path.join(root, ".htmlvalidate.json"), "utf8")) as ConfigData;
  const validator = new HtmlValidate(new StaticConfigLoader(config));
  const problems: string[] = [];
  for (const file of htmlFiles(siteDir)) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${path.relative(siteDir, file)}:${m.line} ${m.ruleId} ${m.message}`);
    }
  }
  return problems;
}
