import type { FakeContext } from "./context";

export class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(8, () => {
      this.ctx.suspendedSyncs++;
    });
  }
  calculate(): void {
    this.ctx.enqueue(8, () => {
      this.ctx.calculations++;
    });
  }
}
