/** Loaded data: readable only after the sync that loaded it, strictly, as Office.js does. */
import { bytesOf } from "./bytes";
import type { FakeContext, Response } from "./context";
import { OfficeError, PropertyNotLoadedError } from "./errors";

function strict<T>(data: T): T {
  if (Array.isArray(data))
    // An array of plain values (a row of cell data) has nothing to guard: kept as it is, not copied.
    return (data.every((v) => v === null || typeof v !== "object") ? data : data.map(strict)) as T;
  if (data === null || typeof data !== "object") return data;
  const inner = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, strict(v)]));
  return new Proxy(inner, {
    get(target, key) {
      if (typeof key === "symbol" || key === "toJSON" || key === "then") return undefined;
      if (!(key in target)) throw new PropertyNotLoadedError(`property "${key}" was not loaded`);
      return (target as Record<string, unknown>)[key];
    },
  }) as T;
}

/** "items/name,items/protection/protected" → paths; picks only those from a full data tree. */
function paths(spec: string | string[]): string[][] {
  return (Array.isArray(spec) ? spec : spec.split(","))
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split("/"));
}

function pick(data: unknown, wanted: string[][]): unknown {
  if (Array.isArray(data)) return data.map((d) => pick(d, wanted));
  if (data === null || typeof data !== "object") return data;
  const out: Record<string, unknown> = {};
  const byHead = new Map<string, string[][]>();
  for (const [head, ...rest] of wanted) byHead.set(head, [...(byHead.get(head) ?? []), rest]);
  for (const [head, rests] of byHead) {
    if (!(head in (data as object)))
      throw new OfficeError("InvalidArgument", `cannot load "${head}"`);
    const value = (data as Record<string, unknown>)[head];
    out[head] = rests.some((r) => r.length === 0) ? value : pick(value, rests);
  }
  return out;
}

export abstract class Loadable {
  protected loaded: Record<string, unknown> = {};
  protected synced = false;
  protected isNull = false;

  constructor(protected readonly ctx: FakeContext) {}

  /** The full data of the object, computed when the load runs. */
  protected abstract data(): Record<string, unknown>;

  load(spec: string | string[] = []): this {
    const wanted = paths(spec);
    this.ctx.enqueue(bytesOf(spec), () => {
      if (this.isNull) return { bytes: 4, commit: () => (this.synced = true) };
      const picked = pick(this.data(), wanted) as Record<string, unknown>;
      return {
        bytes: bytesOf(picked),
        commit: () => {
          this.loaded = { ...this.loaded, ...(strict(picked) as object) };
          this.synced = true;
        },
      };
    });
    return this;
  }

  protected read<T>(key: string): T {
    if (!(key in this.loaded))
      throw new PropertyNotLoadedError(
        `${this.constructor.name}.${key} was read before load() and sync()`
      );
    return (this.loaded as Record<string, unknown>)[key] as T;
  }

  get isNullObject(): boolean {
    if (!this.synced)
      throw new PropertyNotLoadedError(
        `${this.constructor.name}.isNullObject was read before sync()`
      );
    return this.isNull;
  }

  /** Marks the object resolved at run time; OrNullObject results know isNullObject after the sync. */
  protected resolved(): Response {
    return { bytes: 4, commit: () => (this.synced = true) };
  }
}
