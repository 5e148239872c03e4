import { makeStyles, tokens } from "@fluentui/react-components";

/** Shared by the compare, report and last-year parts of the pane. */
export const useSeasonStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground3 },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  unit: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  figures: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none" },
  change: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    minWidth: 0,
    fontWeight: tokens.fontWeightRegular,
    overflowWrap: "anywhere",
  },
});
