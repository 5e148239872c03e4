import { useCallback, useState } from "react";
import type { PickedFileState } from "../components/LastYearPicker";
import type { PickedFile } from "../session";

/** An optional file the person picks for an action (last year's results): read once, kept until removed. */
export function usePickedFile(): PickedFileState {
  const [file, setFile] = useState<PickedFile>();
  const pick = useCallback(async (picked: File) => {
    setFile({ name: picked.name, bytes: new Uint8Array(await picked.arrayBuffer()) });
  }, []);
  const clear = useCallback(() => setFile(undefined), []);
  return { file, pick, clear };
}
