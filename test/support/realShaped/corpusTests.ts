import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { CorpusEntry } from "./corpus";
import { EntryRun, figureProblems, revertProblems, runCorpus, scoreProblems } from "./corpusRun";

/**
 * The three tests every corpus entry gets, each failing with the list of what went wrong. The files are made in
 * a temporary folder, removed afterwards unless CCHC_CORPUS_DIR names a folder to keep them in.
 */
export function corpusTests(entries: CorpusEntry[], label: string): () => Map<string, EntryRun> {
  let runs = new Map<string, EntryRun>();
  let dir = "";
  beforeAll(async () => {
    const keep = process.env.CCHC_CORPUS_DIR;
    dir = keep ? path.join(keep, label) : await fs.mkdtemp(path.join(os.tmpdir(), `cchc-corpus-${label}-`));
    await fs.mkdir(dir, { recursive: true });
    runs = await runCorpus(entries, dir);
  }, 30 * 60_000);
  afterAll(async () => {
    if (!process.env.CCHC_CORPUS_DIR && dir) await fs.rm(dir, { recursive: true, force: true });
  });

  describe.each(entries)("$file: $holds", (entry) => {
    const run = () => runs.get(entry.file)!;
    it("score: every part, sheet and element it does not own stays as it was", async () => {
      expect(await scoreProblems(run())).toEqual([]);
    });
    it("score: the units' figures are unchanged (cchc check; LibreOffice's recalculation)", async () => {
      expect(await figureProblems(run())).toEqual([]);
    });
    it("revert: gives back the original's parts, cells and figures", async () => {
      expect(await revertProblems(run())).toEqual([]);
    });
  });
  return () => runs;
}
