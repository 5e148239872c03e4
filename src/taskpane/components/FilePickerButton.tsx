import { Button, type ButtonProps } from "@fluentui/react-components";
import { useRef, type ChangeEvent } from "react";
import { useFilePickerButtonStyles } from "./FilePickerButton.styles";

export interface FilePickerButtonProps {
  label: string;
  /** For the <input accept>: ".xlsx", ".json". */
  accept: string;
  onPick: (file: File) => void;
  disabled?: boolean;
  appearance?: ButtonProps["appearance"];
  /** Names the hidden input for tests (data-testid). */
  testId: string;
}

/**
 * A labelled Fluent button that opens the browser's file dialog through a hidden <input type=file>. The button
 * is what people (and screen readers) use; the input is out of the tab order and the accessibility tree.
 */
export function FilePickerButton({
  label,
  accept,
  onPick,
  disabled,
  appearance,
  testId,
}: FilePickerButtonProps) {
  const styles = useFilePickerButtonStyles();
  const input = useRef<HTMLInputElement>(null);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that picking the same file again (after fixing it in Excel) fires change again.
    event.target.value = "";
    if (file) onPick(file);
  };
  return (
    <>
      <Button appearance={appearance} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        className={styles.hidden}
        tabIndex={-1}
        aria-hidden="true"
        data-testid={testId}
        // Disabled with its button: a file given before the pane is ready would otherwise be dropped unseen.
        disabled={disabled}
        onChange={onChange}
      />
    </>
  );
}
