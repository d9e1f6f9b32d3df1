/**
 * Deterministic generator of synthetic bilingual transcript posts for benchmarks, shaped like
 * the real posts in /work/shared/corpus (DESIGN.md §2–3). Pure: no I/O, no clock, no Math.random.
 */
import { EN, GLOSSARY, META, TAX, ZH } from "./words.js";

/** Small seeded PRNG (mulberry32): fast, and identical output on every platform. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** Uniform float in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(arr: readonly T[]): T {
    return arr[this.int(arr.length)] as T;
  }
  /** Standard normal deviate (Box–Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
}

/** murmur3 finaliser: a 32-bit bijective mix used to derive independent seeds. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** 11-character YouTube-like id; a keyed Feistel permutation of the index, so ids never repeat. */
export function videoId(index: number, seed: number): string {
  let l = 0;
  let r = index >>> 0;
  for (let round = 0; round < 4; round++) {
    const f = mix32((r ^ mix32(seed + round * 0x9e3779b9)) >>> 0);
    [l, r] = [r, (l ^ f) >>> 0];
  }
  // 64 bits → 10 six-bit chars + one four-bit char, like real YouTube ids (last char from 16 values).
  let v = (BigInt(l) << 32n) | BigInt(r);
  let out = "";
  for (let i = 0; i < 10; i++) {
    out += ID_ALPHABET[Number((v >> 58n) & 63n)];
    v = (v << 6n) & 0xffffffffffffffffn;
  }
  return out + ID_ALPHABET[Number((v >> 60n) & 15n) << 2];
}

/** A taxonomy vocabulary: values in rank order plus a Zipf-like cumulative weight table. */
export interface Taxonomy {
  values: string[];
  cdf: Float64Array;
}

/** All growing vocabularies for a corpus of `count` posts. */
export interface Vocab {
  tags: Taxonomy;
  people: Taxonomy;
  companies: Taxonomy;
  products: Taxonomy;
  media: Taxonomy;
  projects: Taxonomy;
}

function cross(a: readonly string[], b: readonly string[], join: (x: string, y: string) => string): string[] {
  return a.flatMap((x) => b.map((y) => join(x, y)));
}

// Head values keep their rank (they are the common ones); the combinatorial tail is shuffled so
// that rare values look varied. Larger corpora get a prefix-extended list, so vocabularies nest.
function taxonomy(head: readonly string[], tail: string[], size: number, rng: Rng, exponent: number): Taxonomy {
  for (let i = tail.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [tail[i], tail[j]] = [tail[j] as string, tail[i] as string];
  }
  const seen = new Set<string>();
  const values: string[] = [];
  for (const v of [...head, ...tail]) {
    if (values.length >= size) break;
    if (!seen.has(v.toLowerCase())) seen.add(v.toLowerCase()), values.push(v);
  }
  const cdf = new Float64Array(values.length);
  let total = 0;
  for (let k = 0; k < values.length; k++) cdf[k] = total += 1 / Math.pow(k + 3, exponent);
  return { values, cdf };
}

function interleave(main: readonly string[], extra: readonly string[], every: number, from: number): string[] {
  const out = main.slice(0, from);
  main.slice(from).forEach((v, i) => {
    if (i % every === 0 && extra[i / every] !== undefined) out.push(extra[i / every] as string);
    out.push(v);
  });
  return out;
}

/** Builds the vocabularies for a corpus of `count` posts; their sizes grow with `count`. */
export function buildVocab(count: number, seed: number): Vocab {
  const rng = new Rng(mix32(seed ^ 0x5eed));
  const grow = (f: number, base: number, cap: number): number => Math.min(cap, base + Math.round(f * count));
  const tagTail = [...cross(TAX.tagMods, TAX.tagHeads, (a, b) => `${a}-${b}`), ...cross(TAX.tagMods, TAX.baseTags, (a, b) => `${a}-${b}`)];
  return {
    tags: taxonomy(interleave(TAX.baseTags, TAX.zhTags, 5, 6), tagTail, grow(0.6, 30, 5000), rng, 1.05),
    people: taxonomy(TAX.people, cross(TAX.firstNames, TAX.lastNames, (a, b) => `${a} ${b}`), grow(0.4, 20, 4000), rng, 1),
    companies: taxonomy(TAX.companies, cross(TAX.companyStems, TAX.companySuffixes, (a, b) => `${a} ${b}`), grow(0.25, 20, 1000), rng, 1),
    products: taxonomy(TAX.products, cross(TAX.companyStems, TAX.productSuffixes, (a, b) => `${a} ${b}`), grow(0.25, 20, 1000), rng, 1),
    media: taxonomy(TAX.media, cross(TAX.mediaAdjs, TAX.mediaNouns, (a, b) => `The ${a} ${b}`), grow(0.08, 12, 400), rng, 1),
    projects: taxonomy(TAX.projects, cross(TAX.projectMods, TAX.projectHeads, (a, b) => `${a}-${b}`), grow(0.03, 10, 120), rng, 1),
  };
}

/** Draws `n` distinct values from a taxonomy with Zipf-like weights. */
export function drawDistinct(rng: Rng, tax: Taxonomy, n: number): string[] {
  const out: string[] = [];
  const total = tax.cdf[tax.cdf.length - 1] ?? 0;
  for (let tries = 0; out.length < Math.min(n, tax.values.length) && tries < n * 20; tries++) {
    const u = rng.next() * total;
    let lo = 0;
    let hi = tax.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tax.cdf[mid] as number) <= u) lo = mid + 1;
      else hi = mid;
    }
    const v = tax.values[lo] as string;
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

// ---- text -----------------------------------------------------------------------------------

interface ZhOptions {
  glossary: number; // probability of a `**术语**（English: 解释）` per clause
  plain: boolean; // front-matter safe: no Markdown, no ASCII ": ", no fillers
}

function zhClause(rng: Rng, o: ZhOptions): string {
  const noun = (): string => {
    if (!o.plain && rng.chance(o.glossary)) {
      const [zh, en, expl] = rng.pick(GLOSSARY);
      return rng.chance(0.7) ? `**${zh}**（${en}: ${expl}）` : `**${zh}**（${en}）`;
    }
    if (rng.chance(0.08)) return `${rng.pick(ZH.inlineEnglish)} ${rng.pick(ZH.nouns)}`;
    return (rng.chance(0.3) ? rng.pick(ZH.adjectives) : "") + rng.pick(ZH.nouns);
  };
  const adv = (): string => (rng.chance(0.5) ? rng.pick(ZH.adverbs) : "");
  switch (rng.int(6)) {
    case 0:
      return `${rng.pick(ZH.subjects)}${adv()}${rng.pick(ZH.verbs)}${noun()}`;
    case 1:
      return `${rng.pick(ZH.subjects)}${rng.pick(ZH.verbs)}“${rng.pick(ZH.nouns)}”`;
    case 2:
      return `${rng.pick(ZH.nouns)}的${noun()}${adv()}${rng.pick(ZH.verbs)}${rng.pick(ZH.nouns)}`;
    case 3:
      return rng.pick(ZH.clauses);
    case 4:
      return `${rng.pick(ZH.inlineEnglish)} ${adv()}${rng.pick(ZH.verbs).replace(/(?<!了)$/, "了")}${noun()}`;
    default:
      return `${rng.pick(ZH.subjects)}${adv()}${rng.pick(ZH.verbs)}${rng.pick(ZH.nouns)}和${noun()}`;
  }
}

function zhSentence(rng: Rng, o: ZhOptions): string {
  let s = "";
  const r = rng.next();
  if (r < 0.15) s += `${rng.pick(ZH.connectors)}，`;
  else if (r < 0.22 && !o.plain) s += `${rng.pick(ZH.fillers)}，`;
  const clauses = rng.range(1, 3);
  for (let i = 0; i < clauses; i++) {
    if (i > 0) s += rng.chance(0.85) ? "，" : rng.chance(0.5) ? "；" : "：";
    s += zhClause(rng, o);
  }
  if (rng.chance(0.04)) s += `（${rng.pick(ZH.nouns)}）`;
  if (o.plain) return s + "。";
  const e = rng.next();
  return s + (e < 0.8 ? "。" : e < 0.92 ? "？" : e < 0.97 ? "！" : "……");
}

/** Chinese prose of at least `chars` UTF-16 units. */
function zhText(rng: Rng, chars: number, o: ZhOptions): string {
  let s = "";
  while (s.length < chars) s += zhSentence(rng, o);
  return s;
}

function enSentence(rng: Rng): string {
  const np = (): string => {
    const words = `${rng.chance(0.35) ? rng.pick(EN.adjectives) + " " : ""}${rng.pick(EN.nouns)}`;
    const det = rng.pick(EN.dets);
    return `${det === "a" && /^[aeiou]/.test(words) ? "an" : det} ${words}`;
  };
  let s: string;
  let end = rng.chance(0.85) ? "." : rng.chance(0.7) ? "?" : "!";
  switch (rng.int(5)) {
    case 0:
      s = `${rng.pick(EN.subjects)} ${rng.pick(EN.modals)} ${rng.pick(EN.verbs)} ${np()}`;
      break;
    case 1:
      s = `${np()} is ${rng.chance(0.5) ? rng.pick(EN.adverbs) + " " : ""}${rng.pick(EN.adjectives)}`;
      break;
    case 2:
      s = `I think ${rng.pick(EN.subjects)} ${rng.pick(EN.modals)} ${rng.pick(EN.verbs)} ${np()}, and ${np()} is ${rng.pick(EN.adjectives)}`;
      break;
    case 3:
      s = `what does ${np()} mean for ${np()}`;
      end = "?";
      break;
    default:
      s = `${rng.pick(EN.subjects)} ${rng.pick(EN.adverbs)} ${rng.pick(EN.modals)} ${rng.pick(EN.verbs)} ${np()} because ${np()} is ${rng.pick(EN.adjectives)}`;
  }
  s = rng.pick(EN.openers) + s + rng.pick(EN.tails) + end;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** English prose of at least `chars` characters, sentences joined by `sep`. */
function enText(rng: Rng, chars: number, sep: string): string {
  let s = enSentence(rng);
  while (s.length < chars) s += sep + enSentence(rng);
  return s;
}

function heading(rng: Rng): string {
  const prefix = rng.pick(ZH.headingPrefixes);
  if (prefix === "为何" || prefix === "如何") return `${prefix}${rng.pick(ZH.subjects)}${rng.pick(ZH.verbs)}${rng.pick(ZH.nouns)}？`;
  if (prefix === "从") return `从${rng.pick(ZH.nouns)}到${rng.pick(ZH.nouns)}`;
  const first = rng.chance(0.15) ? `${rng.pick(ZH.inlineEnglish)} ` : "";
  return `${prefix}${first}${rng.pick(ZH.nouns)}${rng.pick(ZH.headingJoiners)}${rng.pick(ZH.adjectives).slice(0, -1)}${rng.pick(ZH.nouns)}`;
}

// ---- posts ----------------------------------------------------------------------------------

/** One generated post plus the facts tests and the CLI check against its text. */
export interface GeneratedPost {
  fileName: string;
  id: string;
  text: string;
  style: "classic" | "new";
  turns: number;
  tags: string[];
  defects: string[];
}

const PLAIN: ZhOptions = { glossary: 0, plain: true };
const DAY = 86_400_000;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function isoDay(rng: Rng, from: string, to: string): string {
  const a = Date.parse(from);
  return new Date(a + rng.int((Date.parse(to) - a) / DAY + 1) * DAY).toISOString().slice(0, 10);
}

// Mimics PyYAML's plain-scalar folding (best_width 80), which the real archive's normaliser used:
// a space becomes a line break once the line already runs past the width, so the value is unchanged.
function fold(text: string, used: number, width = 80): string {
  let out = "";
  let start = 0;
  for (let p = text.indexOf(" "); p >= 0; p = text.indexOf(" ", p + 1)) {
    if (used + (p - start) > width) {
      out += `${text.slice(start, p)}\n  `;
      start = p + 1;
      used = 2;
    }
  }
  return out + text.slice(start);
}

function summaryText(rng: Rng, person: string | undefined): string {
  let s = `${person ? person + " " : ""}${rng.pick(["在本期节目中", "在访谈中", "在演讲中", "与主持人"])}${rng.pick(["深入探讨了", "分析了", "讨论了"])}${rng.pick(ZH.nouns)}与${rng.pick(ZH.nouns)}的关系。`;
  const target = rng.range(80, 200);
  while (s.length < target) {
    const next = zhSentence(rng, PLAIN);
    if (s.length + next.length <= 200) s += next;
    else if (s.length >= 80) break;
  }
  return s;
}

function frontMatter(rng: Rng, id: string, classic: boolean, vocab: Vocab): { yaml: string; tags: string[] } {
  const people = drawDistinct(rng, vocab.people, rng.int(7));
  const lists: Record<string, string[]> = {
    tags: drawDistinct(rng, vocab.tags, rng.range(3, 6)),
    people,
    companies_orgs: drawDistinct(rng, vocab.companies, rng.int(6)),
    products_models: drawDistinct(rng, vocab.products, rng.int(6)),
    media_books: rng.chance(0.7) ? [] : drawDistinct(rng, vocab.media, rng.range(1, 2)),
    project: rng.chance(0.75) ? [] : drawDistinct(rng, vocab.projects, rng.range(1, 2)),
  };
  const person = people[0];
  const n = (): string => rng.pick(ZH.nouns);
  const topic = rng.chance(0.5) ? `${n()}、${n()}与${n()}` : `从${n()}到${n()}，${rng.pick(ZH.subjects)}${rng.pick(ZH.verbs)}${n()}`;
  const head = person && rng.chance(0.5) ? `${person} ${rng.pick(ZH.titleTails)}` : `${rng.pick(ZH.adjectives).slice(0, -1)}${n()}${rng.pick(ZH.headingJoiners)}${n()}`;
  const title = `${head}：${topic}`;
  const date = classic ? isoDay(rng, "2019-08-02", "2025-12-19") : isoDay(rng, "2024-03-11", "2026-08-11");
  const d = rng.next();
  const speaker = rng.pick(META.channels);
  const summary = summaryText(rng, person);
  const draftRoll = rng.next();
  const scalars: Record<string, string | undefined> = {
    area: classic && rng.chance(0.6) ? `"${rng.pick(META.areas)}"` : rng.pick(META.areas),
    author: classic ? undefined : speaker,
    category: rng.pick(META.categories),
    date: d < 0.94 ? `'${date}'` : d < 0.99 ? date : `"${date}"`,
    draft: draftRoll < 0.95 ? "true" : draftRoll < 0.97 ? "false" : undefined,
    guest: person && rng.chance(0.15) ? person : "''",
    insight: "''",
    layout: "post.njk",
    series: rng.chance(0.93) ? "''" : rng.pick(META.series),
    source: `https://www.youtube.com/watch?v=${id}`,
    speaker,
    status: "evergreen",
    summary: classic ? fold(summary, "summary: ".length) : summary,
    title,
  };
  const order = classic
    ? Object.keys({ ...scalars, ...lists }).filter((k) => k !== "author").sort()
    : "author date guest layout source speaker tags title summary insight draft series category area project people companies_orgs products_models media_books status".split(" ");
  let yaml = "---\n";
  for (const key of order) {
    const list = lists[key];
    if (list) {
      // Some classic posts drop empty lists instead of writing `[]`.
      if (list.length === 0) yaml += classic && key !== "project" && rng.chance(0.3) ? "" : `${key}: []\n`;
      else yaml += `${key}:\n${list.map((v) => `${classic ? "" : "  "}- ${v}\n`).join("")}`;
    } else if (scalars[key] !== undefined) yaml += `${key}: ${scalars[key]}\n`;
  }
  return { yaml: yaml + "---\n", tags: lists.tags ?? [] };
}

const BAD_CLOSERS = ["</details", "</sdetails>", "</detais>", "</details]", "</text>"];

/** Generates post number `index` of a corpus; the same (index, seed, vocab) always gives the same bytes. */
export function generatePost(index: number, seed: number, vocab: Vocab): GeneratedPost {
  const rng = new Rng(mix32((mix32(seed) + Math.imul(index + 1, 0x9e3779b1)) >>> 0));
  const id = videoId(index, seed);
  const classic = rng.chance(0.35);
  // Log-normal sizes (median 34 KB) give the real archive's ~40 KB mean with a long tail.
  const targetBytes = clamp(Math.round(34_000 * Math.exp(0.6 * rng.normal())), 8_000, 146_000);
  const turns = clamp(Math.round(targetBytes / rng.range(300, 700)), 40, 160);
  const fm = frontMatter(rng, id, classic, vocab);

  const defects: string[] = [];
  if (rng.chance(0.03)) defects.push("gtgt");
  if (rng.chance(0.02)) defects.push("br");
  if (rng.chance(0.02)) defects.push("bad-close");
  if (rng.chance(0.02)) defects.push("no-blank");
  const has = (d: string): boolean => defects.includes(d);
  const badClose = new Set(has("bad-close") ? [rng.int(turns - 1), rng.int(turns - 1)] : []);
  const noBlank = new Set(has("no-blank") ? [rng.int(turns), rng.int(turns)] : []);

  const narration = has("gtgt") || rng.chance(0.2);
  const labels = [...new Set(Array.from({ length: rng.range(2, 3) }, () => (rng.chance(0.1) ? rng.pick(META.zhLabels) : rng.pick(META.labels))))];
  const labelStyle = classic ? rng.int(3) : 2;
  const enLabels = !classic || (labelStyle === 2 && rng.chance(0.5));
  const postBlank = classic && rng.chance(0.08) ? "\n" : "\n\n";
  const postSummary = classic ? (rng.chance(0.05) ? "查看/隐藏英文原文 / View/Hide Original English" : "View/Hide Original English") : "Original English";

  const sections = clamp(Math.round(turns / 13) + rng.range(-1, 2), 3, 12);
  const headingAt = new Set([0]);
  while (headingAt.size < sections) headingAt.add(rng.range(1, turns - 1));
  const level = rng.next();
  let headingCount = 0;

  const blocks: string[] = [];
  let remaining = targetBytes - Buffer.byteLength(fm.yaml);
  let speaker = 0;
  for (let t = 0; t < turns; t++) {
    if (headingAt.has(t)) {
      const hashes = level < 0.06 ? "##" : level < 0.12 && headingCount % 2 === 1 ? "####" : "###";
      blocks.push(`${hashes} ${heading(rng)}`);
      headingCount++;
    }
    const budget = (remaining / (turns - t)) * (rng.chance(0.12) ? 0.1 : 0.2 + 0.96 * -Math.log(1 - rng.next()));
    const zhChars = Math.max(4, (budget - 110) / 4.8);
    const short = zhChars < 12;
    if (!short || rng.chance(0.5)) speaker = rng.chance(0.7) ? (speaker + 1) % labels.length : rng.int(labels.length);
    const name = labels[speaker] as string;
    const gt = has("gtgt") && rng.chance(0.5) ? ">> " : "";
    const twoParas = !short && rng.chance(0.2);
    const zhOpts: ZhOptions = { glossary: 0.03, plain: false };
    const zhPara = (c: number): string => (short ? rng.pick(ZH.short) : zhText(rng, c, zhOpts));
    let zh = twoParas ? `${zhPara(zhChars / 2)}\n\n${zhPara(zhChars / 2)}` : zhPara(zhChars);
    if (!narration) zh = `${["**" + name + ":** ", "**" + name + "：** ", "**" + name + "**: "][labelStyle]}${zh}`;
    const sep = has("br") && rng.chance(0.4) ? "<br>" : has("gtgt") && rng.chance(0.3) ? " >> " : " ";
    const enChars = zhChars * (1.6 + 0.8 * rng.next());
    const enPara = (c: number): string => (short ? rng.pick(EN.short) : enText(rng, c, sep));
    let en = `${!narration && enLabels ? `**${name}**: ` : ""}${gt}${enPara(enChars)}`;
    if (t === 0 && rng.chance(0.02)) en = `[Music] ${en}`;
    const summary = rng.chance(0.004) ? rng.pick(classic ? META.summaryVariants : META.newSummaryVariants) : postSummary;
    const close = badClose.has(t) ? rng.pick(BAD_CLOSERS) : "</details>";
    const original = classic
      ? `<details>\n<summary>${summary}</summary>\n<p class="english-text">${en}</p>\n${close}`
      : `<details>\n<summary>${summary}</summary>\n\n${twoParas && rng.chance(0.5) ? `${en}\n\n${enPara(enChars / 2)}` : en}\n\n${close}`;
    const block = `${gt}${zh}${noBlank.has(t) ? "\n" : postBlank}${original}`;
    blocks.push(block);
    remaining -= Buffer.byteLength(block) + 2;
  }
  const text = fm.yaml + blocks.join("\n\n") + (rng.chance(0.15) ? "\n" : "");
  return { fileName: `${id}.md`, id, text, style: classic ? "classic" : "new", turns, tags: fm.tags, defects };
}
