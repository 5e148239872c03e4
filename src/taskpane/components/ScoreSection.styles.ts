import { makeStyles, tokens } from "@fluentui/react-components";

export const useScoreSectionStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});
