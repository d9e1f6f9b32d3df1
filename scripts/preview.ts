/**
 * `npm run preview [-- --dir=_site --pathprefix=/repo/ --port=8080 --host=127.0.0.1]`
 * Serves a built site as GitHub Pages would, on this machine only unless --host says otherwise.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { serveStatic } from "../src/serve/static-server.js";

const USAGE = "usage: npm run preview -- [--dir=_site] [--pathprefix=/repo/] [--port=8080] [--host=127.0.0.1]";

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        dir: { type: "string", default: "_site" },
        pathprefix: { type: "string", default: "/" },
        port: { type: "string", default: "8080" },
        host: { type: "string", default: "127.0.0.1" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    console.error(`preview: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.dir);
  if (!existsSync(path.join(dir, "index.html"))) {
    console.error(`preview: no built site in ${values.dir} (no index.html): run 'npm run build' first\n${USAGE}`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`preview: --port must be a number from 0 to 65535, not '${values.port}'`);
    return 2;
  }
  let server;
  try {
    server = await serveStatic(dir, { pathPrefix: values.pathprefix, port, host: values.host });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    console.error(`preview: cannot listen on ${values.host}:${port} (${err.code ?? err.message})${err.code === "EADDRINUSE" ? ": try --port=0 for a free port" : ""}`);
    return 2;
  }
  const prefix = `/${values.pathprefix.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  console.log(`serving ${values.dir} at ${server.url}${prefix} (Ctrl-C to stop)`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return 0;
}

const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
