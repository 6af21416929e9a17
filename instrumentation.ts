/** Runs once when the server starts: the embedded sandbox's background work (expiry, webhook delivery). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config } = await import("@/lib/config");
  if (!config().sandboxEnabled) return;
  const { getSandbox } = await import("@/lib/runtime");
  const { startSandboxWorker } = await import("@/lib/sandbox/worker");
  startSandboxWorker(getSandbox);
}
