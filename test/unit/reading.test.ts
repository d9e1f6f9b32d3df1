import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { readFrontMatter } from "../../src/frontmatter/read.js";
import { countHan, countWords, readingMinutes, speakerTurns } from "../../src/site/reading.js";
import { parseTranscript } from "../../src/transcript/parse.js";
import type { Transcript } from "../../src/transcript/model.js";
import { corpusDir } from "../helpers.js";

const transcriptOf = (file: string): Transcript => {
  const fm = readFrontMatter(readFileSync(path.join(corpusDir, file), "utf8"));
  return parseTranscript(fm.body, { lineOffset: fm.bodyLineOffset }).transcript;
};
const one = (text: string, speaker?: string): Transcript => ({ sections: [{ id: "s-0", level: 0, line: 1, turns: [{ id: "t-1", line: 1, translation: [{ text, speakerBreak: false, line: 1 }], ...(speaker ? { speaker } : {}) }] }] });

test("reading time counts Chinese characters, not spaces", () => {
  assert.equal(readingMinutes(one("字".repeat(400))), 1);
  assert.equal(readingMinutes(one("字".repeat(401))), 2);
  assert.equal(readingMinutes(one("")), 1, "at least a minute");
  assert.equal(readingMinutes(one(`${"字".repeat(200)} ${"word ".repeat(115)}`)), 1);
  const seed = readingMinutes(transcriptOf("seed-ilya-sutskever-aR20FWCCjAs.md"));
  // About 10,000 Chinese characters of translation.
  assert.ok(seed >= 20 && seed <= 40, `the seed post reads in ${seed} minutes`);
});

test("speakers with their number of turns, most first", () => {
  const speakers = speakerTurns(transcriptOf("seed-ilya-sutskever-aR20FWCCjAs.md"));
  assert.deepEqual(speakers.map((s) => s.name), ["Ilya", "Dwarkesh"]);
  assert.equal(speakers.reduce((n, s) => n + s.turns, 0), 120, "120 of 121 turns have a label");
  assert.deepEqual(speakerTurns(one("旁白")), [], "narration has no speakers");
});

test("Chinese characters and Latin words are counted one by one", () => {
  assert.equal(countHan("中文，English 和𠀀字"), 5, "a character outside the BMP counts once; punctuation is not Han");
  assert.equal(countHan("no Chinese here"), 0);
  assert.equal(countWords("don't stop — 中文 GPT-4 is here"), 5, "don't is one word; GPT and 4: only letters count");
  assert.equal(countWords("中文"), 0);
});

test("countHan counts exactly the code points of the Han script, whichever block they are in (its fast paths decide by code)", () => {
  const han = /^\p{Script=Han}$/u;
  const differ: string[] = [];
  for (let cp = 0; cp < 0x110000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    if (countHan(c) !== (han.test(c) ? 1 : 0)) differ.push(cp.toString(16));
  }
  assert.deepEqual(differ, []);
  assert.equal(countHan("𠀀字a\uD800〇々，。"), 4, "an astral character once, a lone surrogate never, 〇 and 々 are Han, punctuation is not");
});
