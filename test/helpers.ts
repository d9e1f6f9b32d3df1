/** Shared test helpers: fixture paths and running the project's scripts as a user would. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder. */
export const root = fileURLToPath(new URL("..", import.meta.url));
/** The 60 real posts, byte-exact copies of ../shared/corpus/posts. */
export const corpusDir = path.join(root, "test/fixtures/corpus");
/** The one real post whose front matter is not valid YAML. */
export const BROKEN_YAML_POST = "orig-unquoted-date-nolayout-dO4TPJkeaaU.md";

/** Result of a finished command. */
export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run a script of scripts/ with tsx, in the project folder, as `npm run` would. */
export function runScript(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): RunResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts", script), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: root, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The text of the site's one inline script (saved view and theme, applied before first paint). */
export const PREFS_SCRIPT = /<script>([\s\S]*?)<\/script>/.exec(readFileSync(path.join(root, "_includes/partials/prefs-script.njk"), "utf8"))![1]!;

/** The 59 real posts with valid front matter. */
export const buildablePosts = (): string[] => readdirSync(corpusDir).filter((f) => f.endsWith(".md") && f !== BROKEN_YAML_POST);

/**
 * Copy the buildable real posts into a fresh temporary folder and build them; returns the site folder
 * (under `siteRoot/` plus the prefix's folder, so a static server at `siteRoot` serves it under the prefix).
 */
export function buildCorpus(name: string, options: { pathPrefix?: string; env?: NodeJS.ProcessEnv } = {}): { siteRoot: string; site: string } {
  const tmp = mkdtempSync(path.join(tmpdir(), `${name}-`));
  const input = path.join(tmp, "posts");
  mkdirSync(input);
  for (const f of buildablePosts()) copyFileSync(path.join(corpusDir, f), path.join(input, f));
  const prefix = options.pathPrefix ?? "/";
  const siteRoot = path.join(tmp, "site");
  const site = path.join(siteRoot, ...prefix.split("/").filter(Boolean));
  const r = runScript("build.ts", [`--input=${input}`, `--output=${site}`, `--pathprefix=${prefix}`], options.env);
  if (r.status !== 0) throw new Error(`corpus build failed:\n${r.stderr}`);
  return { siteRoot, site };
}
