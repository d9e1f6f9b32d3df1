/** The indexed form of text (assets/search-tokens.js) at its edges, pinned: the index, the search page and every part's key depend on it. */
import { test } from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error -- a plain ES module shared with the browser (JSDoc-typed); tsconfig leaves .js files out.
import { indexText as indexTextJs } from "../../assets/search-tokens.js";

const indexText = indexTextJs as (text: string, asWritten?: boolean) => string;

test("Chinese runs, wide punctuation, apostrophes and hyphens, each exactly as indexed", () => {
  const cases: Array<[string, string, string]> = [
    ["中’s 好", " 中  ’ s  好 ", "an apostrophe after a Chinese character is set apart (the character is not part of a word with it)"],
    ["it’s中", "it’s 中 ", "an apostrophe between letters stays in the word, a Chinese run after it stands apart"],
    ["a’中", "a ’  中 ", "an apostrophe before a Chinese character is set apart"],
    ["é’é", "é’é", "letters beyond ASCII around an apostrophe"],
    ["𠀀𠀁中", " 𠀀𠀁 𠀁中 中 ", "Chinese beyond the BMP is paired by code point"],
    ["\ud800中", "\ud800 中 ", "a lone surrogate is left as it is"],
    ["A-中", "A- 中 ", "a hyphen before a Chinese run stays (the run is set apart first)"],
    ["中-A", " 中 -A", "a hyphen after a Chinese run stays"],
    ["𠀀-a", " 𠀀 -a", "a hyphen after Chinese beyond the BMP stays"],
    ["〇-1", " 〇 -1", "a hyphen after a Chinese digit stays (〇 is Chinese, and a number)"],
    ["x-1", "x 1", "a hyphen between a letter and a digit parts them"],
    ["GPT-4o", "GPT 4o", "GPT-4o"],
    ["（Value Function），AI", " （ Value Function ）， AI", "wide brackets and commas stand apart"],
    ["模型……泛化——能力", " 模型 型  ……  泛化 化  ——  能力 力 ", "runs of wide punctuation stand apart as one"],
    ["中𖿢，", " 中𖿢 𖿢  ， ", "a character both Chinese and punctuation (U+16FE2) goes on a Chinese run"],
    ["，𖿢", " ，𖿢 ", "and on a run of wide punctuation"],
    ["𖿢，", " 𖿢  ， ", "and starts a Chinese run"],
    ["plain ASCII text - with a dash", "plain ASCII text - with a dash", "ASCII alone is left as it is, a spaced dash too"],
  ];
  for (const [text, indexed, why] of cases) assert.equal(indexText(text), indexed, `${JSON.stringify(text)}: ${why}`);
});

test("a word whose case changes inside it is indexed in small letters (one word: Pagefind would index its parts too), and kept as written for reading", () => {
  const cases: Array<[string, string, string]> = [
    ["OpenAI 的模型", "openai  的模 模型 型 ", "a small letter before a capital: one word, not open + ai"],
    ["ChatGPT, iPhone and McDonald", "chatgpt, iphone and mcdonald", "each such word, beside punctuation"],
    ["AIs and HTTPServer", "ais and httpserver", "the last capital of a run before a small letter"],
    ["AI, LLM, The Model", "AI, LLM, The Model", "a word all in capitals, or with a capital only first, stays as it is"],
    ["DeepMind-Gemini", "deepmind Gemini", "after the hyphen rule: each part by itself"],
    ["ÉcoleNormale", "écolenormale", "Latin-1 letters, and the whole word around the change"],
    ["x OpenAI’s 2OpenAI3 y", "x openai’s 2openai3 y", "the word's letters and digits either side go with it, a curly apostrophe does not"],
    ["ΑλφαΒήτα", "ΑλφαΒήτα", "other scripts are left to Pagefind as before (Latin letters only)"],
  ];
  for (const [text, indexed, why] of cases) {
    assert.equal(indexText(text), indexed, `${JSON.stringify(text)}: ${why}`);
    const written = indexText(text, true);
    assert.equal(written.toLowerCase(), indexed.toLowerCase(), `${JSON.stringify(text)} as written: the same words`);
    assert.equal(written.split(" ").length, indexed.split(" ").length, `${JSON.stringify(text)} as written: at the same places`);
  }
  assert.equal(indexText("OpenAI 的模型", true), "OpenAI  的模 模型 型 ");
  assert.equal(indexText("DeepMind-Gemini", true), "DeepMind Gemini");
});
