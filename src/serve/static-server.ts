/**
 * A small static file server on loopback: `npm run preview` and the browser tests serve a built site
 * with it, text compressed as GitHub Pages compresses it.
 */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

/** Types sent compressed to a client that accepts gzip, as GitHub Pages sends them (Pagefind's files are gzipped already). */
const COMPRESSED = /^(?:text\/|application\/(?:json|xml)|image\/svg)/;

/**
 * Compressed bodies of the files served, by path, kept while the file's size and modification time
 * stay the same: GitHub Pages compresses a file once, not on every request, and gzip at Node's default
 * level costs about 3 ms for a 100 KB post page (a search lists twenty). At most `maxBytes` of them;
 * the least recently served go first.
 */
export class GzipCache {
  private readonly entries = new Map<string, { mtimeMs: number; size: number; gz: Buffer }>();
  private bytes = 0;
  constructor(private readonly maxBytes = 64 * 2 ** 20) {}

  /** The gzip of `file`, whose size and modification time are `size` and `mtimeMs` (`stat`'s): read only when not kept. */
  async get(file: string, mtimeMs: number, size: number): Promise<Buffer> {
    const hit = this.entries.get(file);
    if (hit && hit.mtimeMs === mtimeMs && hit.size === size) {
      // Served again: now the most recent (a Map keeps insertion order).
      this.entries.delete(file);
      this.entries.set(file, hit);
      return hit.gz;
    }
    if (hit) {
      this.entries.delete(file);
      this.bytes -= hit.gz.length;
    }
    const gz = gzipSync(await readFile(file));
    if (gz.length > this.maxBytes) return gz;
    this.entries.set(file, { mtimeMs, size, gz });
    this.bytes += gz.length;
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(key);
      this.bytes -= entry.gz.length;
    }
    return gz;
  }
}

/** A running server and how to stop it. */
export interface StaticServer {
  /** Origin, without the path prefix: `http://127.0.0.1:PORT`. */
  url: string;
  close(): Promise<void>;
}

/** Where and how to serve. */
export interface StaticServerOptions {
  /** The site is served under this URL prefix (`/repo/`), as GitHub Pages serves a project site. */
  pathPrefix?: string;
  /** Port; 0 picks a free one. */
  port?: number;
  /** Address to listen on; loopback unless asked. */
  host?: string;
}

/** Serve the built site in `dir` (its 404.html for missing pages). */
export async function serveStatic(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const rootDir = path.resolve(dir);
  const prefix = `/${(options.pathPrefix ?? "/").replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  const compressed = new GzipCache();
  const server: Server = createServer(async (req, res) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (prefix !== "/" && urlPath === prefix.slice(0, -1)) {
      res.writeHead(301, { location: prefix }).end();
      return;
    }
    const inside = urlPath.startsWith(prefix) ? urlPath.slice(prefix.length - 1) : undefined;
    let file = inside === undefined ? undefined : path.join(rootDir, inside);
    if (file !== undefined && file !== rootDir && !file.startsWith(rootDir + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (file === undefined) throw new Error("outside the prefix");
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!urlPath.endsWith("/")) {
          res.writeHead(301, { location: `${urlPath}/` }).end();
          return;
        }
        file = path.join(file, "index.html");
        info = await stat(file);
      }
      const type = TYPES[path.extname(file)] ?? "application/octet-stream";
      if (COMPRESSED.test(type) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
        res.writeHead(200, { "content-type": type, "content-encoding": "gzip", vary: "accept-encoding" }).end(await compressed.get(file, info.mtimeMs, info.size));
        return;
      }
      res.writeHead(200, { "content-type": type }).end(await readFile(file));
    } catch {
      const notFound = await readFile(path.join(rootDir, "404.html")).catch(() => Buffer.from("not found"));
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end(notFound);
    }
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
