import { ScoreCell } from "./scoreCell";

/** A leaf's points as scoring needs them: what the unit gave, what appraisers gave, and which counts. */
export interface LeafValues {
  self?: number;
  selfNA: boolean;
  /** The last filled appraisal round's score. */
  appraised?: number;
  appraisedNA: boolean;
  hasAppraisal: boolean;
}

export function finalPoints(v: LeafValues | undefined): number {
  if (!v) return 0;
  if (v.hasAppraisal) return v.appraised ?? 0;
  return v.self ?? 0;
}

export function finalIsNotApplicable(v: LeafValues | undefined): boolean {
  if (!v) return false;
  return v.hasAppraisal ? v.appraisedNA : v.selfNA;
}

/**
 * The last appraisal round holding a score or a not-applicable mark is the one that counts; a round holding
 * text or an error is reported by its own finding and passed over, as the written formulas do.
 */
export function lastFilledRound(rounds: ScoreCell[]): ScoreCell | undefined {
  for (let i = rounds.length - 1; i >= 0; i--)
    if (rounds[i].kind === "number" || rounds[i].kind === "na") return rounds[i];
  return undefined;
}
