import { makeStyles, tokens } from "@fluentui/react-components";
import type { CriteriaProblemView } from "../session";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    maxHeight: "16rem",
    overflowY: "auto",
  },
  item: { marginBottom: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  path: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    marginRight: tokens.spacingHorizontalXS,
  },
});

/** Every problem of a refused criteria set, where it is and what is wrong (as React text). */
export function ProblemList({
  problems,
  label,
}: {
  problems: CriteriaProblemView[];
  label: string;
}) {
  const styles = useStyles();
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
