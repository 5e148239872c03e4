import { makeStyles, tokens } from "@fluentui/react-components";

export const useWorkbookSectionStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  name: { overflowWrap: "anywhere" },
  hint: { color: tokens.colorNeutralForeground3 },
});
