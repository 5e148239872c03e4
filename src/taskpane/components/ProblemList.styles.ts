import { makeStyles, tokens } from "@fluentui/react-components";

export const useProblemListStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    maxHeight: "16rem",
    overflowY: "auto",
  },
  item: { marginBottom: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  path: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    marginRight: tokens.spacingHorizontalXS,
  },
});
