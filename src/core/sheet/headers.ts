import { foldText } from "../text/normalize";

export type ColumnRole =
  "code" | "name" | "max" | "ratio" | "self" | "evidence" | "appraised" | "note";

/** Header texts seen in real forms (docs/domain.md, "The unit sheet"), folded; English forms from our own English template too. */
const SYNONYMS: Record<Exclude<ColumnRole, "appraised">, string[]> = {
  code: ["stt", "tt", "so tt", "so thu tu", "ma", "ma tieu chi", "ma so", "code"],
  name: [
    "linh vuc tieu chi tieu chi thanh phan",
    "linh vuc tieu chi",
    "noi dung",
    "tieu chi",
    "noi dung tieu chi",
    "ten tieu chi",
    "criterion",
    "criteria",
    "name",
  ],
  max: ["diem toi da", "diem chuan", "thang diem", "toi da", "max", "max points", "maximum"],
  ratio: [
    "ket qua",
    "ty le",
    "ty le dat",
    "ti le",
    "ti le dat",
    "ket qua thuc hien",
    "ratio",
    "result",
  ],
  self: [
    "diem tu cham",
    "tu cham",
    "diem tu danh gia",
    "tu danh gia",
    "diem don vi tu cham",
    "self score",
    "self",
  ],
  evidence: ["tai lieu kiem chung", "tlkc", "evidence"],
  note: [
    "ghi chu",
    "giai trinh",
    "ghi chu giai trinh",
    "giai trinh cua don vi",
    "note",
    "notes",
    "explanation",
  ],
};

export interface HeaderMatch {
  role: ColumnRole;
  /** Appraisal round (1, 2 …) where the header names one. */
  round?: number;
}

/** Header texts seen before and what they named (null: nothing); see foldText for why and how it is bounded. */
const MATCHED = new Map<string, HeaderMatch | null>();
const MATCH_CACHE_MAX_ENTRIES = 20000;
const MATCH_CACHE_MAX_LENGTH = 300;

/** Which role a header text names, if any. */
export function matchHeader(text: string): HeaderMatch | undefined {
  if (text.length > MATCH_CACHE_MAX_LENGTH) return matchHeaderText(text);
  let hit = MATCHED.get(text);
  if (hit === undefined) {
    hit = matchHeaderText(text) ?? null;
    if (MATCHED.size >= MATCH_CACHE_MAX_ENTRIES) MATCHED.clear();
    MATCHED.set(text, hit);
  }
  // A copy, so a caller that changes what it got cannot change the next answer.
  return hit ? { ...hit } : undefined;
}

function matchHeaderText(text: string): HeaderMatch | undefined {
  const h = foldText(text.replace(/\([^)]*\)/g, " "));
  if (!h) return undefined;
  const appraisal =
    /^(diem |ket qua )?(tham dinh|appraised( score)?)( lan (\d+)| round (\d+))?$/.exec(h);
  if (appraisal) {
    const round = appraisal[5] ?? appraisal[6];
    return { role: "appraised", round: round ? Number(round) : undefined };
  }
  if (/^(diem )?tham dinh/.test(h) && !h.includes("giai trinh")) {
    const m = / lan (\d+)/.exec(h);
    return { role: "appraised", round: m ? Number(m[1]) : undefined };
  }
  let best: { role: ColumnRole; len: number } | undefined;
  for (const [role, words] of Object.entries(SYNONYMS) as [ColumnRole, string[]][]) {
    for (const w of words) {
      const hit = h === w ? w.length + 1000 : h.startsWith(w + " ") ? w.length : -1;
      if (hit >= 0 && (!best || hit > best.len)) best = { role, len: hit };
    }
  }
  return best && { role: best.role };
}
