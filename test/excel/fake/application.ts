import type { FakeContext } from "./context";

export class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}

  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(8, () => {
      this.ctx.suspendedSyncs++;
    });
  }

  /**
   * Application.calculate(calculationType), ExcelApi 1.1: "Recalculate all currently opened workbooks in
   * Excel" — the person's other workbooks too, which a "Full" calculation can make slow.
   */
  calculate(calculationType: string): void {
    this.ctx.enqueue(8, () => {
      this.ctx.calculations++;
      this.ctx.book.calculations.push({ scope: "application", type: calculationType });
    });
  }
}
