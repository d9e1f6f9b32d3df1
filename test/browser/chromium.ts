/** Launching Debian's Chromium for browser tests, or explaining how to get it. */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { PLAYWRIGHT_DISABLED_FEATURES, UNUSED_FEATURES } from "./chromium-features.js";

/** Where Debian installs Chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Why browser tests cannot run here, or undefined when they can. In CI (CI=true) a missing
 * browser is a failure, never a skip.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const message = `Chromium not found at ${CHROMIUM}: install it with 'apt-get update && apt-get install -y chromium fonts-noto-cjk' (or set CHROMIUM_PATH)`;
  if (process.env.CI === "true") throw new Error(`${message}. CI must run the browser tests.`);
  return message;
}

/** Start headless Chromium with the flags this machine needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium reads only the last --disable-features: this one repeats playwright-core's own.
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNUSED_FEATURES].join(",")}`],
  });
}
