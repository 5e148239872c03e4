import { existsSync } from "fs";
import * as path from "path";

/** The project's root, whether this runs from test/ under ts-jest or compiled into build-tools/. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "package.json")) || path.basename(dir) === "build-tools") dir = path.dirname(dir);
  return dir;
}
