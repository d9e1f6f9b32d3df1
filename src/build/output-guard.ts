/**
 * Output safety: a build replaces its output folder as a whole, so the folder it is given must be one
 * it may delete. It refuses the project, the posts, a file, and any folder holding files it did not
 * build; sites it built carry a small marker file at their root (a dotfile, so Pagefind, the sitemap
 * and the Pages artifact ignore it or carry it harmlessly).
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";

/** Name of the marker file at the root of every site this tool writes. */
export const SITE_MARKER = ".transcripts-site";
/** The marker's bytes: a short stamp, the same in every build (two builds stay byte-identical). */
export const SITE_MARKER_TEXT = `${JSON.stringify({ generator: "bilingual-transcripts", marker: 1 })}\n`;
/**
 * Files that every site of this tool had at its root before the marker existed: a folder holding
 * all of them is an older build of ours, and may be replaced.
 */
const LEGACY_SIGNATURE = ["index.html", "sitemap.xml", "feed.xml", "assets/reader.js", "assets/search-query.js"];

/** A refused output folder; the message is one line and says what to do instead. */
export class OutputRefused extends Error {
  override name = "OutputRefused";
}

/** What an output folder is checked against. */
export interface OutputCheck {
  /** The output folder (absolute, as given; it need not exist). */
  output: string;
  /** The folders or files of posts the build reads. */
  inputs: readonly string[];
  /** The project's own folder (templates, sources, node_modules). */
  project: string;
  /** How the output is named in messages. Default: `the output folder <path>`. */
  label?: string;
  /** The folder a refusal suggests instead. Default `_site`. */
  suggest?: string;
}

/** True when `child` is `parent` or lies inside it (both real, absolute paths). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * The real path of `p` with every symbolic link resolved, also when `p` (or some of its last parts)
 * does not exist yet: the nearest existing ancestor is resolved and the rest appended.
 * Throws OutputRefused when a part of the path is a file or a broken link.
 */
export function realPathOf(p: string, label = p): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let at = abs;
  for (;;) {
    let exists = true;
    try {
      lstatSync(at);
    } catch {
      exists = false;
    }
    if (exists) {
      let real: string;
      try {
        real = realpathSync(at);
      } catch {
        throw new OutputRefused(`${label}: ${at} is a symbolic link to nothing (a broken link). Remove the link, or choose another folder.`);
      }
      if (rest.length > 0 && !statSync(real).isDirectory()) {
        throw new OutputRefused(`${label} is inside ${at}, which is a file, not a folder. Choose another folder.`);
      }
      return path.join(real, ...rest.reverse());
    }
    const parent = path.dirname(at);
    if (parent === at) return abs;
    rest.push(path.basename(at));
    at = parent;
  }
}

/** True when `dir` is a folder this tool built: it has the marker, or (built before the marker) all the legacy files. */
export function isBuiltSite(dir: string): boolean {
  try {
    if (statSync(path.join(dir, SITE_MARKER)).isFile()) return true;
  } catch {
    // no marker: perhaps a site built before the marker existed
  }
  return LEGACY_SIGNATURE.every((f) => existsSync(path.join(dir, f)));
}

/**
 * Check that the build may replace `output`, and return its real path (symbolic links resolved: the
 * build writes beside the real folder). Throws OutputRefused, touching nothing, when it is or holds
 * the project or the posts, lies inside the posts, is a file, or is a folder of somebody else's files.
 */
export function guardOutput(check: OutputCheck): string {
  const label = check.label ?? `the output folder ${check.output}`;
  const suggest = check.suggest ?? "_site";
  const output = realPathOf(check.output, label);
  const project = realPathOf(check.project);
  if (isInside(project, output)) {
    const what = output === project ? "is the project folder" : `holds the project folder ${project}`;
    throw new OutputRefused(`${label} ${what}; building there would delete the project. Choose a folder of its own, such as ${suggest}.`);
  }
  for (const given of check.inputs) {
    const input = realPathOf(given);
    if (isInside(input, output)) {
      const what = output === input ? "is the posts folder" : `holds the posts folder ${input}`;
      throw new OutputRefused(`${label} ${what}; building there would delete the posts. Choose a folder outside it, such as ${suggest}.`);
    }
    if (isInside(output, input)) {
      throw new OutputRefused(`${label} is inside the posts folder ${input}; the site would be written among the posts. Choose a folder outside it, such as ${suggest}.`);
    }
  }
  if (!existsSync(output)) return output;
  if (!statSync(output).isDirectory()) {
    throw new OutputRefused(`${label} is a file, not a folder; building would replace it. Choose another name, or move the file away.`);
  }
  if (readdirSync(output).length > 0 && !isBuiltSite(output)) {
    throw new OutputRefused(
      `${label} holds files this tool did not build (it has no ${SITE_MARKER} file); building would replace them. Choose a new or empty folder, or empty this one yourself.`,
    );
  }
  return output;
}

/** Write the marker at the root of a site being built (last, so a marked folder is a complete site). */
export async function markSite(dir: string): Promise<void> {
  await writeFile(path.join(dir, SITE_MARKER), SITE_MARKER_TEXT);
}
