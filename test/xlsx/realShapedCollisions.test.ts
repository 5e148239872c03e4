import { COLLISIONS } from "../support/realShaped/corpus";
import { collisionProblems } from "../support/realShaped/corpusRun";
import { corpusTests } from "../support/realShaped/corpusTests";

/**
 * Issue 10 item 3 through item 7's corpus: a person's own sheet called "Tổng hợp" (in any case or Unicode form)
 * or "CCHC_HOAN_TAC" is theirs. It comes out of score and revert byte-identical, and the tool's own summary and
 * undo sheets take other names (found as the sheets the output has and the input had not).
 */
describe("a person's sheet named like the tool's", () => {
  const runs = corpusTests(COLLISIONS, "collisions");
  describe.each(COLLISIONS)("$file", (entry) => {
    it(`"${entry.sheet}" stays the person's, and the tool's sheets take other names`, async () => {
      expect(await collisionProblems(runs().get(entry.file)!, entry.sheet)).toEqual([]);
    });
  });
});
