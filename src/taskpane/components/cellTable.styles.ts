import { makeStyles, tokens } from "@fluentui/react-components";

export const useCellTableStyles = makeStyles({
  scroller: { maxHeight: "16rem", overflow: "auto" },
  /** Addresses and formulas. */
  mono: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  text: { overflowWrap: "anywhere" },
});
