import { usePartDeflate, usePartInflate } from "../xlsx/package/partDeflate";
import { nativeDeflate, nativeDeflateAvailable, nativeInflate } from "./nativeDeflate";
import { run } from "./run";
import { tuneV8 } from "./v8Tuning";

tuneV8(process.argv.slice(2));
if (nativeDeflateAvailable) usePartDeflate(nativeDeflate);
usePartInflate(nativeInflate);

process.on("unhandledRejection", (e) => {
  process.stderr.write(`cchc: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
  process.exit(2);
});

run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  progress: (s) => {
    if (process.stderr.isTTY) process.stderr.write(s + "\n");
  },
}).then((code) => {
  process.exitCode = code;
});
