/** Internal link checking over a built site: every link, asset and fragment must resolve to a file and an id. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";

/** Every `.html` file under a folder. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .map((f) => path.join(dir, f));
}

/** Problems with internal links of a built site; empty when every link resolves. */
export function brokenLinks(siteDir: string, pathPrefix = "/"): string[] {
  const prefix = `/${pathPrefix.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let set = ids.get(file);
    if (!set) {
      const doc = parse(readFileSync(file, "utf8"));
      set = new Set(doc.querySelectorAll("[id]").map((el) => el.id));
      ids.set(file, set);
    }
    return set;
  };
  const resolve = (urlPath: string): string | undefined => {
    const target = path.join(siteDir, decodeURIComponent(urlPath));
    if (urlPath.endsWith("/")) return existsSync(path.join(target, "index.html")) ? path.join(target, "index.html") : undefined;
    if (existsSync(target) && statSync(target).isFile()) return target;
    return existsSync(path.join(target, "index.html")) ? path.join(target, "index.html") : undefined;
  };
  const problems: string[] = [];
  for (const file of htmlFiles(siteDir)) {
    const page = "/" + path.relative(siteDir, file).split(path.sep).join("/");
    const doc = parse(readFileSync(file, "utf8"));
    const refs = [
      ...doc.querySelectorAll("a[href], link[href]").map((el) => el.getAttribute("href")!),
      ...doc.querySelectorAll("script[src], img[src]").map((el) => el.getAttribute("src")!),
    ];
    for (const ref of refs) {
      if (/^(https?:|mailto:|data:)/.test(ref) || ref.startsWith("//")) continue;
      const [rawPath = "", fragment] = ref.split("#");
      let targetFile = file;
      if (rawPath) {
        let urlPath = rawPath.split("?")[0]!;
        if (urlPath.startsWith("/")) {
          if (!urlPath.startsWith(prefix)) {
            problems.push(`${page}: ${ref} does not start with the path prefix ${prefix}`);
            continue;
          }
          if (prefix !== "/" && urlPath.startsWith(prefix + prefix.slice(1))) problems.push(`${page}: ${ref} repeats the path prefix`);
          urlPath = "/" + urlPath.slice(prefix.length);
        } else {
          urlPath = path.posix.join(path.posix.dirname(page.replace(/^\//, "/")), urlPath);
        }
        const resolved = resolve(urlPath);
        // A site built without search (NO_SEARCH=1) has no index for the search page to load.
        if (!resolved && urlPath.startsWith("/pagefind/") && !existsSync(path.join(siteDir, "pagefind"))) continue;
        if (!resolved) {
          problems.push(`${page}: ${ref} points to nothing`);
          continue;
        }
        targetFile = resolved;
      }
      if (fragment && targetFile.endsWith(".html") && !idsOf(targetFile).has(decodeURIComponent(fragment))) problems.push(`${page}: ${ref} names no element`);
    }
  }
  return problems;
}
