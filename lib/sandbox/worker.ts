import type { SandboxContext } from "./context";
import { expireDueIntents } from "./intents";
import { deliverDueWebhooks } from "./webhooks";

/**
 * The sandbox's clock work: expires unpaid intents (which emits their events) and sends due webhooks.
 * One tick at a time; a failed tick is logged and the next one tries again.
 */
export function startSandboxWorker(getContext: () => Promise<SandboxContext>, intervalMs = 500): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const ctx = await getContext();
      await expireDueIntents(ctx);
      await deliverDueWebhooks(ctx);
    } catch (error) {
      console.error("[sandbox] worker tick failed", error);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
