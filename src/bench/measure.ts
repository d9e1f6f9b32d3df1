/** Measuring whole processes: wall time, CPU time and peak memory, with medians over repeated runs. */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

/** What one run of a command cost. */
export interface RunCost {
  wallMs: number;
  cpuMs: number;
  /** Peak resident memory of the process tree, in MiB. */
  peakMiB: number;
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
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const field = (name: string): number => Number(new RegExp(`${name}: ([\\d.]+)`).exec(output)?.[1] ?? NaN);
      const cpuMs = useTime ? (field("User time \\(seconds\\)") + field("System time \\(seconds\\)")) * 1000 : NaN;
      const peakMiB = useTime ? field("Maximum resident set size \\(kbytes\\)") / 1024 : NaN;
      resolve({ wallMs, cpuMs, peakMiB, status: code ?? -1, output });
    });
  });
}

/** Minimum, median and maximum of a list of numbers. */
export function spread(values: readonly number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0] ?? NaN, median, max: sorted.at(-1) ?? NaN };
}
