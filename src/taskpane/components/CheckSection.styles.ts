import { makeStyles, tokens } from "@fluentui/react-components";

export const useCheckSectionStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  subheading: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  statusBox: { position: "sticky", bottom: tokens.spacingVerticalS, zIndex: 1 },
  status: {
    boxShadow: tokens.shadow8,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  statusRow: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalS },
  statusText: { flexGrow: 1, minWidth: 0, paddingTop: "2px" },
  statusinfo: { backgroundColor: tokens.colorNeutralBackground4 },
  statussuccess: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  statuserror: { backgroundColor: tokens.colorPaletteRedBackground1 },
});
