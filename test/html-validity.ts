/** The HTML validity gate: html-validate with the project's rules over every page of a built site. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate, StaticConfigLoader, type ConfigData, type ResolvedConfig } from "html-validate";
import { root } from "./helpers.js";
import { htmlFiles } from "./links.js";

/**
 * The project's rules, resolved once for every page. StaticConfigLoader resolves its configuration
 * again for each file (every element's metadata loaded and schema-checked anew), which cost more than
 * validating most pages; a resolved configuration is meant to be reused (html-validate's own loader
 * for the command line caches one per folder).
 */
class ResolvedOnceLoader extends StaticConfigLoader {
  private resolved: ResolvedConfig | Promise<ResolvedConfig> | undefined;

  override getConfigFor(handle: string, configOverride?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
    if (configOverride) return super.getConfigFor(handle, configOverride);
    return (this.resolved ??= super.getConfigFor(handle));
  }
}

/** One line per problem (`page:line rule message`); empty when every page is valid. */
export async function invalidHtml(siteDir: string): Promise<string[]> {
  // The site folder is outside the project, so the project's rules are loaded explicitly.
  const config = JSON.parse(readFileSync(path.join(root, ".htmlvalidate.json"), "utf8")) as ConfigData;
  const validator = new HtmlValidate(new ResolvedOnceLoader(config));
  const problems: string[] = [];
  for (const file of htmlFiles(siteDir)) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${path.relative(siteDir, file)}:${m.line} ${m.ruleId} ${m.message}`);
    }
  }
  return problems;
}
