/** Shared test helpers: fixture paths and running the project's scripts as a user would. */
import { spawnSync } from "node:child_process";
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
