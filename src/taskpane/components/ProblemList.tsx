import { Link } from "@fluentui/react-components";
import type { CriteriaProblemView } from "../session";
import { useProblemListStyles } from "./ProblemList.styles";

/**
 * Every problem of a refused criteria set, where it is and what is wrong (as React text). With `onPick`, a
 * problem that knows its cell is a link there.
 */
export function ProblemList({
  problems,
  label,
  onPick,
  current,
}: {
  problems: CriteriaProblemView[];
  label: string;
  onPick?: (index: number, problem: CriteriaProblemView) => void;
  /** The problem picked last. */
  current?: number;
}) {
  const styles = useProblemListStyles();
  return (
    <ul className={styles.list} aria-label={label} data-testid="criteria-problems" tabIndex={0}>
      {problems.map((p, i) => (
        <li key={i} className={styles.item}>
          {onPick && p.sheet ? (
            <Link
              as="button"
              onClick={() => onPick(i, p)}
              aria-current={current === i ? "true" : undefined}
              data-testid="criteria-problem"
              data-sheet={p.sheet}
              data-cell={p.cell}
            >
              <span className={styles.path}>{p.path}</span>
              {p.message}
            </Link>
          ) : (
            <>
              {p.path && <span className={styles.path}>{p.path}</span>}
              {p.message}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
