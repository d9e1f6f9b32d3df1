import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { readFrontMatter } from "../../src/frontmatter/read.js";
import { SPEAKER_COLOURS, speakerSlots, speakerTurns } from "../../src/site/speakers.js";
import { parseTranscript } from "../../src/transcript/parse.js";
import type { Transcript } from "../../src/transcript/model.js";
import { corpusDir } from "../helpers.js";

const transcriptOf = (file: string): Transcript => {
  const fm = readFrontMatter(readFileSync(path.join(corpusDir, file), "utf8"));
  return parseTranscript(fm.body, { lineOffset: fm.bodyLineOffset }).transcript;
};
const turns = (...speakers: (string | undefined)[]): Transcript => ({
  sections: [{ id: "s-0", level: 0, line: 1, turns: speakers.map((speaker, i) => ({ id: `t-${i + 1}`, line: 1, translation: [], ...(speaker ? { speaker } : {}) })) }],
});

test("the seed: Ilya speaks most, then Dwarkesh; every labelled turn is counted", () => {
  const speakers = speakerTurns(transcriptOf("seed-ilya-sutskever-aR20FWCCjAs.md"));
  assert.deepEqual(speakers, [{ name: "Ilya", turns: 84 }, { name: "Dwarkesh", turns: 36 }]);
});

test("most turns first; ties keep the order of first appearance; narration has no speakers", () => {
  assert.deepEqual(speakerTurns(turns("B", "A", "A", undefined, "C", "B", "C")), [{ name: "B", turns: 2 }, { name: "A", turns: 2 }, { name: "C", turns: 2 }]);
  assert.deepEqual(speakerTurns(turns(undefined, undefined)), []);
});

test("colour slots follow the list and wrap around the palette", () => {
  const names = Array.from({ length: SPEAKER_COLOURS + 2 }, (_, i) => ({ name: `S${i}`, turns: 1 }));
  const slots = speakerSlots(names);
  assert.equal(slots.S0, 0);
  assert.equal(slots.S5, 5);
  assert.equal(slots.S6, 0, "wraps");
  assert.equal(speakerSlots([{ name: "__proto__", turns: 1 }])["__proto__"], 0, "any name is a plain key");
});
