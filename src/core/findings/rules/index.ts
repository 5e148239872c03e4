import headerNotFound from "./header-not-found";
import missingCriterion from "./missing-criterion";
import unknownCriterion from "./unknown-criterion";
import duplicateCriterion from "./duplicate-criterion";
import ambiguousCode from "./ambiguous-code";
import maxMismatch from "./max-mismatch";
import scoreMissing from "./score-missing";
import scoreNotNumeric from "./score-not-numeric";
import numberAsText from "./number-as-text";
import scoreOutOfRange from "./score-out-of-range";
import scoreNotAllowed from "./score-not-allowed";
import scoreRatioMismatch from "./score-ratio-mismatch";
import notApplicableNotAllowed from "./not-applicable-not-allowed";
import formulaError from "./formula-error";
import subtotalMismatch from "./subtotal-mismatch";
import missingEvidence from "./missing-evidence";
import belowThreshold from "./below-threshold";
import surveySelfScored from "./survey-self-scored";
import appraisalWithoutNote from "./appraisal-without-note";
import appraisalMissing from "./appraisal-missing";
import weakCriterion from "./weak-criterion";
import notCalculated from "./not-calculated";
import noScoringSheet from "./no-scoring-sheet";
import mergedScoreCells from "./merged-score-cells";
import unitGroupUnknown from "./unit-group-unknown";
import notAssessedScored from "./not-assessed-scored";
import { Rule } from "../createRule";
import { RuleId } from "../ruleIds";

/**
 * Every finding rule, one module each. A rule id of ruleIds.ts without its module here, an id mapped to another
 * rule's module, or a module under an id that is not in the list, fails the build; severities (findings/finding.ts)
 * and messages (findings/messages.ts) are read from here, and test/core/rules/registry.test.ts holds this registry
 * against the rule table of docs/contracts/report.md.
 */
export const RULES = {
  "header-not-found": headerNotFound,
  "missing-criterion": missingCriterion,
  "unknown-criterion": unknownCriterion,
  "duplicate-criterion": duplicateCriterion,
  "ambiguous-code": ambiguousCode,
  "max-mismatch": maxMismatch,
  "score-missing": scoreMissing,
  "score-not-numeric": scoreNotNumeric,
  "number-as-text": numberAsText,
  "score-out-of-range": scoreOutOfRange,
  "score-not-allowed": scoreNotAllowed,
  "score-ratio-mismatch": scoreRatioMismatch,
  "not-applicable-not-allowed": notApplicableNotAllowed,
  "formula-error": formulaError,
  "subtotal-mismatch": subtotalMismatch,
  "missing-evidence": missingEvidence,
  "below-threshold": belowThreshold,
  "survey-self-scored": surveySelfScored,
  "appraisal-without-note": appraisalWithoutNote,
  "appraisal-missing": appraisalMissing,
  "weak-criterion": weakCriterion,
  "not-calculated": notCalculated,
  "no-scoring-sheet": noScoringSheet,
  "merged-score-cells": mergedScoreCells,
  "unit-group-unknown": unitGroupUnknown,
  "not-assessed-scored": notAssessedScored,
} as const satisfies { [K in RuleId]: Rule<K> };

/** The rules that judge one unit sheet's facts, in the registry's order. */
export const UNIT_RULES: Rule[] = Object.values(RULES).filter((r: Rule) => r.check !== undefined);
