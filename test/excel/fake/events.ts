import type { FakeContext } from "./context";
import { FakeEventName, FakeHandler } from "./model";

/** OfficeExtension.EventHandlers: add() registers at the next sync; the result's remove() unregisters at one. */
export class FakeEventHandlers {
  constructor(
    private readonly ctx: FakeContext,
    private readonly event: FakeEventName
  ) {}

  add(handler: FakeHandler): { context: FakeContext; remove(): void } {
    const handlers = this.ctx.book.handlers[this.event];
    this.ctx.enqueue(64, () => {
      handlers.add(handler);
    });
    return {
      context: this.ctx,
      remove: () =>
        this.ctx.enqueue(64, () => {
          handlers.delete(handler);
        }),
    };
  }
}
