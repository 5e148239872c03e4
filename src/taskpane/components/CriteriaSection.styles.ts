import { makeStyles, tokens } from "@fluentui/react-components";

export const useCriteriaSectionStyles = makeStyles({
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontVariantNumeric: "tabular-nums" },
  source: { color: tokens.colorNeutralForeground2 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  /** The results of "Kiểm tra bộ tiêu chí", on their own line under the buttons. */
  sheetCheck: { flexBasis: "100%" },
});
