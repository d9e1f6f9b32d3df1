/**
 * Deterministic generator of synthetic transcript posts for benchmarks, shaped like the real
 * archive (DESIGN.md §2–3 and §7): two thirds Chinese-only, sizes with a long tail, thousands of
 * names most used once. Pure: no I/O, no clock, no Math.random.
 */
import { ARCHIVE, EN, GLOSSARY, META, TAX, ZH, ZH_NOUN_SHARE } from "./words.js";

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

/** A vocabulary of names: common ones drawn with Zipf-like weights, and names used by one post only. */
export interface Taxonomy {
  /** The shared names, in rank order. */
  values: string[];
  cdf: Float64Array;
  /** Probability that a use is a name no other post uses (most of the archive's names are used once). */
  fresh: number;
  /** The once-only name number `k` (distinct for distinct `k`). */
  freshName: (k: number) => string;
}

/** All vocabularies for a corpus of `count` posts; the shared ones grow with `count`. */
export interface Vocab {
  tags: Taxonomy;
  people: Taxonomy;
  companies: Taxonomy;
  products: Taxonomy;
  media: Taxonomy;
  projects: Taxonomy;
  /** Fixed lists: the archive has about 65 categories, 20 areas, 5 series and 137 channels whatever its size. */
  categories: Taxonomy;
  areas: Taxonomy;
  channels: Taxonomy;
  /** Simplified name → the Traditional spelling some posts use. */
  traditional: ReadonlyMap<string, string>;
}

function cross(a: readonly string[], b: readonly string[], join: (x: string, y: string) => string): string[] {
  return a.flatMap((x) => b.map((y) => join(x, y)));
}

function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Name number `k` of the mixed-radix product of `parts` (each list shuffled once), so distinct `k` give distinct names. */
function namer(parts: ReadonlyArray<readonly string[]>, join: (p: string[]) => string, rng: Rng): (k: number) => string {
  const lists = parts.map((p) => shuffle([...p], rng));
  const space = lists.reduce((n, l) => n * l.length, 1);
  return (k: number): string => {
    const round = Math.floor(k / space);
    let rest = k % space;
    const picked: string[] = [];
    for (const l of lists) {
      picked.push(l[rest % l.length] as string);
      rest = Math.floor(rest / l.length);
    }
    const name = join(picked);
    return round === 0 ? name : `${name} ${round + 1}`;
  };
}

// Head values keep their rank (they are the common ones); the combinatorial tail is shuffled so
// that rare values look varied.
function taxonomy(head: readonly string[], tail: string[], size: number, rng: Rng, exponent: number, fresh = 0, freshName: (k: number) => string = String): Taxonomy {
  shuffle(tail, rng);
  const seen = new Set<string>();
  const values: string[] = [];
  for (const v of [...head, ...tail]) {
    if (values.length >= size) break;
    if (!seen.has(v.toLowerCase())) seen.add(v.toLowerCase()), values.push(v);
  }
  const cdf = new Float64Array(values.length);
  let total = 0;
  for (let k = 0; k < values.length; k++) cdf[k] = total += 1 / Math.pow(k + 3, exponent);
  return { values, cdf, fresh, freshName };
}

function interleave(main: readonly string[], extra: readonly string[], every: number, from: number): string[] {
  const out = main.slice(0, from);
  main.slice(from).forEach((v, i) => {
    if (i % every === 0 && extra[i / every] !== undefined) out.push(extra[i / every] as string);
    out.push(v);
  });
  return out;
}

/** Once-only names per post and taxonomy at most (the draw below numbers them post × SLOTS + slot). */
const SLOTS = 16;

/**
 * Builds the vocabularies for a corpus of `count` posts. Shared vocabularies grow in proportion to
 * `count` and once-only names come at a fixed rate per use, so distinct names, and the share used
 * once, scale with the archive as in DESIGN.md §7.
 */
export function buildVocab(count: number, seed: number): Vocab {
  const rng = new Rng(mix32(seed ^ 0x5eed));
  const grow = (f: number, base: number): number => base + Math.round(f * count);
  const A = ARCHIVE;
  const zhName = (p: string[]): string => p.join("");
  const chinesePeople = cross(A.zhSurnames, A.zhGiven, (a, b) => a + b);
  const foreignPeople = cross(A.foreignGiven, A.foreignFamily, (a, b) => `${a}·${b}`);
  const englishPeople = cross(TAX.firstNames, TAX.lastNames, (a, b) => `${a} ${b}`);
  const zhPerson = namer([A.zhSurnames, A.zhGiven, A.zhGiven], zhName, rng);
  const enPerson = namer([TAX.firstNames, "ABCDEFGHJKLMNPRSTW".split(""), TAX.lastNames], ([f, i, l]) => `${f} ${i}. ${l}`, rng);
  const categoryNames = [...META.categories, ...shuffle(cross(A.categoryWords, A.categoryKinds, (a, b) => `${a}-${b}`), rng)].filter((v, i, all) => all.indexOf(v) === i).slice(0, 65);
  const channels = [
    ...META.channels,
    ...shuffle(cross(A.channelStems, A.channelKinds, (a, b) => a + b), rng).slice(0, 60),
    ...shuffle(cross(A.enChannelStems, A.enChannelKinds, (a, b) => `${a} ${b}`), rng).slice(0, 57),
  ];
  return {
    tags: taxonomy(
      interleave(TAX.baseTags, TAX.zhTags, 5, 6),
      [...cross(TAX.tagMods, TAX.tagHeads, (a, b) => `${a}-${b}`), ...cross(TAX.tagMods, TAX.baseTags, (a, b) => `${a}-${b}`)],
      grow(0.55, 30),
      rng,
      0.75,
      0.22,
      namer([TAX.tagMods, TAX.tagMods, TAX.tagHeads], (p) => p.join("-"), rng),
    ),
    people: taxonomy(
      interleave(TAX.people, A.zhPeople, 1, 0),
      [...chinesePeople, ...foreignPeople, ...englishPeople],
      grow(0.28, 30),
      rng,
      0.9,
      0.18,
      (k) => (k % 2 === 0 ? zhPerson(k / 2) : enPerson((k - 1) / 2)),
    ),
    companies: taxonomy(
      interleave(TAX.companies, A.zhOrgs, 1, 0),
      [
        ...cross(TAX.companyStems, TAX.companySuffixes, (a, b) => `${a} ${b}`),
        ...cross(A.productWords, TAX.companySuffixes, (a, b) => `${a} ${b}`),
        ...cross(A.channelStems, A.zhOrgKinds, (a, b) => a + b),
        ...cross(TAX.companyStems, A.productWords, (a, b) => `${a} ${b}`),
      ],
      grow(0.28, 40),
      rng,
      0.9,
      0.12,
      namer([TAX.companyStems, TAX.companyStems, TAX.companySuffixes], ([a, b, c]) => `${a} ${b} ${c}`, rng),
    ),
    products: taxonomy(
      TAX.products,
      [
        ...cross(TAX.companyStems, TAX.productSuffixes, (a, b) => `${a} ${b}`),
        ...cross(A.productWords, TAX.productSuffixes, (a, b) => `${a} ${b}`),
        ...cross(A.productWords, TAX.companyStems, (a, b) => `${a}-${b}`),
      ],
      grow(0.28, 20),
      rng,
      1.0,
      0.24,
      namer([A.productWords, TAX.companyStems, TAX.productSuffixes], ([a, b, c]) => `${a}${b} ${c}`, rng),
    ),
    media: taxonomy(TAX.media, cross(TAX.mediaAdjs, TAX.mediaNouns, (a, b) => `The ${a} ${b}`), grow(0.08, 12), rng, 1),
    projects: taxonomy(TAX.projects, cross(TAX.projectMods, TAX.projectHeads, (a, b) => `${a}-${b}`), grow(0.01, 10), rng, 1),
    categories: taxonomy(categoryNames, [], 65, rng, 1.1),
    areas: taxonomy([...META.areas, ...A.areaExtra], [], 20, rng, 0.9),
    channels: taxonomy(channels, [], 137, rng, 0.85),
    traditional: new Map([...A.zhOrgs.map((s, i): [string, string] => [s, A.zhOrgsTraditional[i] as string]), ...A.zhPeople.map((s, i): [string, string] => [s, A.zhPeopleTraditional[i] as string])].filter(([s, t]) => s !== t)),
  };
}

/** One name drawn with the taxonomy's Zipf-like weights (shared names only). */
function drawShared(rng: Rng, tax: Taxonomy): string {
  const total = tax.cdf[tax.cdf.length - 1] ?? 0;
  const u = rng.next() * total;
  let lo = 0;
  let hi = tax.cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tax.cdf[mid] as number) <= u) lo = mid + 1;
    else hi = mid;
  }
  return tax.values[lo] as string;
}

/** Draws `n` distinct names for post number `post`: shared ones, and at the taxonomy's rate names no other post uses. */
export function drawDistinct(rng: Rng, tax: Taxonomy, n: number, post = 0): string[] {
  const out: string[] = [];
  const want = Math.min(n, SLOTS);
  for (let tries = 0; out.length < want && tries < want * 20; tries++) {
    const v = rng.chance(tax.fresh) ? tax.freshName(post * SLOTS + out.length) : drawShared(rng, tax);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

// ---- text -----------------------------------------------------------------------------------

interface ZhOptions {
  glossary: number; // probability of a `**术语**（English: 解释）` per clause
  plain: boolean; // front-matter safe: no Markdown, no ASCII ": ", no fillers
}

/**
 * The post being written's own Chinese nouns and glossary terms (postVocabulary), set by generatePost
 * for each post: module state rather than an argument through every function below, and the same
 * for the same post whatever was generated before it.
 */
let nouns: readonly string[] = ZH.nouns;
let glossary: typeof GLOSSARY = GLOSSARY;
let subjects: readonly string[] = ZH.subjects;

/** At least this many nouns per post (a short post's sentences need some to choose from). */
const MIN_NOUNS = 4;
/** The nouns, most frequent first: those that make up the minimum. */
const BY_SHARE = Object.entries(ZH_NOUN_SHARE).sort((a, b) => b[1] - a[1]).map(([noun]) => noun);

/**
 * A post's nouns and glossary terms: each of the lists' words with its share of real posts
 * (ZH_NOUN_SHARE, and GLOSSARY's last field), so each word is in about as many generated posts as real ones.
 * Drawn from a generator of their own (the post's index and the seed), so that the rest of the post
 * is drawn as before. The most frequent nouns make up the minimum when too few come; the subjects
 * that name a noun (这个模型) are the post's only where the noun is.
 */
export function postVocabulary(index: number, seed: number): { nouns: string[]; glossary: typeof GLOSSARY; subjects: string[] } {
  const rng = new Rng(mix32((mix32(seed ^ 0x5a5a5a5a) + Math.imul(index + 1, 0x85ebca6b)) >>> 0));
  const chosen = Object.entries(ZH_NOUN_SHARE).filter(([, share]) => rng.chance(share)).map(([noun]) => noun);
  for (const n of BY_SHARE) {
    if (chosen.length >= MIN_NOUNS) break;
    if (!chosen.includes(n)) chosen.push(n);
  }
  // A subject that names a noun (这个模型, 市场) only where the post has that noun.
  const others = ZH.nouns.filter((n) => !chosen.includes(n));
  return {
    nouns: chosen,
    glossary: GLOSSARY.filter(([, , , share]) => rng.chance(share)),
    subjects: ZH.subjects.filter((s) => !others.some((n) => s.includes(n))),
  };
}

// Module-level helpers, not closures: this runs millions of times for an archive, and a closure
// made on each call costs more than the text it writes.
function zhNoun(rng: Rng, o: ZhOptions): string {
  if (!o.plain && rng.chance(o.glossary) && glossary.length) {
    const [zh, en, expl] = rng.pick(glossary);
    return rng.chance(0.7) ? `**${zh}**（${en}: ${expl}）` : `**${zh}**（${en}）`;
  }
  if (rng.chance(0.08)) return `${rng.pick(ZH.inlineEnglish)} ${rng.pick(nouns)}`;
  return (rng.chance(0.3) ? rng.pick(ZH.adjectives) : "") + rng.pick(nouns);
}

function zhAdverb(rng: Rng): string {
  return rng.chance(0.5) ? rng.pick(ZH.adverbs) : "";
}

function zhClause(rng: Rng, o: ZhOptions): string {
  switch (rng.int(6)) {
    case 0:
      return `${rng.pick(subjects)}${zhAdverb(rng)}${rng.pick(ZH.verbs)}${zhNoun(rng, o)}`;
    case 1:
      return `${rng.pick(subjects)}${rng.pick(ZH.verbs)}“${rng.pick(nouns)}”`;
    case 2:
      return `${rng.pick(nouns)}的${zhNoun(rng, o)}${zhAdverb(rng)}${rng.pick(ZH.verbs)}${rng.pick(nouns)}`;
    case 3:
      return rng.pick(ZH.clauses);
    case 4:
      return `${rng.pick(ZH.inlineEnglish)} ${zhAdverb(rng)}${rng.pick(ZH.verbs).replace(/(?<!了)$/, "了")}${zhNoun(rng, o)}`;
    default:
      return `${rng.pick(subjects)}${zhAdverb(rng)}${rng.pick(ZH.verbs)}${rng.pick(nouns)}和${zhNoun(rng, o)}`;
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
  if (rng.chance(0.04)) s += `（${rng.pick(nouns)}）`;
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

function enNounPhrase(rng: Rng): string {
  const words = `${rng.chance(0.35) ? rng.pick(EN.adjectives) + " " : ""}${rng.pick(EN.nouns)}`;
  const det = rng.pick(EN.dets);
  return `${det === "a" && /^[aeiou]/.test(words) ? "an" : det} ${words}`;
}

function enSentence(rng: Rng): string {
  let s: string;
  let end = rng.chance(0.85) ? "." : rng.chance(0.7) ? "?" : "!";
  switch (rng.int(5)) {
    case 0:
      s = `${rng.pick(EN.subjects)} ${rng.pick(EN.modals)} ${rng.pick(EN.verbs)} ${enNounPhrase(rng)}`;
      break;
    case 1:
      s = `${enNounPhrase(rng)} is ${rng.chance(0.5) ? rng.pick(EN.adverbs) + " " : ""}${rng.pick(EN.adjectives)}`;
      break;
    case 2:
      s = `I think ${rng.pick(EN.subjects)} ${rng.pick(EN.modals)} ${rng.pick(EN.verbs)} ${enNounPhrase(rng)}, and ${enNounPhrase(rng)} is ${rng.pick(EN.adjectives)}`;
      break;
    case 3:
      s = `what does ${enNounPhrase(rng)} mean for ${enNounPhrase(rng)}`;
      end = "?";
      break;
    default:
      s = `${rng.pick(EN.subjects)} ${rng.pick(EN.adverbs)} ${rng.pick(EN.modals)} ${rng.pick(EN.verbs)} ${enNounPhrase(rng)} because ${enNounPhrase(rng)} is ${rng.pick(EN.adjectives)}`;
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
  if (prefix === "为何" || prefix === "如何") return `${prefix}${rng.pick(subjects)}${rng.pick(ZH.verbs)}${rng.pick(nouns)}？`;
  if (prefix === "从") return `从${rng.pick(nouns)}到${rng.pick(nouns)}`;
  const first = rng.chance(0.15) ? `${rng.pick(ZH.inlineEnglish)} ` : "";
  return `${prefix}${first}${rng.pick(nouns)}${rng.pick(ZH.headingJoiners)}${rng.pick(ZH.adjectives).slice(0, -1)}${rng.pick(nouns)}`;
}

// ---- posts ----------------------------------------------------------------------------------

/** How a post is written: Chinese only (about two thirds of the archive), or bilingual in the classic or the newer original format. */
export type PostStyle = "zh" | "classic" | "new";

/** One generated post plus the facts tests and the CLI check against its text. */
export interface GeneratedPost {
  fileName: string;
  id: string;
  text: string;
  style: PostStyle;
  /** Passages: translation + original for bilingual posts, paragraphs for Chinese-only ones. */
  turns: number;
  tags: string[];
  /** Body features: `cjk-bold` (`**《书名》**`), `bracket-label` (`**[Name]**:`), and the defects `gtgt`, `br`, `bad-close`, `no-blank`. */
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
  let s = `${person ? person + " " : ""}${rng.pick(["在本期节目中", "在访谈中", "在演讲中", "与主持人"])}${rng.pick(["深入探讨了", "分析了", "讨论了"])}${rng.pick(nouns)}与${rng.pick(nouns)}的关系。`;
  const target = rng.range(80, 200);
  while (s.length < target) {
    const next = zhSentence(rng, PLAIN);
    if (s.length + next.length <= 200) s += next;
    else if (s.length >= 80) break;
  }
  return s;
}

/** The archive's dates: mostly 2026 and 2025, a few older posts. */
function postDate(rng: Rng): string {
  const r = rng.next();
  if (r < 0.566) return isoDay(rng, "2026-01-01", "2026-11-20");
  if (r < 0.925) return isoDay(rng, "2025-01-01", "2025-12-31");
  if (r < 0.967) return isoDay(rng, "2024-01-01", "2024-12-31");
  return isoDay(rng, "2019-08-01", "2023-12-31");
}

/**
 * A name as some posts spell it: now and then in Traditional script (`台積電`) or inside quotes
 * (`“台积电”`, `'"ai-ml"'`), which the site must fold into the same name. Returns YAML.
 */
function spelled(rng: Rng, name: string, vocab: Vocab, quoteRate: number): string {
  const traditional = vocab.traditional.get(name);
  const v = traditional !== undefined && rng.chance(0.2) ? traditional : name;
  if (!rng.chance(quoteRate)) return v;
  return v.includes("'") ? `“${v}”` : rng.pick([`“${v}”`, `'"${v}"'`, `「${v}」`]);
}

function frontMatter(rng: Rng, id: string, style: PostStyle, vocab: Vocab, post: number): { yaml: string; tags: string[]; person: string | undefined } {
  const people = drawDistinct(rng, vocab.people, rng.chance(0.32) ? 0 : rng.range(1, 5), post);
  const lists: Record<string, string[]> = {
    tags: drawDistinct(rng, vocab.tags, rng.chance(0.05) ? 0 : rng.range(3, 7), post),
    people,
    companies_orgs: drawDistinct(rng, vocab.companies, rng.chance(0.2) ? 0 : rng.range(1, 9), post),
    products_models: drawDistinct(rng, vocab.products, rng.chance(0.45) ? 0 : rng.range(1, 5), post),
    media_books: rng.chance(0.7) ? [] : drawDistinct(rng, vocab.media, rng.range(1, 2), post),
    project: rng.chance(0.75) ? [] : drawDistinct(rng, vocab.projects, rng.range(1, 2), post),
  };
  const classic = style === "classic";
  const person = people[0];
  const n = (): string => rng.pick(nouns);
  const topic = rng.chance(0.5) ? `${n()}、${n()}与${n()}` : `从${n()}到${n()}，${rng.pick(subjects)}${rng.pick(ZH.verbs)}${n()}`;
  const head = person && rng.chance(0.5) ? `${person} ${rng.pick(ZH.titleTails)}` : `${rng.pick(ZH.adjectives).slice(0, -1)}${n()}${rng.pick(ZH.headingJoiners)}${n()}`;
  const title = `${head}：${topic}`;
  const date = postDate(rng);
  const d = rng.next();
  const speaker = drawShared(rng, vocab.channels);
  const summary = summaryText(rng, person);
  const draftRoll = rng.next();
  const scalars: Record<string, string | undefined> = {
    area: classic && rng.chance(0.6) ? `"${drawShared(rng, vocab.areas)}"` : spelled(rng, drawShared(rng, vocab.areas), vocab, 0.004),
    author: classic ? undefined : speaker,
    category: spelled(rng, drawShared(rng, vocab.categories), vocab, 0.004),
    date: d < 0.94 ? `'${date}'` : d < 0.99 ? date : `"${date}"`,
    draft: draftRoll < 0.95 ? "true" : draftRoll < 0.97 ? "false" : undefined,
    guest: person && rng.chance(0.15) ? person : "''",
    insight: "''",
    layout: "post.njk",
    // About 99 of 9,000 posts belong to one of 5 series.
    series: rng.chance(0.011) ? rng.pick(META.series) : "''",
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
      else yaml += `${key}:\n${list.map((v) => `${classic ? "" : "  "}- ${spelled(rng, v, vocab, 0.003)}\n`).join("")}`;
    } else if (scalars[key] !== undefined) yaml += `${key}: ${scalars[key]}\n`;
  }
  return { yaml: yaml + "---\n", tags: lists.tags ?? [], person };
}

const BAD_CLOSERS = ["</details", "</sdetails>", "</detais>", "</details]", "</text>"];

/** Bold around CJK punctuation, which CommonMark alone does not read as bold: `提到了**《三体》**。` */
function cjkBoldSentence(rng: Rng): string {
  return rng.chance(0.5)
    ? `${rng.pick(subjects)}提到了**《${rng.pick(ARCHIVE.books)}》**这本书。`
    : `正如那句**“${rng.pick(ARCHIVE.quotes)}”**所说，${rng.pick(ZH.clauses)}。`;
}

/** Sizes: log-normal per style, fitted to the archive's median, mean and 95th percentile (DESIGN.md §7). */
const SIZE = { zh: { median: 19_000, sigma: 0.85 }, classic: { median: 43_000, sigma: 0.8 }, new: { median: 43_000, sigma: 0.8 } } as const;

/** Generates post number `index` of a corpus; the same (index, seed, vocab) always gives the same bytes. */
export function generatePost(index: number, seed: number, vocab: Vocab): GeneratedPost {
  const rng = new Rng(mix32((mix32(seed) + Math.imul(index + 1, 0x9e3779b1)) >>> 0));
  ({ nouns, glossary, subjects } = postVocabulary(index, seed));
  const id = videoId(index, seed);
  const style: PostStyle = rng.chance(0.646) ? "zh" : rng.chance(0.5) ? "classic" : "new";
  const size = SIZE[style];
  // The log-normal's tail stops short of the archive's few posts near 1 MB: about one in 2,000 is one.
  const giant = rng.chance(0.0005);
  const targetBytes = giant ? rng.range(700_000, 1_100_000) : clamp(Math.round(size.median * Math.exp(size.sigma * rng.normal())), 1_500, 1_200_000);
  const fm = frontMatter(rng, id, style, vocab, index);
  const features: string[] = [];
  if (rng.chance(0.25)) features.push("cjk-bold");
  if (rng.chance(0.033)) features.push("bracket-label");
  const body = style === "zh" ? chineseBody(rng, targetBytes - Buffer.byteLength(fm.yaml), features) : bilingualBody(rng, style === "classic", targetBytes - Buffer.byteLength(fm.yaml), features);
  const text = fm.yaml + body.text + (rng.chance(0.15) ? "\n" : "");
  return { fileName: `${id}.md`, id, text, style, turns: body.turns, tags: fm.tags, defects: features };
}

/** A speaker label as the archive writes it, in the given form. */
function label(name: string, form: number, bracket: boolean): string {
  if (bracket) return `**[${name}]**${form % 2 === 0 ? ":" : "："} `;
  return [`**${name}:** `, `**${name}：** `, `**${name}**: `, `**${name}**：`][form % 4] as string;
}

/** Sections of `###` headings and paragraphs, no originals; speaker labels in most, often Chinese names. */
function chineseBody(rng: Rng, budgetBytes: number, features: string[]): { text: string; turns: number } {
  const paras = clamp(Math.round(budgetBytes / rng.range(500, 1100)), 1, 4000);
  const labelled = rng.chance(0.55);
  const names = [...new Set(Array.from({ length: rng.range(2, 3) }, () => (rng.chance(0.35) ? rng.pick(ARCHIVE.zhSpeakerRoles) : rng.chance(0.75) ? rng.pick(ARCHIVE.zhSurnames) + rng.pick(ARCHIVE.zhGiven) : rng.pick(META.labels))))];
  const form = rng.int(4);
  const bracket = features.includes("bracket-label");
  const cjkBold = features.includes("cjk-bold");
  const sections = clamp(Math.round(paras / 8) + rng.range(-1, 2), 1, 400);
  const headingAt = new Set([0]);
  while (headingAt.size < Math.min(sections, paras)) headingAt.add(rng.range(1, paras - 1));
  const blocks: string[] = [];
  let remaining = budgetBytes;
  let speaker = 0;
  const zhOpts: ZhOptions = { glossary: 0.03, plain: false };
  for (let t = 0; t < paras; t++) {
    if (headingAt.has(t)) blocks.push(`### ${heading(rng)}`);
    const budget = (remaining / (paras - t)) * (0.3 + 0.7 * -Math.log(1 - rng.next()));
    let zh = zhText(rng, Math.max(8, budget / 3.05), zhOpts);
    if (cjkBold && (t === 0 || rng.chance(0.08))) zh = `${cjkBoldSentence(rng)}${zh}`;
    if (labelled) {
      speaker = rng.chance(0.7) ? (speaker + 1) % names.length : rng.int(names.length);
      zh = label(names[speaker] as string, form, bracket) + zh;
    }
    blocks.push(zh);
    remaining -= Buffer.byteLength(zh) + 2;
  }
  return { text: blocks.join("\n\n"), turns: paras };
}

/** Turns of a translation and its original in a `<details>` block, in the classic or the newer format, with the archive's defects. */
function bilingualBody(rng: Rng, classic: boolean, budgetBytes: number, features: string[]): { text: string; turns: number } {
  const turns = clamp(Math.round(budgetBytes / rng.range(300, 700)), 4, 3000);
  const defects: string[] = [];
  if (rng.chance(0.03)) defects.push("gtgt");
  if (rng.chance(0.02)) defects.push("br");
  if (rng.chance(0.02)) defects.push("bad-close");
  if (rng.chance(0.02)) defects.push("no-blank");
  features.push(...defects);
  const has = (d: string): boolean => defects.includes(d);
  const badClose = new Set(has("bad-close") ? [rng.int(turns - 1), rng.int(turns - 1)] : []);
  const noBlank = new Set(has("no-blank") ? [rng.int(turns), rng.int(turns)] : []);
  const bracket = features.includes("bracket-label");
  const cjkBold = features.includes("cjk-bold");

  const narration = !bracket && (has("gtgt") || rng.chance(0.2));
  const labels = [...new Set(Array.from({ length: rng.range(2, 3) }, () => (rng.chance(0.1) ? rng.pick(META.zhLabels) : rng.pick(META.labels))))];
  const labelStyle = classic ? rng.int(3) : 2;
  const enLabels = !classic || (labelStyle === 2 && rng.chance(0.5));
  const postBlank = classic && rng.chance(0.08) ? "\n" : "\n\n";
  const postSummary = classic ? (rng.chance(0.05) ? "查看/隐藏英文原文 / View/Hide Original English" : "View/Hide Original English") : "Original English";

  const sections = clamp(Math.round(turns / 13) + rng.range(-1, 2), 1, 300);
  const headingAt = new Set([0]);
  while (headingAt.size < Math.min(sections, turns)) headingAt.add(rng.range(1, turns - 1));
  const level = rng.next();
  let headingCount = 0;

  const blocks: string[] = [];
  let remaining = budgetBytes;
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
    if (cjkBold && !short && (t === 0 || rng.chance(0.08))) zh = `${cjkBoldSentence(rng)}${zh}`;
    if (!narration) zh = `${bracket ? label(name, labelStyle, true) : ["**" + name + ":** ", "**" + name + "：** ", "**" + name + "**: "][labelStyle]}${zh}`;
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
  return { text: blocks.join("\n\n"), turns };
}
