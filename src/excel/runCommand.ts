/**
 * What the ribbon's ExecuteFunction buttons do (src/commands/commands.ts calls this).
 * Scaffolding: not implemented yet.
 */
export type CommandName = "check" | "score" | "summary";

export async function runCommand(name: CommandName): Promise<void> {
  throw new Error(`not implemented yet: ${name}`);
}
