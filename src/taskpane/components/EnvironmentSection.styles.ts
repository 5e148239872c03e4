import { makeStyles, tokens } from "@fluentui/react-components";

export const useEnvironmentSectionStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground3 },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  report: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});
