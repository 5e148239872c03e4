import { criteriaToJson } from "../serialize";
import { Draft } from "./draft";

/**
 * The draft as a criteria file: the set's canonical JSON and, last, `toConfirm` — what a person must review.
 * The loader ignores `toConfirm` (docs/contracts/criteria-draft.md), so the draft loads as it is.
 */
export function draftToJson(draft: Draft): string {
  const body = JSON.parse(criteriaToJson(draft.set)) as Record<string, unknown>;
  body.toConfirm = draft.toConfirm.map((t) =>
    t.code !== undefined
      ? { code: t.code, keys: t.keys, reason: t.reason }
      : { keys: t.keys, reason: t.reason }
  );
  return JSON.stringify(body, null, 2) + "\n";
}
