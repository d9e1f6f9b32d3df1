import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { inlineToText, renderInline, renderInlineFull } from "../../src/render/inline.js";
import { corpusDir } from "../helpers.js";

const reference = new MarkdownIt({ html: true });

test("the plain-text fast path gives exactly what markdown-it gives", () => {
  const samples = ['He said "hi" > there', "a\nb", "plain 中文，句子。", "x 'y' (z)", "tab\there", "100% sure; 3 > 2", "https://example.org/a?b=c"];
  // Every line of real originals without markup characters, too.
  for (const f of readdirSync(corpusDir).filter((n) => n.endsWith(".md")).slice(0, 20)) {
    for (const line of readFileSync(path.join(corpusDir, f), "utf8").split("\n")) if (line && !/[*_`[\]!<&\\~{]/.test(line)) samples.push(line);
  }
  assert.ok(samples.length > 500);
  for (const s of samples) assert.equal(renderInline(s), reference.renderInline(s), s);
});

test("Markdown inline syntax and the inline tags of real posts render", () => {
  assert.equal(renderInline("**泛化**（generalization）"), "<strong>泛化</strong>（generalization）");
  assert.equal(renderInline("a <b>bold</b><br>next <i>it</i> <font color=\"red\">red</font>"), "a <b>bold</b><br />next <i>it</i> red");
  assert.equal(renderInline("[link](https://example.org)"), '<a href="https://example.org">link</a>');
  assert.equal(renderInline("**x**{: lang=en} [a](https://e.org){: lang=en}"), '<strong lang="en">x</strong> <a href="https://e.org" lang="en">a</a>', "markdown-it-attrs with {: } delimiters");
  assert.equal(renderInline("set {a, b} and {x}"), "set {a, b} and {x}", "plain braces stay text");
});

test("unsafe markup is shown as the text typed, never parsed, and its words stay", () => {
  assert.equal(renderInline('<script>alert("x")</script> ok'), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ok", "escaped once");
  assert.equal(renderInline("<scr<script>ipt>alert(18)</script>"), "&lt;scr&lt;script&gt;ipt&gt;alert(18)&lt;/script&gt;");
  assert.equal(renderInline("<script>alert(1)</script> ok"), "&lt;script&gt;alert(1)&lt;/script&gt; ok");
  assert.equal(renderInline('<a href="javascript:alert(1)" onclick="x()">t</a>'), "<a>t</a>");
  assert.equal(renderInline("[t](javascript:alert(1))"), "[t](javascript:alert(1))", "markdown-it refuses the link; the text stays");
  assert.equal(renderInline('<span style="color:red" lang="en">s</span>'), '<span lang="en">s</span>');
  assert.equal(renderInline("<iframe src=x>inside</iframe><img src=x onerror=alert(1)>"), "&lt;iframe src=x&gt;inside&lt;/iframe&gt;&lt;img src=x onerror=alert(1)&gt;");
  assert.equal(renderInline("{{ site.title }} {% x %}"), "{{ site.title }} {% x %}");
});

test("plain text of inline source", () => {
  assert.equal(inlineToText("**Ilya:** a &amp; b<br>c <script>x</script> <font>f</font>"), "Ilya: a & b c <script>x</script> f");
});

test("bold next to CJK punctuation is bold (the CommonMark CJK-friendly amendment), in Chinese and in originals", () => {
  assert.equal(renderInline("叫做**《低于零》**。下一句"), "叫做<strong>《低于零》</strong>。下一句");
  assert.equal(renderInline("他说**“不要”**，然后"), "他说<strong>“不要”</strong>，然后");
  assert.equal(renderInline("这是**（括号）**里的"), "这是<strong>（括号）</strong>里的");
  assert.equal(renderInline("the book **“Below Zero”**, then"), "the book <strong>“Below Zero”</strong>, then");
  assert.equal(renderInline("a **b** c and 2*3*4"), "a <strong>b</strong> c and 2<em>3</em>4", "ordinary emphasis unchanged");
  assert.equal(renderInline("**{: 《书》**。"), renderInlineFull("**{: 《书》**。"), "the attrs instance reads it the same way");
});
