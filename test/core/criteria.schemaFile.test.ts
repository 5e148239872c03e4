import { readFileSync } from "fs";
import * as path from "path";
import {
  CRITERIA_SCHEMA_FILE,
  criteriaJsonSchema,
  criteriaJsonSchemaText,
} from "../../src/core/criteria/criteriaSchema";
import { parseCriteriaJson, validateCriteria } from "../../src/core/criteria/validate";
import { projectRoot } from "../support/paths";

/** The shipped JSON Schema is what the criteria schema generates, and a set may name it with "$schema". */

const read = (file: string) => readFileSync(path.join(projectRoot(), file), "utf8");
const example = () => read("examples/xa-mau-2025.criteria.json");

describe("schema/criteria-set.schema.json", () => {
  test("the committed file is what the schema generates (npm run schema writes it)", () => {
    expect(read(CRITERIA_SCHEMA_FILE)).toBe(criteriaJsonSchemaText());
  });

  test("it names every key of the format, refuses others, and holds the choices", () => {
    const schema = criteriaJsonSchema() as any;
    expect(Object.keys(schema.properties)).toEqual([
      "$schema",
      "format",
      "id",
      "title",
      "year",
      "unitType",
      "rounding",
      "threshold",
      "bands",
      "nodes",
      "adjustments",
      "unitGroups",
      "toConfirm",
    ]);
    expect(schema.required).toEqual(["format", "id", "title", "nodes"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.format.const).toBe("cchc-criteria/1");
    expect(schema.properties.year.type).toBe("integer");
    const node = schema.$defs.node;
    expect(node.required).toEqual(["code", "name"]);
    expect(node.properties.children.items.$ref).toBe("#/$defs/node");
    expect(node.properties.rule.oneOf.map((r: any) => r.properties.kind.const)).toEqual([
      "manual",
      "binary",
      "tiers",
      "deduction",
      "ratio",
    ]);
    expect(node.properties.source.enum).toEqual(["self", "survey"]);
  });

  test("is shipped with the package", () => {
    expect(JSON.parse(read("package.json")).files).toContain("schema/");
  });
});

describe('"$schema" in a criteria set', () => {
  test("the example names the shipped schema and is accepted, the same set as without it", () => {
    const text = example();
    expect(JSON.parse(text).$schema).toBe("../schema/criteria-set.schema.json");
    const withIt = parseCriteriaJson(text);
    const { $schema, ...rest } = JSON.parse(text); // eslint-disable-line @typescript-eslint/no-unused-vars
    expect(withIt.ok).toBe(true);
    expect(withIt).toStrictEqual(validateCriteria(rest));
    expect(withIt.ok && "$schema" in withIt.set).toBe(false);
  });

  test("a URL is accepted too; a $schema that is not text is refused with the usual message", () => {
    const data = JSON.parse(example());
    expect(
      validateCriteria({ ...data, $schema: "https://example.org/criteria-set.schema.json" }).ok
    ).toBe(true);
    const refused = validateCriteria({ ...data, $schema: 3 }, "en");
    expect(refused.ok ? [] : refused.problems.map((p) => [p.code, p.path, p.message])).toEqual([
      ["invalid-type", "$schema", '"$schema" must be text, not a number'],
    ]);
  });

  test("$schema is known at the top only: inside a node it is still an unknown key", () => {
    const data = JSON.parse(example());
    data.nodes[0].$schema = "x";
    const result = validateCriteria(data);
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.path])).toEqual([
      ["unknown-key", "nodes[0].$schema"],
    ]);
  });
});
