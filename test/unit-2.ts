/** The second of the unit tier's two processes (see test/unit-shard.ts). */
import { runUnitShare } from "./unit-shard.js";

await runUnitShare(1);
