/** The suite's own wiring: every unit, integration and browser file is in exactly one share, and npm test runs every share. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { root } from "../helpers.js";
import { BROWSER_SHARES, browserShares } from "../browser-shard.js";
import { INTEGRATION_SHARES, integrationShares } from "../integration-shard.js";
import { unitShares } from "../unit-shard.js";

const filesOf = (dir: string): string[] => readdirSync(path.join(root, dir)).filter((f) => f.endsWith(".test.ts")).map((f) => path.join(root, dir, f)).sort();

test("each unit, integration and browser file is in exactly one share, and no share is empty", () => {
  for (const [dir, shares] of [["test/unit", unitShares(2)], ["test/integration", integrationShares(INTEGRATION_SHARES)], ["test/browser", browserShares(BROWSER_SHARES)]] as const) {
    assert.deepEqual(shares.flat().sort(), filesOf(dir), dir);
    assert.ok(shares.every((s) => s.length > 0), `${dir}: every share has files`);
  }
});

test("npm test and each tier's script run every share", () => {
  const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const unit = ["test/unit-1.ts", "test/unit-2.ts"];
  const integration = Array.from({ length: INTEGRATION_SHARES }, (_, i) => `test/integration-${i + 1}.ts`);
  const browser = Array.from({ length: BROWSER_SHARES }, (_, i) => `test/browser-${i + 1}.ts`);
  for (const f of [...unit, ...integration, ...browser]) assert.ok(existsSync(path.join(root, f)), f);
  const words = (name: string): string[] => scripts[name]!.split(/\s+/);
  assert.deepEqual(words("test:unit").filter((w) => w.startsWith("test/")), unit);
  assert.deepEqual(words("test:integration").filter((w) => w.startsWith("test/")), integration);
  assert.deepEqual(words("test:browser").filter((w) => w.startsWith("test/")), browser);
  assert.deepEqual(words("test").filter((w) => w.startsWith("test/")), [...unit, ...integration, ...browser]);
});
