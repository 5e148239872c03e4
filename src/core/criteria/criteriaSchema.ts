import * as z from "zod/mini";
import { CRITERIA_FORMAT, RuleKind } from "./model";

/**
 * The structure of a criteria file (contracts/criteria-set.md): which keys each object has, their types, which are
 * required, the choices of each enumeration. validate.ts reads every field through these schemas and turns their
 * issues into the keyed vi/en messages; the semantic checks (sums, tiers, duplicates, depth) stay code there.
 * scripts/criteria-schema.ts writes the JSON Schema editors use (schema/criteria-set.schema.json) from them.
 */

const TOLERANCE = 1e-6;

export function atMostTwoDecimals(x: number): boolean {
  return Math.abs(x * 100 - Math.round(x * 100)) < TOLERANCE * Math.max(1, Math.abs(x));
}

/** Text is NFC-normalised and trimmed: the same code typed in NFD must be the same code; blank is empty. */
export const text = z.string().check(z.normalize("NFC"), z.trim(), z.minLength(1));
export const number = z.number();
/** A whole number of any size (z.int() would also bound it to the safe range, which the format does not). */
export const integer = z.number().check(z.refine(Number.isInteger));
/** Points: at most two decimals, a problem reported on the value as given (it is still read). */
export const points = z
  .number()
  .check(z.refine(atMostTwoDecimals, { params: { problem: "too-many-decimals" } }));
export const flag = z.boolean();

export const RULE_KINDS: RuleKind[] = ["manual", "binary", "tiers", "deduction", "ratio"];

export const roundingShape = {
  decimals: z.optional(number),
  mode: z.optional(z.enum(["round", "truncate"])),
};

export const bandShape = { min: number, label: text };

export const tierShape = { from: number, above: z.optional(flag), points };

export const ruleShapes = {
  manual: { kind: z.literal("manual"), step: z.optional(points) },
  binary: { kind: z.literal("binary"), late: z.optional(points) },
  tiers: { kind: z.literal("tiers"), tiers: z.array(z.strictObject(tierShape)) },
  deduction: { kind: z.literal("deduction"), step: points },
  ratio: { kind: z.literal("ratio") },
} satisfies Record<RuleKind, z.core.$ZodLooseShape>;

export const ruleKind = z.enum(RULE_KINDS);

const rule = z.discriminatedUnion("kind", [
  z.strictObject(ruleShapes.manual),
  z.strictObject(ruleShapes.binary),
  z.strictObject(ruleShapes.tiers),
  z.strictObject(ruleShapes.deduction),
  z.strictObject(ruleShapes.ratio),
]);

export const nodeShape = {
  code: text,
  name: text,
  /** Required on a leaf; on a parent it must equal the sum of its children's (checked in code). */
  max: z.optional(points),
  weight: z.optional(points),
  rule: z.optional(rule),
  evidence: z.optional(flag),
  source: z.optional(z.enum(["self", "survey"])),
  mayBeNotApplicable: z.optional(flag),
  threshold: z.optional(number),
  get children() {
    return z.optional(z.array(node));
  },
};
const node: z.ZodMiniObject = z.strictObject(nodeShape).register(z.globalRegistry, {
  id: "node",
  description: "A criterion (tiêu chí): a leaf with a max and a rule, or a parent with children.",
});

export const unitGroupShape = { id: text, name: text, notAssessed: z.array(text) };

export const adjustmentShape = {
  code: text,
  name: text,
  kind: z.enum(["bonus", "penalty"]),
  max: points,
};

export const rootShape = {
  /** Where an editor finds this schema (a path or URL); not read otherwise. */
  $schema: z.optional(z.string()),
  format: z.pipe(text, z.literal(CRITERIA_FORMAT)),
  id: text,
  title: text,
  year: z.optional(integer),
  unitType: z.optional(text),
  rounding: z.optional(z.strictObject(roundingShape)),
  threshold: z.optional(number),
  bands: z.optional(z.array(z.strictObject(bandShape))),
  nodes: z.array(node),
  adjustments: z.optional(z.array(z.strictObject(adjustmentShape))),
  unitGroups: z.optional(z.array(z.strictObject(unitGroupShape))),
  /** A draft's list of what a person should confirm (docs/contracts/criteria-draft.md): not read otherwise. */
  toConfirm: z.optional(z.array(z.unknown())),
};

/** The whole file's structure, for the JSON Schema. */
export const criteriaFileSchema = z.strictObject(rootShape);

/** Where the JSON Schema is shipped, from the package root. */
export const CRITERIA_SCHEMA_FILE = "schema/criteria-set.schema.json";

/** The shipped file's text: the JSON Schema, 2-space indent, a final newline. */
export function criteriaJsonSchemaText(): string {
  return JSON.stringify(criteriaJsonSchema(), null, 2) + "\n";
}

/** The JSON Schema of a criteria file (draft 2020-12), as shipped in schema/criteria-set.schema.json. */
export function criteriaJsonSchema(): Record<string, unknown> {
  const json = z.toJSONSchema(criteriaFileSchema, {
    override: (ctx) => {
      if (ctx.zodSchema === integer) ctx.jsonSchema.type = "integer";
    },
  });
  return {
    $schema: json.$schema,
    title: "Bộ tiêu chí CCHC (cchc-criteria/1)",
    description:
      "A criteria set for CCHC Scoring (contracts/criteria-set.md). Structure only: sums, tiers and duplicates are checked by cchc.",
    ...Object.fromEntries(Object.entries(json).filter(([k]) => k !== "$schema")),
  };
}
