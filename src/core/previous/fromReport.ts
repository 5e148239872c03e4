import { z } from "zod";
import { DomainError } from "../errors/domainError";
import { LastYear } from "./lastYear";

/** The part of a `cchc check --json` / `cchc summary --json` report (contracts/report.md) a comparison needs. */
const ReportSchema = z.object({
  tool: z.object({ name: z.literal("cchc") }),
  criteriaSet: z
    .object({ id: z.string(), title: z.string(), year: z.number().optional() })
    .optional(),
  units: z
    .array(
      z.object({
        sheet: z.string(),
        name: z.string(),
        index: z.number(),
        rank: z.number().int().positive(),
        band: z.string(),
        fields: z.array(z.object({ code: z.string(), max: z.number() })).optional(),
      })
    )
    .min(1),
});

/** Last year from a report's text; anything else is refused with the reason. */
export function lastYearFromReport(text: string): LastYear {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new DomainError("previous-unrecognised", {
      reason: e instanceof Error ? e.message.split("\n")[0] : String(e),
    });
  }
  const parsed = ReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("previous-unrecognised", {
      reason: `${issue.path.join(".") || "$"}: ${issue.message}`,
    });
  }
  const r = parsed.data;
  // A unit's fields are the set's fields: the first unit that lists them shows them all.
  const fields = r.units.find((u) => u.fields && u.fields.length)?.fields ?? [];
  return {
    kind: "report",
    criteriaSet: r.criteriaSet
      ? {
          id: r.criteriaSet.id,
          title: r.criteriaSet.title,
          ...(r.criteriaSet.year !== undefined ? { year: r.criteriaSet.year } : {}),
        }
      : null,
    criteria: fields.length
      ? { depth: "fields", nodes: fields.map((f) => ({ code: f.code, max: f.max })) }
      : { depth: "none", nodes: [] },
    units: r.units.map((u) => ({
      name: u.name,
      sheet: u.sheet,
      index: u.index,
      rank: u.rank,
      band: u.band,
    })),
  };
}
