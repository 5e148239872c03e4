import { TableCell, TableRow } from "@fluentui/react-components";
import { t } from "../i18n";
import type { ConflictView } from "../session";
import { CellTable } from "./CellTable";
import { useCellTableStyles } from "./cellTable.styles";

/** Typed values that become formulas: sheet, cell, the typed value, the formula. All rendered as text. */
export function ConflictsTable({ conflicts, label }: { conflicts: ConflictView[]; label: string }) {
  const styles = useCellTableStyles();
  const headers = [
    t("score.colSheet"),
    t("score.colCell"),
    t("score.colTyped"),
    t("score.colFormula"),
  ];
  return (
    <CellTable label={label} testId="conflicts-table" headers={headers}>
      {conflicts.map((c, i) => (
        <TableRow key={i}>
          <TableCell className={styles.text}>{c.sheet}</TableCell>
          <TableCell className={styles.mono}>{c.cell}</TableCell>
          <TableCell className={styles.text}>{c.value}</TableCell>
          <TableCell className={styles.mono}>{`=${c.formula}`}</TableCell>
        </TableRow>
      ))}
    </CellTable>
  );
}
