import {
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useCellTableStyles } from "./cellTable.styles";

/** A small table of cells from the workbook, in a scrolling region a keyboard can reach. */
export function CellTable(props: {
  label: string;
  testId: string;
  headers: string[];
  children: ReactNode;
}) {
  const styles = useCellTableStyles();
  return (
    <div className={styles.scroller} tabIndex={0} role="region" aria-label={props.label}>
      <Table size="extra-small" aria-label={props.label} data-testid={props.testId}>
        <TableHeader>
          <TableRow>
            {props.headers.map((h) => (
              <TableHeaderCell key={h}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{props.children}</TableBody>
      </Table>
    </div>
  );
}
