import { makeStyles, tokens } from "@fluentui/react-components";

export const useUnitsTableStyles = makeStyles({
  scroller: {
    overflowX: "auto",
    // A 300-unit table is thousands of elements: skipped by layout and paint while out of view (it stays in the
    // accessibility tree and in find-in-page).
    contentVisibility: "auto",
    containIntrinsicSize: "auto 600px",
    // The region scrolls sideways in a very narrow pane: focusable so keyboard users can scroll it too.
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { minWidth: "280px", tableLayout: "auto" },
  cell: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  head: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    verticalAlign: "bottom",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  numHead: { textAlign: "right", "& > div": { justifyContent: "flex-end" } },
  nameCell: { paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS },
  name: { overflowWrap: "anywhere", display: "block", textAlign: "left" },
  sheet: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere", display: "block" },
  band: { whiteSpace: "nowrap" },
});
