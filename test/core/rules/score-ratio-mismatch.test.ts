import rule from "../../../src/core/findings/rules/score-ratio-mismatch";
import { cellOf, ruleTester } from "../../support/ruleTester";

ruleTester(rule, {
  valid: [
    { name: "no ratio typed" },
    { name: "a ratio that gives the score", spec: { leaves: { "3.2.1": { self: 4, ratio: 0.985 } } } },
    { name: "a ratio as a percentage text", spec: { leaves: { "3.2.1": { self: 1.5, ratio: "93%" } } } },
    { name: "a ratio that is not a ratio is not compared", spec: { leaves: { "3.2.1": { self: 5, ratio: "đạt" } } } },
    { name: "no self-score to compare", spec: { leaves: { "3.2.1": { self: null, ratio: 0.5 } } } },
  ],
  invalid: [
    { name: "93% gives 1.5, not 5", spec: { leaves: { "3.2.1": { self: 5, ratio: "93%" } } }, findings: [{ cell: cellOf("3.2.1", "self"), criterion: "3.2.1", params: { ratio: 0.93, score: 5, expected: 1.5 } }] },
    { name: "a ratio as a number", spec: { leaves: { "3.5": { self: 2.5, ratio: 0.85 } } }, findings: [{ cell: cellOf("3.5", "self"), criterion: "3.5", params: { ratio: 0.85, score: 2.5, expected: 0.5 } }] },
    { name: "a full ratio under-scored", spec: { leaves: { "2.1": { self: 0, ratio: 1 } } }, findings: [{ cell: cellOf("2.1", "self"), criterion: "2.1", params: { ratio: 1, score: 0, expected: 2 } }] },
    {
      name: "two leaves",
      spec: { leaves: { "1.4": { self: 1.5, ratio: 0.7 }, "7.3": { self: 1, ratio: 0.9 } } },
      findings: [
        { cell: cellOf("1.4", "self"), criterion: "1.4", params: { ratio: 0.7, score: 1.5, expected: 0.75 } },
        { cell: cellOf("7.3", "self"), criterion: "7.3", params: { ratio: 0.9, score: 1, expected: 2 } },
      ],
    },
  ],
});
