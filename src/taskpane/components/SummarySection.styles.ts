import { makeStyles, tokens } from "@fluentui/react-components";

export const useSummarySectionStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground3 },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});
