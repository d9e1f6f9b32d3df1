/** Readable, stable ASCII slugs for Chinese and Latin names (pinyin for Chinese characters). */
import { pinyin } from "pinyin-pro";
import slugifyLatin from "@sindresorhus/slugify";

const HAN = /\p{Script=Han}/u;

/** `压缩即智能 AGI` → `ya-suo-ji-zhi-neng-agi`; `Claude Code` → `claude-code`. Empty when nothing is left. */
export function slugify(text: string): string {
  // pinyin-pro leaves non-Chinese runs intact ("consecutive") so English words keep their spelling.
  const latin = HAN.test(text) ? pinyin(text, { toneType: "none", type: "array", nonZh: "consecutive" }).join(" ") : text;
  return slugifyLatin(latin, { decamelize: false });
}
