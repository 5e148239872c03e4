/**
 * How close two numbers must be to count as equal, by what is compared. One place, so a rule and the scoring
 * never disagree about the same comparison.
 */

/**
 * Two scores computed by this program (a score against its max or threshold, an appraised score against the
 * self-score, an average against its threshold, an index against a band bound): only binary floating-point noise
 * can separate equal values, so the margin is far below any step a criteria set uses (0.01 points).
 */
export const FLOAT_NOISE = 1e-9;

/**
 * A number typed on the sheet against the figure the criteria set gives (a row's max, the points a ratio earns):
 * a typed value may carry a few more digits than the set (1/3 typed as 0.333333), and never differs from the
 * set's figure by less than a real mistake would.
 */
export const TYPED_FIGURE = 1e-6;

/**
 * A subtotal or total on the sheet against the sum of its parts: people round subtotals to two decimals (the
 * points are given in hundredths), so anything within half a hundredth is the same subtotal.
 */
export const ROUNDED_SUBTOTAL = 0.005;
