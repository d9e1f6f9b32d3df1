/** Measuring whole processes: wall time, CPU time and peak memory, with medians over repeated runs. */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** What one run of a command cost. */
export interface RunCost {
  wallMs: number;
  cpuMs: number;
  /** Peak resident memory of the largest process of the tree (the kernel's accounting), in MiB. */
  peakMiB: number;
  /**
   * Peak of the whole tree's resident memory added up, sampled from /proc every 100 ms (NaN where
   * there is no /proc). It sees processes the kernel's accounting misses, such as Pagefind's
   * indexer, which its Node API stops without waiting for it.
   */
  treePeakMiB: number;
  status: number;
  output: string;
}

const TIME = "/usr/bin/time";

/**
 * Run a command to completion and measure it. With GNU time (Debian's `time` package) the peak
 * memory and CPU come from the kernel's accounting of the whole process tree; without it, from
 * Node's own `process.resourceUsage()` in a wrapper, which covers the main process only.
 */
export function measure(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 30 * 60_000): Promise<RunCost> {
  const useTime = existsSync(TIME);
  const argv = useTime ? ["-v", command, ...args] : [command, ...args];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(useTime ? TIME : command, argv, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let treePeak = 0;
    const sampler = existsSync("/proc/self/status")
      ? setInterval(() => {
          if (child.pid !== undefined) treePeak = Math.max(treePeak, treeRssBytes(child.pid));
        }, 100)
      : undefined;
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      clearInterval(sampler);
      const wallMs = performance.now() - started;
      const field = (name: string): number => Number(new RegExp(`${name}: ([\\d.]+)`).exec(output)?.[1] ?? NaN);
      const cpuMs = useTime ? (field("User time \\(seconds\\)") + field("System time \\(seconds\\)")) * 1000 : NaN;
      const peakMiB = useTime ? field("Maximum resident set size \\(kbytes\\)") / 1024 : NaN;
      const treePeakMiB = sampler ? treePeak / 2 ** 20 : NaN;
      resolve({ wallMs, cpuMs, peakMiB, treePeakMiB, status: code ?? -1, output });
    });
  });
}

/** Resident memory of process `root` and all its descendants now, in bytes (Linux /proc). */
export function treeRssBytes(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      parent.set(Number(entry), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      // Kernel threads and zombies have no VmRSS line.
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      // The process ended between listing and reading.
    }
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (p === root) {
        total += bytes;
        break;
      }
    }
  }
  return total;
}

/** Minimum, median and maximum of a list of numbers. */
export function spread(values: readonly number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0] ?? NaN, median, max: sorted.at(-1) ?? NaN };
}
