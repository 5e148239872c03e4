import { Lang } from "../core/i18n/lang";

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Progress lines, only when stderr is a terminal. */
  progress: (text: string) => void;
}

export interface CommandContext {
  lang: Lang;
  io: CliIO;
  version: string;
}
