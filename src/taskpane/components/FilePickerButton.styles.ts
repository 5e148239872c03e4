import { makeStyles } from "@fluentui/react-components";

export const useFilePickerButtonStyles = makeStyles({
  hidden: { display: "none" },
});
