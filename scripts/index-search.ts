/** `node --import tsx scripts/index-search.ts SITE_DIR`: (re)build the search index of a built site; prints what it cost. */
import { indexSite } from "../src/search/index-site.js";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node --import tsx scripts/index-search.ts SITE_DIR");
  process.exit(2);
}
const r = await indexSite(dir);
console.log(`search index: ${r.pages} pages in ${r.parts} part(s) in ${(r.ms / 1000).toFixed(2)} s; ${(r.bytes / 2 ** 20).toFixed(1)} MiB in ${r.files} files`);
