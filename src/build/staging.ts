/**
 * Staged output: a build writes into a fresh sibling folder and, only when it succeeds, swaps it
 * in place of the output folder. A failed or interrupted build leaves the previous site as it was.
 *
 * The swap is two renames (output → `.<name>-previous-<pid>`, staging → output), so a build killed
 * between them leaves no site at the output path. Every run therefore starts with `recoverInterrupted`:
 * when the output path is missing it moves a dead build's previous site back, and it deletes a
 * previous site only once the output holds a complete (marked) site. So at every instant a complete
 * site is at the output path, or is put back there by the next run.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { isBuiltSite } from "./output-guard.js";

/** Name of the staging folder for an output folder (a sibling, so the final rename stays on one disk). */
export function stagingDir(output: string, pid = process.pid): string {
  return path.join(path.dirname(output), `.${path.basename(output)}-staging-${pid}`);
}

/** Where the swap parks the previous site while the new one moves in. */
export function previousDir(output: string, pid = process.pid): string {
  return path.join(path.dirname(output), `.${path.basename(output)}-previous-${pid}`);
}

/** A swap that failed after it moved the previous site: the message says where each site now is. */
export class SwapError extends Error {
  override name = "SwapError";
}

/** The steps of a swap where a test can make it go wrong. */
const STAGING_POINTS = ["between-renames", "second-rename", "move-back", "before-cleanup", "cleanup"] as const;

/**
 * A test's fault at a step of the swap: `kill:POINT` (the process kills itself with SIGKILL there),
 * `exit:POINT` (it exits there, running no cleanup) or `fail:POINT` (the step there fails).
 */
export type StagingFault = `${"kill" | "exit" | "fail"}:${(typeof STAGING_POINTS)[number]}`;

/** The faults named in a comma-separated list (`TRANSCRIPTS_STAGING_FAULT`); other entries are ignored. */
export function parseStagingFaults(list: string): StagingFault[] {
  const known = new Set<string>(STAGING_POINTS.flatMap((p) => [`kill:${p}`, `exit:${p}`, `fail:${p}`]));
  return list.split(",").filter((f): f is StagingFault => known.has(f));
}

function fault(faults: readonly StagingFault[], point: (typeof STAGING_POINTS)[number]): void {
  if (faults.includes(`kill:${point}`)) process.kill(process.pid, "SIGKILL");
  if (faults.includes(`exit:${point}`)) process.exit(70);
  if (faults.includes(`fail:${point}`)) throw new Error(`injected failure at ${point} (TRANSCRIPTS_STAGING_FAULT)`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Staging and previous-site folders of builds that are no longer running, newest first. Those named
 * by this process are an earlier build's of this process (one that failed, where the build command
 * runs as a function, as the tests run it): builds into one output run one at a time in a process,
 * since they would share its staging folder.
 */
async function deadLeftovers(output: string): Promise<Array<{ dir: string; kind: "staging" | "previous" }>> {
  const parent = path.dirname(output);
  if (!existsSync(parent)) return [];
  const prefix = `.${path.basename(output)}-`;
  const found: Array<{ dir: string; kind: "staging" | "previous"; mtimeMs: number }> = [];
  for (const name of await readdir(parent)) {
    const m = name.startsWith(prefix) ? /-(staging|previous)-(\d+)$/.exec(name) : null;
    if (!m || name !== `${prefix}${m[1]}-${m[2]}`) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && isAlive(pid)) continue;
    const dir = path.join(parent, name);
    found.push({ dir, kind: m[1] as "staging" | "previous", mtimeMs: (await stat(dir)).mtimeMs });
  }
  return found.sort((a, b) => b.mtimeMs - a.mtimeMs);
}

/**
 * Undo what builds killed midway left next to `output`: put a previous site back when the output path
 * is missing, delete previous sites once the output holds a complete site, delete staging folders.
 * Returns one line per thing done that the user should know about.
 */
export async function recoverInterrupted(output: string): Promise<string[]> {
  const notes: string[] = [];
  const leftovers = await deadLeftovers(output);
  const previous = leftovers.filter((l) => l.kind === "previous").map((l) => l.dir);
  if (!existsSync(output) && previous.length > 0) {
    const chosen = previous.find((p) => isBuiltSite(p)) ?? previous[0]!;
    try {
      await rename(chosen, output);
    } catch (e) {
      throw new SwapError(`a build was interrupted while swapping sites, and its previous site could not be moved back from ${chosen} to ${output} (${message(e)}); rename it yourself.`);
    }
    previous.splice(previous.indexOf(chosen), 1);
    notes.push(`restored the previous site into ${output} from ${path.basename(chosen)}, left by a build interrupted while swapping sites.`);
  }
  const complete = existsSync(output) && isBuiltSite(output);
  for (const dir of previous) {
    if (!complete) {
      notes.push(`kept ${dir}, a previous site left by an interrupted build: ${output} is not a complete site. Check both and delete the one you do not want.`);
      continue;
    }
    try {
      await rm(dir, { recursive: true, force: true });
    } catch (e) {
      notes.push(`could not delete ${dir}, a previous site left by an interrupted build (${message(e)}); delete it yourself.`);
    }
  }
  for (const l of leftovers) if (l.kind === "staging") await rm(l.dir, { recursive: true, force: true });
  return notes;
}

/** Make an empty staging folder for this process (call `recoverInterrupted` first). */
export async function createStaging(output: string): Promise<string> {
  const staging = stagingDir(output);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  return staging;
}

/** What a swap left behind. */
export interface SwapResult {
  /** The previous site's folder, when the new site is in place but the old one could not be deleted. */
  previousLeft?: string;
  /** Why it could not be deleted. */
  reason?: string;
}

/**
 * Put the staged build in place of the output folder: two renames, the old site removed last.
 * Throws a plain error when the output was left as it was, a SwapError when it was not.
 * `faults` are for tests only (see `StagingFault`).
 */
export async function swapIn(staging: string, output: string, faults: readonly StagingFault[] = []): Promise<SwapResult> {
  const previous = previousDir(output);
  const hadOutput = existsSync(output);
  if (hadOutput) await rename(output, previous);
  fault(faults, "between-renames");
  try {
    fault(faults, "second-rename");
    await rename(staging, output);
  } catch (e) {
    if (!hadOutput) throw e;
    try {
      fault(faults, "move-back");
      await rename(previous, output);
    } catch (back) {
      throw new SwapError(
        `the new site could not be moved into ${output} (${message(e)}), nor the previous site moved back (${message(back)}); the previous site is in ${previous}, and the next build puts it back.`,
      );
    }
    throw e;
  }
  if (!hadOutput) return {};
  fault(faults, "before-cleanup");
  try {
    fault(faults, "cleanup");
    await rm(previous, { recursive: true, force: true });
  } catch (e) {
    return { previousLeft: previous, reason: message(e) };
  }
  return {};
}

/** Discard a staging folder after a failed build. */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
