import { validationRule } from "../../plan/validationRule";
import {
  VALIDATION_ERROR_MAX_CHARS,
  VALIDATION_LIST_MAX_CHARS,
  VALIDATION_PROMPT_MAX_CHARS,
} from "../limits";
import { ExcelRule, Violation } from "../rule";

/**
 * Plans set a prompt and an error message, no titles (the adapters write none, so the 32-character title cap of
 * MS-XLS 2.5.37 holds trivially).
 */
export const validationText: ExcelRule = {
  meta: {
    id: "validation-text",
    description: `A validation's inline list has at most ${VALIDATION_LIST_MAX_CHARS} characters, its error message at most ${VALIDATION_ERROR_MAX_CHARS}, its prompt at most ${VALIDATION_PROMPT_MAX_CHARS}.`,
    source:
      'MS-XLS 2.5.37 DValStrings (error ≤ 225, prompt ≤ 255, titles ≤ 32 characters); Microsoft Support "Apply data validation to cells" (a typed list ≤ 255 characters).',
  },
  check(plan) {
    const out: Violation[] = [];
    for (const v of plan.validations) {
      const at = v.ranges.join(",");
      const bad = (message: string) =>
        out.push({ rule: this.meta.id, sheet: v.sheet, at, message });
      const rule = validationRule(v);
      if (rule.kind === "list" && rule.source.startsWith('"')) {
        const items = rule.source.slice(1, -1).replace(/""/g, '"');
        if (items.length > VALIDATION_LIST_MAX_CHARS)
          bad(`inline list of ${items.length} characters`);
      }
      if (v.error !== undefined && v.error.length > VALIDATION_ERROR_MAX_CHARS)
        bad(`error message of ${v.error.length} characters`);
      if (v.prompt !== undefined && v.prompt.length > VALIDATION_PROMPT_MAX_CHARS)
        bad(`prompt of ${v.prompt.length} characters`);
    }
    return out;
  },
};
