/**
 * The transcript parser against the 60 real posts in the test fixtures (test/fixtures/corpus): counts per file,
 * "nothing lost", no Chinese hidden in English originals, speed.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { longestCjkRun } from "../../src/transcript/lang.js";
import type { ParseResult, Transcript } from "../../src/transcript/model.js";
import { parseTranscript } from "../../src/transcript/parse.js";
import { bodyOf } from "../../src/frontmatter/read.js";
import { corpusFiles, readCorpus } from "./transcript-helpers.js";

const parsed = new Map<string, ParseResult>();
function parseFile(name: string): ParseResult {
  let r = parsed.get(name);
  if (!r) {
    const { body, bodyLineOffset: lineOffset } = bodyOf(readCorpus(name));
    r = parseTranscript(body, { lineOffset });
    parsed.set(name, r);
  }
  return r;
}

const turnsOf = (t: Transcript) => t.sections.flatMap((s) => s.turns);

/**
 * Expected [sections, turns, originals] per file, reasoned independently of the parser:
 * - sections = lines `## `/`### `/`#### ` (space required, as CommonMark) + `<h3>` lines, plus a
 *   lead section s-0 only when turns come before the first heading (only the dO4TPJkeaaU posts).
 * - originals = `<details` opening tags (MANIFEST column) minus hidden `display:none` padding
 *   blocks, minus `<details>` tags that are not originals (see ORIGINAL_ADJUST).
 * - turns = originals + passages of translation left without an original before a heading or
 *   the end of the file (each counted by reading the file; noted per row).
 * Differences from MANIFEST: its `</details>` column counts only exact tags (corrupted ones are
 * closes here); its heading column counts `###X` glued to text, which is no heading here.
 */
const EXPECTED: Record<string, [sections: number, turns: number, originals: number]> = {
  "author-key-no-draft-RmJ4rTLV_x4.md": [7, 39, 39],
  "b-tags-CEvIs9y1uog.md": [9, 23, 23],
  "bold-colon-outside-itG58Jwu12A.md": [7, 60, 60],
  "bold-outside-both-sides-fG8SwAFQFuU.md": [5, 286, 286],
  "br-in-english-J2vVSCEdiJE.md": [4, 18, 18],
  "br-per-word-_viyEzIe_v0.md": [9, 139, 139],
  // 56 opens; `</details]` at L434 is read as the close, so nothing is left open at EOF.
  "close-bracket-eof-hTsU1bddToQ.md": [6, 56, 56],
  "close-corrupt-zh-ywhugJuzcyE.md": [16, 213, 213],
  // +1: the lead paragraphs of the first section (L109-) have no original before `###` at L…
  "close-missing-gt-7y04GzP6lTI.md": [13, 69, 68],
  "close-sdetails-qp9EXiyX-f4.md": [14, 116, 116],
  "close-sidetails-text-1zHKLzMZnyQ.md": [11, 150, 150],
  "close-text-45kVol96IlM.md": [12, 100, 100],
  "close-tought-detais-h1fIVmf7uaw.md": [11, 105, 105],
  // 116 opens - 1: the `<details>` at L770 has no summary and holds only the Chinese `<从…` line.
  "corrupt-open-tag-U_sFWG5WFjo.md": [9, 115, 115],
  // +1: the file ends with a translation (L1820) whose original was never written.
  "draft-false-D0DUzZItVyI.md": [4, 255, 254],
  // +7: seven section-final translations have no original (L99, 301, 333, 472, 595, 641, 687).
  "empty-english-bCGbuyv8PMk.md": [11, 135, 128],
  "final-newline-vE2_KZH8fDQ.md": [11, 11, 11],
  "font-tags-KVm4LGYJk4Q.md": [5, 293, 293],
  "fullwidth-colon-zh-summary-0o6gPFbq_1w.md": [6, 38, 38],
  "gtgt-both-sides-k1-VDZlMmJU.md": [6, 46, 46],
  // +1: `[BODY_END]` after the last `</details>` on L193 is visible text with no original.
  "h2-heading-JV-wY5pxXLo.md": [6, 40, 39],
  "h4-headings-lAdBFY2me7g.md": [12, 33, 33],
  "html-h3-headings-nnz5dJr0EeQ.md": [12, 217, 217],
  // +1: the last (huge) translation line has no original.
  "huge-single-line-_TUd8TRXW44.md": [2, 11, 10],
  "i-tags-F5ajyr5VzS0.md": [10, 64, 64],
  "md-bold-in-english-V5_kDxTi9Lg.md": [3, 13, 13],
  "multi-p-escaped-gt-enUkMK5JQY8.md": [7, 7, 7],
  "multiline-english-PNoQzQwbTFU.md": [6, 6, 6],
  "newfmt-bold-outside-EgrI2rUmM48.md": [8, 89, 89],
  // Only one `<details>`: four of the five sections are translation only.
  "newfmt-flush-lists-DY2ojllbpFc.md": [5, 5, 1],
  "newfmt-garbage-summary-CeOXx-XTYek.md": [14, 325, 325],
  // 541 opens - 1 hidden padding block.
  "newfmt-hidden-padding-HwmwyBgzj8c.md": [71, 540, 540],
  "newfmt-mismatch-hucodhEMlNk.md": [4, 12, 12],
  "newfmt-numbered-summary-IJV6If9fD74.md": [10, 288, 288],
  "newfmt-source-summary-xAfp-znTRx8.md": [1, 1, 1],
  "newfmt-tiny-music-v8uO7W9Qhx4.md": [1, 1, 1],
  "no-blank-around-details-vjE3VUuOMFg.md": [5, 68, 68],
  "no-blank-before-details-STUwbUCEtUw.md": [5, 13, 13],
  // No real heading (12 `###Title…` lines are glued to text): one lead section; +1 for the
  // trailing comment thread (after L1199) that has no original.
  "no-h3-no-draft-dO4TPJkeaaU.md": [1, 142, 141],
  "orig-dquoted-date-lXUZvyajciY.md": [18, 136, 136],
  "orig-frontmatter-ilya-aR20FWCCjAs.md": [12, 121, 121],
  "orig-frontmatter-wz4d-wZ4DT20OHXE.md": [12, 100, 100],
  "orig-unquoted-date-nolayout-dO4TPJkeaaU.md": [1, 142, 141],
  "plain-name-colon-p67KL7Yhj50.md": [7, 23, 23],
  "seed-ilya-sutskever-aR20FWCCjAs.md": [12, 121, 121],
  "small-truncated-eof-85nHNteKdec.md": [3, 18, 18],
  // 6 originals; sections 第三章 and 第四章 are translation only (their `</details>` are stray).
  "stray-close-zh-in-details-zHkEEOAdgrI.md": [8, 8, 6],
  "strong-tags-jC8K2r7es70.md": [3, 42, 42],
  "summary-chakan-hide-U6rWRagjA8I.md": [13, 28, 28],
  "summary-dash-prefix-UMy6GESNkDc.md": [16, 76, 76],
  "summary-h-ide-plain-label-wYKa5E9bVRA.md": [11, 285, 285],
  "summary-original-chinese-59sLo-Z3U6Y.md": [5, 94, 94],
  "summary-original-english-4n28-DoNxWs.md": [26, 214, 214],
  "summary-original-original-wNe5o3Io--8.md": [6, 51, 51],
  "summary-v-h-Hoz62awqq_s.md": [7, 53, 53],
  "summary-view-typical-Y8dG0w2ints.md": [7, 65, 65],
  "tiny-gtgt-UR1-u_FgCV8.md": [3, 10, 10],
  "truncated-repetition-aYMhsE_mSc4.md": [2, 45, 45],
  "unquoted-date-CBneTpXF1CQ.md": [3, 43, 43],
  "zh-plain-label-Or9Iso_WQBU.md": [6, 13, 13],
};

/** `<details>` tags that open no original, by file (see EXPECTED). */
const ORIGINAL_ADJUST: Record<string, number> = { "corrupt-open-tag-U_sFWG5WFjo.md": -1 };

/** Independent counts straight from the source text. */
function sourceCounts(name: string): { headings: number; originals: number } {
  const { body } = bodyOf(readCorpus(name));
  const headings = body.split("\n").filter((l) => /^#{2,4}(\s|$)/.test(l) || /^<h[2-4]>/i.test(l)).length;
  const opens = (body.match(/<details[\s>]/gi) ?? []).length;
  const hidden = (body.match(/<details[^>]*display:\s*none/gi) ?? []).length;
  return { headings, originals: opens - hidden + (ORIGINAL_ADJUST[name] ?? 0) };
}

describe("corpus: per-file counts", () => {
  it("covers all 60 files", () => {
    assert.deepEqual(Object.keys(EXPECTED).sort(), corpusFiles());
  });
  for (const name of corpusFiles()) {
    it(name, () => {
      const t = parseFile(name).transcript;
      const turns = turnsOf(t);
      const got = [t.sections.length, turns.length, turns.filter((x) => x.original).length];
      assert.deepEqual(got, EXPECTED[name]);
      const src = sourceCounts(name);
      const lead = t.sections[0]?.id === "s-0" ? 1 : 0;
      assert.equal(t.sections.length, src.headings + lead, "sections = heading lines (+ lead)");
      assert.equal(got[2], src.originals, "originals = <details> - hidden - not-originals");
      t.sections.forEach((s, i) => assert.equal(s.id, lead ? `s-${i}` : `s-${i + 1}`));
      turns.forEach((x, i) => assert.equal(x.id, `t-${i + 1}`));
    });
  }
});

/** Normalise text for the nothing-lost comparison: no tags, markers, bold marks, colons, entities or whitespace. */
function norm(s: string): string {
  return s
    .replace(/<\/?[A-Za-z][^<>]*>/g, "")
    .replace(/<\/[^\s<>]{1,12}[>\]]/g, "")
    .replace(/<\/(details)?/gi, "")
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/>>/g, "")
    .replace(/\*\*/g, "")
    .replace(/[:：]/g, "")
    .replace(/\s+/g, "");
}

/** Number of CJK ideographs in a text. */
function countCjk(s: string): number {
  return (s.match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g) ?? []).length;
}

/** The source minus what readers never see: comments, hidden blocks, summary labels. */
function visibleSource(body: string): string {
  return body
    .replace(/<!--[\s\S]*?-->/g, "\n")
    .replace(/<details[^>]*display:\s*none[^>]*>[\s\S]*?<\/details>/gi, "\n")
    .replace(/<summary[^>]*>[^\n]*?(<\/summary>|<\/p>|$)/gim, (m) => (/<\/summary>|<\/p>/.test(m) ? "\n" : m.replace(/^<summary[^>]*>/, "")));
}

/** Visible source text runs: front matter, comments, hidden blocks, summaries, headings marks and rules removed; split at tags and lines. */
function sourceRuns(body: string): string[] {
  const visible = visibleSource(body)
    .replace(/^ {0,3}#{2,4}(?=\s|$)/gm, "")
    .replace(/^ {0,3}(-{3,}|\*{3,}|_{3,})\s*$/gm, "");
  return visible
    .split(/\n|<\/?[A-Za-z][^<>]*>/)
    .map(norm)
    .filter((r) => r.length > 0);
}

function rawModelText(t: Transcript): string {
  const parts: string[] = [];
  for (const s of t.sections) {
    if (s.heading) parts.push(s.heading);
    for (const turn of s.turns) {
      if (turn.speaker) parts.push(turn.speaker);
      for (const b of turn.translation) parts.push(b.text);
      if (turn.original?.speaker) parts.push(turn.original.speaker);
      for (const b of turn.original?.blocks ?? []) parts.push(b.text);
    }
  }
  return parts.join("\n");
}

function modelText(t: Transcript): string {
  return norm(rawModelText(t));
}

/** Source runs not found, in document order, in the model's text. */
function lostRuns(body: string, t: Transcript): string[] {
  const model = modelText(t);
  let cursor = 0;
  const missing: string[] = [];
  for (const run of sourceRuns(body)) {
    const at = model.indexOf(run, cursor);
    if (at < 0) missing.push(run.slice(0, 60));
    else cursor = at + run.length;
  }
  return missing;
}

describe("corpus: nothing lost", () => {
  for (const name of corpusFiles()) {
    it(name, () => {
      const { body } = bodyOf(readCorpus(name));
      assert.deepEqual(lostRuns(body, parseFile(name).transcript), []);
    });
  }

  it("the check itself catches a dropped paragraph", () => {
    const { body, bodyLineOffset: lineOffset } = bodyOf(readCorpus("seed-ilya-sutskever-aR20FWCCjAs.md"));
    const t = parseTranscript(body, { lineOffset }).transcript;
    t.sections[3]?.turns[2]?.translation.pop();
    assert.equal(lostRuns(body, t).length, 1);
  });
});

describe("corpus: originals", () => {
  it("no original hides Chinese text unless it is marked Chinese", () => {
    for (const name of corpusFiles()) {
      for (const turn of turnsOf(parseFile(name).transcript)) {
        const o = turn.original;
        if (!o || o.lang === "zh-CN") continue;
        const text = o.blocks.map((b) => b.text).join("\n");
        assert.ok(longestCjkRun(text) < 8, `${name}: original at line ${o.line} holds Chinese: ${text.slice(0, 80)}`);
      }
    }
  });

  it("close-corrupt-zh keeps all its Chinese in translation", () => {
    const turns = turnsOf(parseFile("close-corrupt-zh-ywhugJuzcyE.md").transcript);
    assert.equal(turns.length, 213);
    assert.ok(turns.every((t) => t.original?.lang === "en" && t.original.blocks.every((b) => countCjk(b.text) === 0)));
    assert.ok(turns.every((t) => t.translation.some((b) => countCjk(b.text) > 0)));
    // The passage after `</你>` (L482) is the translation of the turn whose original opens at L484.
    const t484 = turns.find((t) => t.original?.line === 484);
    assert.match(t484?.translation[0]?.text ?? "", /^Knight Capital 遇到的问题是/);
  });

  it("every CJK character of the visible source is in the model, none invented", () => {
    for (const name of corpusFiles()) {
      const { body } = bodyOf(readCorpus(name));
      const t = parseFile(name).transcript;
      const inModel = countCjk(rawModelText(t));
      // Corrupted closing tags such as `</你>` are tags, not text.
      assert.equal(inModel, countCjk(visibleSource(body).replace(/<\/[^\s<>]{1,12}[>\]]/g, "")), name);
    }
  });

  it("summary-original-chinese: its originals are Chinese", () => {
    const turns = turnsOf(parseFile("summary-original-chinese-59sLo-Z3U6Y.md").transcript);
    assert.equal(turns.length, 94);
    assert.ok(turns.every((t) => t.original?.lang === "zh-CN"));
  });
});
