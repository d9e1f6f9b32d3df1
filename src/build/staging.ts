/**
 * Staged output: a build writes into a fresh sibling folder and, only when it succeeds, swaps it
 * in place of the output folder. A failed or interrupted build leaves the previous site as it was.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";

/** Name of the staging folder for an output folder (a sibling, so the final rename stays on one disk). */
export function stagingDir(output: string, pid = process.pid): string {
  return path.join(path.dirname(output), `.${path.basename(output)}-staging-${pid}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Remove staging and previous-site folders that builds killed midway left behind. */
export async function removeStaleStaging(output: string): Promise<void> {
  const dir = path.dirname(output);
  if (!existsSync(dir)) return;
  const prefix = `.${path.basename(output)}-`;
  for (const name of await readdir(dir)) {
    const m = name.startsWith(prefix) ? /-(staging|previous)-(\d+)$/.exec(name) : null;
    if (m && !isAlive(Number(m[2]))) await rm(path.join(dir, name), { recursive: true, force: true });
  }
}

/** Make an empty staging folder for this process. */
export async function createStaging(output: string): Promise<string> {
  await removeStaleStaging(output);
  const staging = stagingDir(output);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  return staging;
}

/** Put the staged build in place of the output folder: two renames, the old site removed last. */
export async function swapIn(staging: string, output: string): Promise<void> {
  const previous = path.join(path.dirname(output), `.${path.basename(output)}-previous-${process.pid}`);
  const hadOutput = existsSync(output);
  if (hadOutput) await rename(output, previous);
  try {
    await rename(staging, output);
  } catch (e) {
    if (hadOutput) await rename(previous, output);
    throw e;
  }
  if (hadOutput) await rm(previous, { recursive: true, force: true });
}

/** Discard a staging folder after a failed build. */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
