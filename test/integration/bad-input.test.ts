/**
 * The bad-input sweep: hostile and broken posts, as a real archive or a careless editor produces
 * them. Each must get a clear diagnostic with its rule id (from `npm run check` and from the build)
 * or build into a safe page; no run prints a stack trace, and no script from a post reaches any page.
 *
 * Two folders, because one error stops a whole build: `recoverable/` must build (warnings at most),
 * `broken/` must be refused with one error per file.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { parse, type HTMLElement } from "node-html-parser";
import { buildHere, checkHere, FIXTURE_SITE_FILE, PREFS_SCRIPT, root, SEARCH_PARTS_SCRIPT, THEME_SCRIPT, type RunResult } from "../helpers.js";

const tmp = mkdtempSync(path.join(tmpdir(), "bad-input-"));
const good = path.join(tmp, "recoverable");
const bad = path.join(tmp, "broken");
const site = path.join(tmp, "site");
const refused = path.join(tmp, "refused-site");

/** Turns in the huge post; each is about 450 bytes, so the file is over 10 MB. */
const HUGE_TURNS = 24_000;

// ---------------------------------------------------------------------------------------------
// The posts

const fm = (title: string, extra = ""): string => `---\ntitle: '${title}'\ndate: '2025-01-01'\n${extra}---\n`;
/** A one-turn body without defects, for posts whose problem is elsewhere. */
const BODY = "**甲：** 正文。\n\n<details>\n<summary>Original English</summary>\n\nBody.\n</details>\n";

/** Hostile markup in every place a post can put text, classic originals (`<p class="english-text">`). */
const HOSTILE_CLASSIC = `---
title: '<script>alert("t")</script><img src=x onerror=alert(1)> 标题 <iframe src="https://evil.example"></iframe>'
date: '2025-01-02'
summary: '<svg onload=alert(2)>摘要</svg> <style>body{display:none}</style> <a href="javascript:alert(3)">链接</a>'
tags: ['<script>alert(4)</script>', '<img src=x onerror=alert(5)>', '<a href="javascript:alert(6)">t</a>']
people: ['<iframe src=javascript:alert(8)>']
speaker: '<svg onload=alert(7)>'
series: '<style>*{display:none}</style>系列'
source: 'https://example.org/"><script>alert(9)</script>'
---
### 小节 <script>alert("h")</script> <img src=x onerror=alert(10)>

**主持人：** 译文甲 <script>alert(11)</script> <img src=x onerror="alert(12)"> <iframe src="https://evil.example">框内字</iframe> <a href="javascript:alert(13)">坏链接</a> <svg onload="alert(14)"><circle/></svg> <style>body{display:none}</style> [md链接](javascript:alert(15)) <a href="JaVaScRiPt&colon;alert(16)">大小写</a> <a href="&#106;avascript:alert(17)">实体</a> <scr<script>ipt>alert(18)</script> 译文乙

<details>
<summary>View/Hide Original English</summary>
<p class="english-text">Original one <script>alert(19)</script> <img src=x onerror=alert(20)> <iframe srcdoc="<script>alert(21)</script>">frame words</iframe> <a href="javascript:alert(22)">bad link</a> <svg><script>alert(23)</script></svg> <style>p{}</style> end one.</p>
</details>

**嘉宾：** 译文丙 <object data="javascript:alert(24)"></object><embed src="javascript:alert(25)"> <form action="javascript:alert(26)"><button formaction="javascript:alert(27)">按钮</button></form> 译文丁

<details>
<summary><script>alert(28)</script></summary>
<p class="english-text" onclick="alert(29)">Original two <math><mi xlink:href="javascript:alert(30)">m</mi></math> <base href="javascript:alert(31)//"> <meta http-equiv="refresh" content="0;url=javascript:alert(32)"> end two.</p>
</details>
`;

/** The same attacks in the newer original format (summary, blank line, Markdown paragraphs). */
const HOSTILE_MARKDOWN = `---
title: '<svg onload=alert(40)>新格式</svg>'
date: '2025-01-03'
summary: "<script>alert(41)</script>"
tags: ['<style>x</style>', 'R&D']
---
## 小节 <iframe src=javascript:alert(42)></iframe>

**主持人:** 译文戊 <img src=x onerror=alert(43)> [图](javascript:alert(44)) ![图](javascript:alert(45)) 译文己

<details>
<summary>Original English</summary>

Original three <script>alert(46)</script> and [link](javascript:alert(47)) and <a href="vbscript:msgbox(48)">vb</a> and <a href="data:text/html,<script>alert(49)</script>">data</a> end three.

<iframe src="https://evil.example"></iframe>

<script>
alert(50)
</script>

Fourth paragraph <svg/onload=alert(51)> <style>@import url(https://evil.example/x.css);</style> end four.
</details>
`;

/** Words outside any tag in the hostile posts: sanitizing may drop markup, never these. */
const KEPT_WORDS = ["译文甲", "译文乙", "框内字", "坏链接", "Original one", "frame words", "end one.", "译文丙", "译文丁", "Original two", "end two.", "译文戊", "译文己", "Original three", "end three.", "Fourth paragraph", "end four."];

function hugePost(): string {
  const parts = [fm("超大文件")];
  for (let i = 0; i < HUGE_TURNS; i++) {
    if (i % 500 === 0) parts.push(`### 第 ${i / 500 + 1} 节\n\n`);
    // Every sentence carries its turn number, so the repetition detector sees no runaway loop.
    parts.push(
      `**说话人${i % 3}：** 第${i}段译文，讲的是第${i}个问题：规模、数据与研究方法之间的关系，以及为什么第${i}次实验的结果和预期不同。\n\n` +
        `<details>\n<summary>View/Hide Original English</summary>\n<p class="english-text">Passage ${i} is about question ${i}: how scale, data and research method relate, and why experiment number ${i} came out differently from what everyone expected it to show.</p>\n</details>\n\n`,
    );
  }
  parts.push("**说话人0：** 最后一段译文。\n\n<details>\n<summary>View/Hide Original English</summary>\n<p class=\"english-text\">The very last passage.</p>\n</details>\n");
  return parts.join("");
}

// GBK bytes of 标题 and 中文内容, written by hand: Node can decode GBK but not encode it.
const GBK_TITLE = [0xb1, 0xea, 0xcc, 0xe2];
const GBK_BODY = [0xd6, 0xd0, 0xce, 0xc4, 0xc4, 0xda, 0xc8, 0xdd];

/** The recoverable posts, with the exact `line:rule` diagnostics each must get (undefined: no errors, others unchecked). */
const RECOVERABLE: Record<string, { text: string | Buffer; diagnostics?: string[] }> = {
  "hostile-classic.md": { text: HOSTILE_CLASSIC },
  "hostile-markdown.md": { text: HOSTILE_MARKDOWN },
  "huge.md": { text: "", diagnostics: [] }, // filled in before() to keep the module cheap to import
  // Front matter and no text (an `npm run new` scaffold left as it is): a warning, and no empty page.
  "only-front-matter.md": { text: fm("只有元数据"), diagnostics: ["4:post-empty"] },
  "only-front-matter-no-newline.md": { text: fm("没有换行").trimEnd(), diagnostics: ["4:post-empty"] },
  "only-close-tags.md": { text: `${fm("只有闭合标签")}</details>\n</details>\n\n</details>\n`, diagnostics: ["5:details-stray-close", "6:details-stray-close", "8:details-stray-close"] },
  "four-dash-fence.md": {
    text: "----\ntitle: 四个横线\ndate: '2025-01-05'\n----\n**甲：** 四横线正文。\n\n<details>\n<summary>Original English</summary>\n\nFour dashes body.\n</details>\n",
    diagnostics: ["1:frontmatter-fence", "4:frontmatter-fence"],
  },
  "crlf.md": {
    // Line 12 is a stray close: its reported line proves CRLF files are counted like LF ones.
    text: `${fm("回车换行")}**甲：** 回车换行正文。\r\n\r\n<details>\r\n<summary>Original English</summary>\r\n\r\nCRLF body.\r\n</details>\r\n</details>\r\n`.replace(/(?<!\r)\n/g, "\r\n"),
    diagnostics: ["12:details-stray-close"],
  },
  "utf8-bom.md": { text: `\uFEFF${fm("带BOM")}**甲：** BOM 正文。\n\n<details>\n<summary>Original English</summary>\n\nBOM body.\n</details>\n`, diagnostics: [] },
};

/** The broken posts, with the one `line:rule` error each must get. */
const BROKEN: Record<string, { bytes: Buffer; diagnostics: string[] }> = {
  "empty.md": { bytes: Buffer.alloc(0), diagnostics: ["1:file-empty"] },
  // A PNG's first bytes: NULs and high bytes, as an image saved with the wrong extension has.
  "binary.md": { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8, 0x00, 0x10]), diagnostics: ["1:file-binary"] },
  "gbk.md": {
    bytes: Buffer.concat([Buffer.from("---\ntitle: "), Buffer.from(GBK_TITLE), Buffer.from("\ndate: '2025-01-01'\n---\n"), Buffer.from(GBK_BODY), Buffer.from("\n")]),
    diagnostics: ["1:file-encoding"],
  },
  // UTF-16 is text in another encoding, not a binary file: the fix is "save as UTF-8", not "remove it".
  "utf16.md": { bytes: Buffer.from(`\uFEFF${fm("十六位")}${BODY}`, "utf16le"), diagnostics: ["1:file-encoding"] },
  "a/same.md": { bytes: Buffer.from(fm("甲") + BODY), diagnostics: [] },
  "b/same.md": { bytes: Buffer.from(fm("乙") + BODY), diagnostics: ["1:slug-duplicate"] },
  "javascript-source.md": { bytes: Buffer.from(fm("坏来源", "source: 'javascript:alert(1)'\n") + BODY), diagnostics: ["4:value-invalid"] },
};

// ---------------------------------------------------------------------------------------------
// Issue 15, text safety (items 2–5): text is never dropped, content loads nothing remote and sets
// none of the site's classes, and control characters never reach a page or an XML file. These posts
// join the recoverable ones; their tests are at the end of the file.

/** A post of `turns` (translation, English original) pairs in the newer format, after the front matter `head`. */
const turnsPost = (head: string, turns: [string, string][]): string =>
  head + turns.map(([zh, en]) => `${zh}\n<details>\n<summary>Original English</summary>\n\n${en}\n</details>\n`).join("\n");

/** Body line (1-based, in the file) and column of `needle` in a post's text: where a warning must point. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return text.slice(0, at).split("\n").length;
}

const COMMENT_UNCLOSED = turnsPost(fm("未闭合注释"), [
  ["**甲：** 代码里写 `<!--` 不会隐藏后文。", "Writing `<!--` in code hides nothing."],
  ["**乙：** 这里有一个没有闭合的 <!-- 注释开头，后文仍然可见。", "Here an unclosed <!-- comment opener, the rest still shows."],
  ["<!-- 行首的未闭合注释\n\n**丙：** 最后一段也在。", "The last passage is here too."],
]);

const ANGLE_WORDS = turnsPost(fm("尖括号里的词"), [
  ["**甲：** Rust 的 Option<T>、C++ 的 vector<int>，模型输出 <think> 和 <eos>，按 <Tab> 补全。", "Rust's Option<T>, C++'s vector<int>, the model emits <think> and <eos>, press <Tab>."],
  ["**乙：** 在代码里写 `<details>`、`<summary>` 和 `</details>` 都只是文字。", "Writing `<details>`, `<summary>` and `</details>` in code is just text."],
]);

const REMOTE_AND_CLASSES = turnsPost(fm("远程资源与类名"), [
  // No '<' in these two paragraphs: the renderer's fast path, which skipped the sanitizer.
  [
    "**甲：** 图片 ![远程图](https://evil.example/p.gif) 与 ![内嵌图](data:image/gif;base64,R0lGODlhAQABAAAAACw=) 和 [协议相对](//evil.example/x) 以及 **跳过**{: .skip-link} [好链接](https://ok.example/){: .speaker}。",
    "An image ![remote](https://evil.example/q.gif) and [relative](//evil.example/y) and **bold**{: .turn-link}.",
  ],
  [
    '**乙：** 原始标签 <span class="turn-link">井号</span> 与 <img src="https://evil.example/r.gif"> 和 <a class="skip-link" href="//evil.example/z">原始链接</a>。',
    'Raw tags <span class="speaker">fake speaker</span> and <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="> end.',
  ],
]);

const CONTROL_CHARS = turnsPost(
  `---\ntitle: "控制字符\\0\\x01\\x1b标题"\ndate: '2025-03-01'\nsummary: "摘要\\x7f\\x0b文字"\ntags: ["标签\\x02", "正常"]\nspeaker: "说话人\\x03"\n---\n`,
  [["**甲：** 正文\u0001里有\u007f控制字符。", "Body with a \u001b control character."]],
);

Object.assign(RECOVERABLE, {
  "comment-unclosed.md": {
    text: COMMENT_UNCLOSED,
    diagnostics: [`${lineOf(COMMENT_UNCLOSED, "<!-- 注释开头")}:comment-unclosed`, `${lineOf(COMMENT_UNCLOSED, "<!-- comment opener")}:comment-unclosed`, `${lineOf(COMMENT_UNCLOSED, "<!-- 行首")}:comment-unclosed`],
  },
  "angle-words.md": { text: ANGLE_WORDS, diagnostics: [] },
  "remote-and-classes.md": { text: REMOTE_AND_CLASSES, diagnostics: [] },
  "control-chars.md": { text: CONTROL_CHARS, diagnostics: ["2:control-character", "4:control-character", "5:control-character", "6:control-character", "8:control-character", "12:control-character"] },
} satisfies typeof RECOVERABLE);

// ---------------------------------------------------------------------------------------------
// Running and reading the tools

/** Like helpers.runScript, with a time limit so a hang fails the test instead of blocking it. */
/** Run a script of scripts/ as npm would, in a process of its own (the runs of a before() go at once). */
function run(script: string, args: readonly string[], timeoutMs = 180_000): Promise<RunResult & { ms: number }> {
  const started = performance.now();
  const site = script === "build.ts" ? [`--site=${FIXTURE_SITE_FILE}`] : [];
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", script), ...site, ...args], {
    cwd: root,
    env: { ...process.env, INIT_CWD: root, NO_SEARCH: "1" },
    timeout: timeoutMs,
    killSignal: "SIGKILL",
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => out.push(b));
  child.stderr.on("data", (b: Buffer) => err.push(b));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ status: code ?? -1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), ms: performance.now() - started }));
  });
}

interface Diagnostic {
  file: string;
  line: number;
  severity: string;
  rule: string;
  message: string;
}

/** The `path:line:col severity rule-id message` lines of a text report, with paths relative to `dir`. */
function diagnosticsOf(output: string, dir: string): Diagnostic[] {
  return [...output.matchAll(/^(.+?):(\d+):\d+ (error|warning) ([a-z0-9-]+) (.*)$/gm)].map((m) => ({
    file: path.relative(dir, path.resolve(root, m[1]!)).split(path.sep).join("/"),
    line: Number(m[2]),
    severity: m[3]!,
    rule: m[4]!,
    message: m[5]!,
  }));
}

const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

/** Every file under `dir`, relative, with `/`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join((e as { parentPath?: string }).parentPath ?? e.path, e.name)).split(path.sep).join("/"));
}

const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "srcdoc", "background"];
const FORBIDDEN_ELEMENTS = ["iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "style", "math"];

/** Everything in one HTML document that could run code or restyle the page, described; [] when safe. */
function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  const doc = parse(html, { comment: false });
  const scripts = doc.querySelectorAll("script");
  const allowed = scripts.filter((s) => {
    const type = s.getAttribute("type");
    const src = s.getAttribute("src");
    // Data blocks of our own templates (JSON-LD, the search page's labels): inert, and '<' escaped.
    if ((type === "application/ld+json" || type === "application/json") && src === undefined) return !s.innerHTML.includes("<");
    if (type === undefined && src === undefined) return s.innerHTML === PREFS_SCRIPT || s.innerHTML === THEME_SCRIPT;
    // The search page's own inline module, exactly as its template writes it.
    if (type === "module" && src === undefined && SEARCH_PARTS_SCRIPT !== undefined) return s.innerHTML === SEARCH_PARTS_SCRIPT;
    return src !== undefined && src.startsWith("/assets/") && s.innerHTML.trim() === "";
  });
  for (const s of scripts.filter((x) => !allowed.includes(x))) problems.push(`script: ${s.outerHTML.slice(0, 100)}`);
  // The parser may read malformed markup differently from a browser: count the raw openings too.
  const rawScripts = (html.match(/<script\b/gi) ?? []).length;
  if (rawScripts !== allowed.length) problems.push(`${rawScripts} '<script' in the source, ${allowed.length} allowed script elements`);
  // A '</script>' inside JSON-LD ends the element early and lets the rest be read as HTML.
  const rawCloses = (html.match(/<\/script\b/gi) ?? []).length;
  if (rawCloses !== allowed.length) problems.push(`${rawCloses} '</script' in the source, ${allowed.length} allowed script elements`);
  // Our templates' search forms (role="search", a site-relative action or none) are the only forms allowed.
  const ownForm = (el: HTMLElement): boolean => el.rawTagName === "form" && el.getAttribute("role") === "search" && (el.getAttribute("action") ?? "/").startsWith("/");
  for (const tag of FORBIDDEN_ELEMENTS) {
    for (const el of doc.querySelectorAll(tag)) if (!ownForm(el)) problems.push(`<${tag}>: ${el.outerHTML.slice(0, 100)}`);
    if (new RegExp(`<${tag}[\\s/>]`, "i").test(html) && doc.querySelectorAll(tag).length === 0) problems.push(`raw '<${tag}' in the source`);
  }
  if (/<meta[^>]+http-equiv\s*=\s*["']?refresh/i.test(html)) problems.push("meta refresh");
  for (const el of doc.querySelectorAll("*")) {
    for (const [name, value] of Object.entries(el.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith("on")) problems.push(`<${el.rawTagName} ${name}="${value.slice(0, 40)}">`);
      // Browsers ignore whitespace and control characters inside the scheme.
      const url = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
      if (URL_ATTRIBUTES.includes(lower) && /^(javascript|vbscript|data):/.test(url)) problems.push(`<${el.rawTagName} ${name}="${value.slice(0, 60)}">`);
    }
  }
  // Inline styles in the transcript come only from post text (the templates put none there).
  for (const el of doc.querySelectorAll(".transcript [style], .post-header [style]")) problems.push(`style attribute on <${el.rawTagName}>`);
  return problems;
}

/** Character references that reached the reader as text: markup escaped twice. */
const LITERAL_ENTITY = /&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

const page = (url: string): HTMLElement => parse(readFileSync(path.join(site, url, "index.html"), "utf8"));

// ---------------------------------------------------------------------------------------------

let checkGood: RunResult;
let checkBad: RunResult;
let buildGood: RunResult & { ms: number };
let buildBad: RunResult;

before(async () => {
  RECOVERABLE["huge.md"]!.text = hugePost();
  mkdirSync(good);
  for (const [name, { text }] of Object.entries(RECOVERABLE)) writeFileSync(path.join(good, name), text);
  for (const [name, { bytes }] of Object.entries(BROKEN)) {
    mkdirSync(path.dirname(path.join(bad, name)), { recursive: true });
    writeFileSync(path.join(bad, name), bytes);
  }
  // A hang fails the test; the build's time is reported, not asserted (npm run bench measures speed).
  // The check of the broken posts and the build of the recoverable ones are processes of their own,
  // whose output is what a user reads; the other two run their command in this process meanwhile
  // (a process costs about a second and a half of CPU before it starts to work).
  [checkBad, buildGood, [checkGood, buildBad]] = await Promise.all([
    run("check.ts", [bad]),
    run("build.ts", [`--input=${good}`, `--output=${site}`], 300_000),
    (async () => [await checkHere([good]), await buildHere([`--input=${bad}`, `--output=${refused}`], { NO_SEARCH: "1" })] as const)(),
  ]);
});

after(() => rmSync(tmp, { recursive: true, force: true }));

test("the fixtures are what they claim: 10 MB of turns, real GBK, UTF-16 with a BOM", () => {
  assert.ok(Buffer.byteLength(RECOVERABLE["huge.md"]!.text) > 10 * 1024 * 1024);
  assert.equal(new TextDecoder("gbk").decode(BROKEN["gbk.md"]!.bytes), "---\ntitle: 标题\ndate: '2025-01-01'\n---\n中文内容\n");
  assert.deepEqual([...BROKEN["utf16.md"]!.bytes.subarray(0, 2)], [0xff, 0xfe]);
});

test("no run prints a stack trace", () => {
  for (const [what, r] of [["check recoverable/", checkGood], ["check broken/", checkBad], ["build recoverable/", buildGood], ["build broken/", buildBad]] as const) {
    assert.doesNotMatch(r.stdout + r.stderr, STACK_TRACE, `${what} printed a stack trace:\n${(r.stdout + r.stderr).slice(0, 3000)}`);
  }
});

test("broken files: check and build each report the exact rule and line, exit 1, and write nothing", () => {
  assert.equal(checkBad.status, 1, checkBad.stdout + checkBad.stderr);
  assert.equal(buildBad.status, 1, buildBad.stderr);
  assert.match(buildBad.stderr, /build stopped: fix the errors above/);
  assert.ok(!existsSync(refused), "a refused build creates no output folder");
  // Its own staging folder (`.refused-site-staging-<pid>`, src/build/staging.ts): the other builds of
  // this file, which write beside it, may be at work when this test runs.
  assert.deepEqual(readdirSync(tmp).filter((n) => n.startsWith(`.${path.basename(refused)}-`)), [], "no staging folder left behind");
  // Compared as one object per tool, so a failure lists every file that is wrong, not just the first.
  const expected = Object.fromEntries(Object.entries(BROKEN).map(([name, { diagnostics }]) => [name, diagnostics.map((d) => d.replace(":", ":error "))]));
  for (const [what, output] of [["check", checkBad.stdout], ["build", buildBad.stderr]] as const) {
    const diags = diagnosticsOf(output, bad);
    const got = Object.fromEntries(Object.keys(BROKEN).map((name) => [name, diags.filter((d) => d.file === name).map((d) => `${d.line}:${d.severity} ${d.rule}`)]));
    assert.deepEqual(got, expected, `${what}: line:severity rule per file`);
  }
  const duplicate = diagnosticsOf(checkBad.stdout, bad).find((d) => d.rule === "slug-duplicate");
  assert.match(duplicate?.message ?? "", /a\/same\.md/, "the duplicate names the other file");
});

test("recoverable posts: check passes with exactly the expected warnings, and the build succeeds", () => {
  assert.equal(checkGood.status, 0, checkGood.stdout.slice(-3000) + checkGood.stderr);
  assert.equal(buildGood.status, 0, buildGood.stderr.slice(-3000));
  const diags = diagnosticsOf(checkGood.stdout, good);
  assert.deepEqual(diags.filter((d) => d.severity === "error"), []);
  const checked = Object.entries(RECOVERABLE).filter(([, { diagnostics }]) => diagnostics !== undefined);
  const got = Object.fromEntries(checked.map(([name]) => [name, diags.filter((d) => d.file === name).map((d) => `${d.line}:${d.rule}`)]));
  assert.deepEqual(got, Object.fromEntries(checked.map(([name, { diagnostics }]) => [name, diagnostics])));
});

test("the 10 MB post builds, with every turn and the last words", (t) => {
  t.diagnostic(`build of recoverable/ (10 MB post included): ${(buildGood.ms / 1000).toFixed(1)} s`);
  assert.equal(buildGood.status, 0, buildGood.stderr.slice(-3000));
  const html = readFileSync(path.join(site, "posts/huge/index.html"), "utf8");
  // Counting with a regex: a DOM of 20 MB would cost more time than the build.
  assert.equal((html.match(/<div class="t" id="t-\d+"[^>]*><div>[\s\S]*?<\/div>\n<details\b/g) ?? []).length, HUGE_TURNS + 1, "one original per turn");
  assert.ok(html.includes(`第${HUGE_TURNS - 1}段译文`) && html.includes(`experiment number ${HUGE_TURNS - 1} came out`), "the last numbered turn is there");
  assert.ok(html.includes("最后一段译文") && html.includes("The very last passage."), "the final turn is there");
});

test("no page of the site carries a script, handler, frame, style or javascript: URL from a post", () => {
  const htmlFiles = filesUnder(site).filter((f) => f.endsWith(".html"));
  assert.ok(htmlFiles.length > 5);
  const problems = htmlFiles.filter((f) => f !== "posts/huge/index.html").flatMap((f) => unsafeParts(readFileSync(path.join(site, f), "utf8")).map((p) => `${f}: ${p}`));
  assert.deepEqual(problems, []);
});

test("the safety scan flags what it must, so the sweep above cannot pass vacuously", () => {
  for (const bad of ['<p onclick="x()">a</p>', "<script>alert(1)</script>", '<script type="module" async>alert(1)</script>', '<script type="application/ld+json">{"a":"</script>"}</script>', '<a href=" jAvAscript:alert(1)">x</a>', '<a href="&#106;avascript:alert(1)">x</a>', "<iframe src=x></iframe>", "<style>p{}</style>", '<img src="data:text/html,x">', '<script src="https://evil.example/x.js"></script>', '<div class="transcript"><i style="color:red">x</i></div>']) {
    assert.notDeepEqual(unsafeParts(`<html><body>${bad}</body></html>`), [], bad);
  }
  assert.deepEqual(unsafeParts('<html><head><script type="application/ld+json">{"a":"\\u003c"}</script><script src="/assets/site.js"></script></head><body><a href="/x/">x</a></body></html>'), []);
});

test("feeds stay well-formed and carry no markup from posts", () => {
  const atom = readFileSync(path.join(site, "feed.xml"), "utf8");
  assert.equal(XMLValidator.validate(atom), true, "feed.xml is well-formed XML");
  assert.doesNotMatch(atom, /<(script|img|svg|iframe|style|a)\b/i, "post markup is escaped in the Atom feed");
  const json = JSON.parse(readFileSync(path.join(site, "feed.json"), "utf8")) as { items: Array<Record<string, unknown>> };
  for (const item of json.items) {
    for (const key of ["content_html", "summary_html"]) {
      const html = item[key];
      if (typeof html === "string") assert.deepEqual(unsafeParts(html), [], `${String(item.id)} ${key}`);
    }
  }
});

test("no page shows markup escaped twice (a literal &quot; or &lt; in its title, meta tags or text)", () => {
  // No post here has a character reference in its visible text, so any on a page is a double escape.
  const problems: string[] = [];
  for (const f of filesUnder(site).filter((x) => x.endsWith(".html") && x !== "posts/huge/index.html")) {
    const doc = parse(readFileSync(path.join(site, f), "utf8"));
    const texts = [["<title>", doc.querySelector("title")?.text ?? ""], ["body", doc.querySelector("body")?.text ?? ""], ...doc.querySelectorAll("meta[content]").map((m) => [`meta ${m.getAttribute("name") ?? m.getAttribute("property")}`, m.getAttribute("content") ?? ""])];
    for (const [where, text] of texts) {
      const m = LITERAL_ENTITY.exec(text!);
      if (m) problems.push(`${f} ${where}: …${text!.slice(Math.max(0, m.index - 30), m.index + 30).replace(/\s+/g, " ")}…`);
    }
  }
  assert.deepEqual(problems, []);
});

test("hostile posts keep their words: titles shown as text, no words outside tags lost", () => {
  const classic = page("posts/hostile-classic");
  // DESIGN 3.5: a tag that is not an allowed inline element is shown as the author typed it, never parsed.
  assert.equal(classic.querySelector(".transcript > section")?.firstElementChild?.text.trim(), '小节 <script>alert("h")</script> <img src=x onerror=alert(10)>');
  assert.equal(classic.querySelector("h1")?.text.trim(), '<script>alert("t")</script><img src=x onerror=alert(1)> 标题 <iframe src="https://evil.example"></iframe>', "the title is escaped, not parsed");
  const markdown = page("posts/hostile-markdown");
  const text = `${classic.querySelector("main")?.text ?? ""}\n${markdown.querySelector("main")?.text ?? ""}`;
  const lost = KEPT_WORDS.filter((w) => !text.includes(w));
  assert.deepEqual(lost, [], "words lost by sanitizing");
  const source = classic.querySelector(".meta-source")?.getAttribute("href");
  assert.equal(source, 'https://example.org/"><script>alert(9)</script>', "the source URL is one attribute value");
});

test("a <script> block inside an original does not end the original: its English stays English", () => {
  // Its `</script>` line is a real closing tag of the `<script>` two lines up, not a corrupted `</details>`.
  const doc = page("posts/hostile-markdown");
  const fourth = doc.querySelectorAll("p").find((p) => p.text.includes("Fourth paragraph"));
  assert.ok(fourth, "the paragraph is on the page");
  assert.ok(fourth.closest(".t > details"), "the English paragraph after the script block is inside the original, not a translation");
});

test("edge-case posts build into their pages with their text", () => {
  assert.ok(!existsSync(path.join(site, "posts/only-front-matter")), "a post with no text has no page");
  assert.ok(!existsSync(path.join(site, "posts/only-front-matter-no-newline")));
  const closeOnly = page("posts/only-close-tags");
  assert.equal(closeOnly.querySelectorAll(".t").length, 0);
  assert.doesNotMatch(closeOnly.querySelector("main")?.text ?? "", /details/, "stray closing tags are not shown as text");
  const fence = page("posts/four-dash-fence");
  assert.equal(fence.querySelector("h1")?.text.trim(), "四个横线");
  assert.match(fence.querySelector("main")?.text ?? "", /四横线正文[\s\S]*Four dashes body\./);
  const crlf = readFileSync(path.join(site, "posts/crlf/index.html"), "utf8");
  assert.ok(!crlf.includes("\r"), "no carriage returns reach the page");
  assert.match(parse(crlf).querySelector("main")?.text ?? "", /回车换行正文[\s\S]*CRLF body\./);
  const bom = page("posts/utf8-bom");
  assert.equal(bom.querySelector("h1")?.text.trim(), "带BOM");
});

// =============================================================================================
// FILE NAMES (issue 15, item 8): a block of its own, with its own folders and runs.
// Names that would break their post's URL get a safe slug and a warning at their file; a name that
// is not UTF-8 is an error at its file; x.MD, hidden files and links are listed once in the summary;
// no name forges a GitHub workflow command in any output format.
import { symlinkSync } from "node:fs";

/** [file name, as the text report shows it, the slug it is published under]. */
const UNSAFE_NAMES: ReadonlyArray<readonly [string, string, string]> = [
  ["hash#tag.md", "hash#tag.md", "hash-tag"],
  ["what?.md", "what?.md", "what-"],
  ["100%.md", "100%.md", "100-"],
  ["%2e%2e.md", "%2e%2e.md", "-2e-2e"],
  ["a%2Fb.md", "a%2Fb.md", "a-2Fb"],
  ["back\\slash.md", "back\\slash.md", "back-slash"],
  ["tab\tname.md", "tab\\tname.md", "tab-name"],
  ["esc\u001b[31mred.md", "esc\\x1B[31mred.md", "esc-[31mred"],
  ["line\n::error file=README.md,line=1::forged.md", "line\\n::error file=README.md,line=1::forged.md", "line-::error file=README.md,line=1::forged"],
];
const namesDir = path.join(tmp, "names");
const namesSite = path.join(tmp, "names-site");
const undecodableDir = path.join(tmp, "names-undecodable");
const undecodableSite = path.join(tmp, "names-undecodable-site");
const namePost = (title: string): string => `${fm(title)}${BODY}`;
let names: Record<"check" | "github" | "json" | "build" | "badCheck" | "badBuild", RunResult>;

before(async () => {
  mkdirSync(namesDir);
  // The forged name's post also has an unknown key: a diagnostic that prints its name whatever the name's own check does.
  UNSAFE_NAMES.forEach(([name], i) => writeFileSync(path.join(namesDir, name), name.includes("::error") ? `${fm(`名字 ${i}`, "remark_xyz: 1\n")}${BODY}` : namePost(`名字 ${i}`)));
  writeFileSync(path.join(namesDir, "plain.md"), namePost("普通"));
  writeFileSync(path.join(namesDir, "UPPER.MD"), namePost("大写扩展名"));
  writeFileSync(path.join(namesDir, ".hidden.md"), namePost("隐藏"));
  symlinkSync(path.join(namesDir, "plain.md"), path.join(namesDir, "link.md"));
  mkdirSync(undecodableDir);
  writeFileSync(path.join(undecodableDir, "plain.md"), namePost("普通"));
  // Latin-1 'café' and a folder named with a lone 0xFF byte: valid names on Linux, not UTF-8.
  writeFileSync(Buffer.concat([Buffer.from(`${undecodableDir}/caf`), Buffer.from([0xe9]), Buffer.from(".md")]), namePost("咖啡"));
  const folder = Buffer.concat([Buffer.from(`${undecodableDir}/dir`), Buffer.from([0xff])]);
  mkdirSync(folder);
  writeFileSync(Buffer.concat([folder, Buffer.from("/inner.md")]), namePost("里面"));
  const [check, build, [github, json, badCheck, badBuild]] = await Promise.all([
    run("check.ts", [namesDir]),
    run("build.ts", [`--input=${namesDir}`, `--output=${namesSite}`]),
    // The other formats of the same check differ only in how the report is written, and the names
    // that are not UTF-8 reach the same commands: in this process, one after the other (an exception
    // there would fail this hook; the two runs above are the processes whose output is read).
    (async () => [
      await checkHere(["--format=github", namesDir]),
      await checkHere(["--format=json", namesDir]),
      await checkHere([undecodableDir]),
      await buildHere([`--input=${undecodableDir}`, `--output=${undecodableSite}`], { NO_SEARCH: "1" }),
    ] as const)(),
  ]);
  names = { check, github, json, build, badCheck, badBuild };
});

test("file names: no run prints a stack trace", () => {
  for (const [what, r] of Object.entries(names)) assert.doesNotMatch(r.stdout + r.stderr, STACK_TRACE, `${what}:\n${(r.stdout + r.stderr).slice(0, 3000)}`);
});

test("a file or folder name that is not UTF-8 is an error at that name, from check and build, and nothing is written", () => {
  assert.equal(names.badCheck.status, 1, names.badCheck.stdout + names.badCheck.stderr);
  assert.equal(names.badBuild.status, 1, names.badBuild.stderr);
  for (const [what, output] of [["check", names.badCheck.stdout], ["build", names.badBuild.stderr]] as const) {
    const errors = diagnosticsOf(output, undecodableDir).filter((d) => d.severity === "error");
    assert.deepEqual(errors.map((d) => `${d.file}:${d.line} ${d.rule}`), ["caf\\xE9.md:1 file-name-encoding", "dir\\xFF:1 file-name-encoding"], what);
    assert.match(errors[0]!.message, /not valid UTF-8.*Rename it/, what);
  }
  assert.ok(!existsSync(undecodableSite));
});

test("names with # ? % \\ or control characters: a warning at the file, a safe slug, and links that reach the post", () => {
  assert.equal(names.check.status, 0, names.check.stdout + names.check.stderr);
  assert.equal(names.build.status, 0, names.build.stderr);
  const warned = diagnosticsOf(names.check.stdout, namesDir).filter((d) => d.rule === "file-name-unsafe");
  assert.deepEqual(warned.map((d) => `${d.file}:${d.line}`).sort(), UNSAFE_NAMES.map(([, shown]) => `${shown}:1`).sort());
  const home = parse(readFileSync(path.join(namesSite, "index.html"), "utf8"));
  UNSAFE_NAMES.forEach(([name, , slug], i) => {
    const link = home.querySelectorAll(".post-list > li > :first-child a").find((a) => a.text === `名字 ${i}`);
    assert.ok(link, `${JSON.stringify(name)} is listed`);
    // Resolved as a browser does (WHATWG URL: '#' ends the path, '%2e%2e' is '..'), then served from disk.
    const url = new URL(link.getAttribute("href")!, "https://example.org/");
    assert.equal(url.pathname + url.search + url.hash, `/posts/${encodeURI(slug).replace(/%5B/g, "[").replace(/%5D/g, "]")}/`, JSON.stringify(name));
    const file = path.join(namesSite, decodeURIComponent(url.pathname), "index.html");
    assert.ok(existsSync(file), `${JSON.stringify(name)}: ${url.pathname} is a page`);
    assert.equal(parse(readFileSync(file, "utf8")).querySelector("h1")?.text.trim(), `名字 ${i}`, `${JSON.stringify(name)}: the link reaches its own post`);
  });
});

test("a name carrying a newline and '::error …' forges no workflow command in the text, github or json output", () => {
  /** Lines a GitHub runner reads as commands: starting with '::' after blanks, or holding the old '##['. */
  const commands = (output: string): string[] => output.split(/\r?\n|\r/).filter((l) => /^\s*::/.test(l) || l.includes("##["));
  assert.deepEqual(commands(names.build.stdout + names.build.stderr), [], "build");
  assert.deepEqual(commands(names.check.stdout), [], "check --format=text");
  assert.deepEqual(commands(names.json.stdout), [], "check --format=json");
  const jsonFiles = (JSON.parse(names.json.stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => path.basename(d.file));
  assert.deepEqual([...new Set(jsonFiles.filter((f) => f.includes("::error")))], [UNSAFE_NAMES.at(-1)![0]], "json keeps the name as it is");
  // In the github format the only commands are the annotations, one per diagnostic, their properties escaped.
  const annotations = commands(names.github.stdout);
  assert.equal(annotations.length, diagnosticsOf(names.check.stdout, namesDir).length);
  for (const line of annotations) assert.match(line, /^::(error|warning) file=[^:,\r\n]*,line=\d+,col=\d+,title=[a-z0-9-]+::[^\r\n]*$/);
  assert.ok(annotations.some((l) => l.includes("line%0A%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged.md,")), "the forged name is one escaped property");
});

test("x.MD, hidden files and links are not read, and the build's summary lists each of them once", () => {
  const summary = names.build.stderr.split("\n").filter((l) => l.includes("not read:"));
  assert.equal(summary.length, 1, names.build.stderr);
  for (const [file, reason] of [["UPPER.MD", "the extension must be lowercase .md"], [".hidden.md", "hidden"], ["link.md", "symbolic link, not followed"]] as const) {
    assert.equal(names.build.stderr.split(`${path.join(namesDir, file)} (${reason})`).length - 1, 1, file);
  }
  for (const slug of ["UPPER", "link", "hidden"]) assert.ok(!existsSync(path.join(namesSite, "posts", slug)), `${slug} has no page`);
});

// ---------------------------------------------------------------------------------------------
// Issue 15, text safety (items 2–5): the tests of the posts defined in the block of the same name above.

/** XML 1.0's Char production: any other character makes a strict XML parser reject the document. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

test("an unclosed <!-- hides nothing, even in a code span: every passage is on the page", () => {
  const doc = page("posts/comment-unclosed");
  const text = doc.querySelector("main")?.text ?? "";
  for (const words of ["不会隐藏后文", "hides nothing", "后文仍然可见", "the rest still shows", "<!-- 注释开头", "<!-- 行首的未闭合注释", "最后一段也在", "The last passage is here too."]) {
    assert.ok(text.includes(words), `lost: ${words}`);
  }
  assert.equal(doc.querySelectorAll(".t").length, 3);
  assert.deepEqual(doc.querySelectorAll("code").map((c) => c.text), ["<!--", "<!--"], "the code spans are code");
});

test("words in angle brackets stay visible, and tags between backticks are code, not blocks", () => {
  const doc = page("posts/angle-words");
  const text = doc.querySelector("main")?.text ?? "";
  for (const words of ["Option<T>", "vector<int>", "<think>", "<eos>", "<Tab>", "Rust's Option<T>, C++'s vector<int>, the model emits <think> and <eos>, press <Tab>."]) {
    assert.ok(text.includes(words), `lost: ${words}`);
  }
  assert.equal(doc.querySelectorAll(".t").length, 2, "two passages, each with its original");
  assert.equal(doc.querySelectorAll(".t > details").length, 2);
  assert.deepEqual(doc.querySelectorAll("code").map((c) => c.text), ["<details>", "<summary>", "</details>", "<details>", "<summary>", "</details>"]);
});

test("content loads nothing remote and sets none of the site's classes", () => {
  const html = readFileSync(path.join(site, "posts/remote-and-classes/index.html"), "utf8");
  const doc = parse(html);
  assert.deepEqual(doc.querySelectorAll("img, picture, source, video, audio, iframe").map((e) => e.outerHTML), [], "no element that loads something");
  for (const el of doc.querySelectorAll("[src], [srcset], [poster]")) assert.ok((el.getAttribute("src") ?? "").startsWith("/"), `${el.outerHTML.slice(0, 80)}`);
  for (const a of doc.querySelectorAll("[href]")) {
    const href = a.getAttribute("href") ?? "";
    assert.doesNotMatch(href, /^(\/\/|\/\\|\\|data:)/i, `${a.outerHTML.slice(0, 100)}`);
  }
  // Refused links stay as the text typed; an image is at most a link to its URL.
  const text = doc.querySelector("main")?.text ?? "";
  for (const words of ["远程图", "[内嵌图](data:image/gif;base64,R0lGODlhAQABAAAAACw=)", "[协议相对](//evil.example/x)", "跳过", "井号", "好链接", "remote", "原始链接", "fake speaker"]) assert.ok(text.includes(words), `lost: ${words}`);
  // The site's classes are on the site's elements only: one skip link and one speaker label per turn.
  // No link of the text is taken for a permalink (reader.js adds those, named by the one #tl label).
  assert.equal(doc.querySelectorAll(".skip-link").length, 1);
  assert.equal(doc.querySelectorAll('[aria-labelledby="tl"]').length, 0);
  assert.equal(doc.querySelectorAll("#tl").length, 1);
  assert.deepEqual(doc.querySelectorAll(".t .sp").map((e) => e.text), ["甲：", "乙："]);
  assert.deepEqual(doc.querySelectorAll(".t p [class]").filter((e) => !e.classList.contains("sp") && !/^(term|gloss)$/.test(e.getAttribute("class") ?? "")).map((e) => e.outerHTML), []);
});

test("control characters reach no page, feed or sitemap: every XML and HTML file holds only XML 1.0 characters", () => {
  const files = filesUnder(site).filter((f) => /\.(xml|html|json)$/.test(f) && f !== "posts/huge/index.html");
  assert.ok(files.includes("feed.xml") && files.includes("sitemap.xml"));
  const bad = files.filter((f) => NOT_XML_CHAR.test(readFileSync(path.join(site, f), "utf8")));
  assert.deepEqual(bad, []);
  const atom = readFileSync(path.join(site, "feed.xml"), "utf8");
  assert.ok(atom.includes("<title>控制字符标题</title>"), "the title is in the feed, without its control characters");
  assert.equal(page("posts/control-chars").querySelector("h1")?.text.trim(), "控制字符标题");
  assert.match(page("posts/control-chars").querySelector("main")?.text ?? "", /正文里有控制字符。[\s\S]*Body with a  control character\./);
});

test("the strict XML check flags what it must, so the sweep above cannot pass vacuously", () => {
  for (const c of ["\u0000", "\u0001", "\u000b", "\u001b", "\ufffe", "\uffff", "\ud800"]) assert.ok(NOT_XML_CHAR.test(`<t>a${c}b</t>`), JSON.stringify(c));
  for (const ok of ["<t>a\tb\nc\r</t>", "<t>中文 😀 \u00a0 \u007f</t>"]) assert.ok(!NOT_XML_CHAR.test(ok), JSON.stringify(ok));
  // fast-xml-parser's validator alone does not notice.
  assert.equal(XMLValidator.validate("<t>a\u0001b</t>"), true);
});
