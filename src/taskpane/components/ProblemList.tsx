import type { CriteriaProblemView } from "../session";
import { useProblemListStyles } from "./ProblemList.styles";

/** Every problem of a refused criteria set, where it is and what is wrong (as React text). */
export function ProblemList({
  problems,
  label,
}: {
  problems: CriteriaProblemView[];
  label: string;
}) {
  const styles = useProblemListStyles();
  return (
    <ul className={styles.list} aria-label={label} data-testid="criteria-problems" tabIndex={0}>
      {problems.map((p, i) => (
        <li key={i} className={styles.item}>
          {p.path && <span className={styles.path}>{p.path}</span>}
          {p.message}
        </li>
      ))}
    </ul>
  );
}
