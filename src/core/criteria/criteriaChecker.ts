import * as z from "zod/mini";
import { Lang } from "../i18n/lang";
import { Problem } from "../problem";
import { integer } from "./criteriaSchema";
import { CriteriaProblemCode, criteriaProblem } from "./messages";

/**
 * Collects the problems of a criteria set while reading typed values out of loosely typed JSON. Each field is
 * read through its schema (criteriaSchema); a zod issue becomes today's keyed vi/en problem at the field's path.
 */

export type Json = Record<string, unknown>;
type Shape = Record<string, z.ZodMiniType>;

export function isJsonObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (v instanceof Date) return "date";
  return typeof v;
}

export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** "nodes[0].rule" → "rule"; "nodes[2]" → "nodes[2]"; "" → "(root)". */
function lastKey(path: string): string {
  const m = /([^.[\]]+)(\[\d+\])?$/.exec(path);
  return m ? m[0] : "(root)";
}

function unwrapOptional(schema: z.ZodMiniType): z.ZodMiniType {
  const def = schema._zod.def as { type: string; innerType?: z.ZodMiniType };
  return def.type === "optional" && def.innerType ? def.innerType : schema;
}

export class Checker {
  readonly problems: Problem[] = [];
  constructor(private readonly lang: Lang) {}

  report(code: CriteriaProblemCode, path: string, params: Record<string, unknown> = {}): void {
    this.problems.push(criteriaProblem(code, path, params, this.lang));
  }

  missing(key: string, path: string): undefined {
    this.report("required", join(path, key), { key });
    return undefined;
  }

  object(value: unknown, path: string): Json | undefined {
    if (isJsonObject(value)) return value;
    this.report("invalid-type", path, {
      key: lastKey(path),
      expected: "object",
      actual: typeName(value),
    });
    return undefined;
  }

  array(value: unknown, path: string): unknown[] | undefined {
    if (Array.isArray(value)) return value;
    this.report("invalid-type", path, {
      key: lastKey(path),
      expected: "array",
      actual: typeName(value),
    });
    return undefined;
  }

  /** Every key of `obj` that its schema's shape does not have is reported. */
  keys(obj: Json, shape: Shape, path: string): void {
    for (const key of Object.keys(obj))
      if (!Object.prototype.hasOwnProperty.call(shape, key))
        this.report("unknown-key", join(path, key), { key });
  }

  /**
   * The value of `obj[key]` as the shape's schema for it reads it (text NFC-normalised and trimmed), or undefined
   * with a problem. A value with too many decimals is reported and still read.
   */
  field<S extends Shape, K extends keyof S & string>(
    obj: Json,
    shape: S,
    key: K,
    path: string
  ): NonNullable<z.infer<S[K]>> | undefined {
    const schema = shape[key];
    const v = obj[key];
    if (v === undefined)
      return schema.safeParse(undefined).success ? undefined : this.missing(key, path);
    const parsed = schema.safeParse(v);
    if (parsed.success) return parsed.data as NonNullable<z.infer<S[K]>>;
    const issue = parsed.error.issues[0];
    const at = join(path, [key, ...issue.path].join("."));
    const isInteger = unwrapOptional(schema) === integer;
    const wrongType = (expected: string) =>
      this.report("invalid-type", at, { key, expected, actual: typeName(v) });
    switch (issue.code) {
      case "invalid_type":
        wrongType(isInteger ? "integer" : issue.expected);
        break;
      case "invalid_value":
        if (typeof v !== "string") wrongType("string");
        else if (issue.values.length === 1)
          this.report("unsupported-format", at, {
            value: v.normalize("NFC").trim(),
            expected: issue.values[0],
          });
        else this.report("invalid-value", at, { key, value: v, allowed: [...issue.values] });
        break;
      case "too_small":
        this.report("empty-text", at, { key });
        break;
      case "custom":
        if (issue.params?.problem === "too-many-decimals") {
          this.report("too-many-decimals", at, { key, value: v });
          return v as NonNullable<z.infer<S[K]>>;
        }
        wrongType("integer");
        break;
      default:
        wrongType(String(issue.code));
    }
    return undefined;
  }
}
