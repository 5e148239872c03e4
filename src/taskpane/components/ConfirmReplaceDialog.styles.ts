import { makeStyles, tokens } from "@fluentui/react-components";

export const useConfirmReplaceDialogStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  surface: { maxWidth: "min(600px, calc(100vw - 24px))" },
});
