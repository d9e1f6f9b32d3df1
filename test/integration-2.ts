/** Share 2 of the integration tier's four processes (see test/integration-shard.ts). */
import { runIntegrationShare } from "./integration-shard.js";

runIntegrationShare(1);
