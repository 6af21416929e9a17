import { inTransaction, type Db } from "@/lib/db";
import { paymentIntentSchema, type WooshPayEvent } from "@/lib/wooshpay/schemas";
import { applyPaymentIntent, findOrderIdForIntent } from "./ledger";

export type EventOutcome = "applied" | "duplicate" | "ignored";

/**
 * Stores a verified event once, by its id, and applies it in the same transaction as it marks it
 * processed: of two deliveries racing (on two app instances, say), one applies and the other finds it
 * done. If applying fails, nothing is kept, so the redelivery tries again. Unknown types are stored and
 * acknowledged.
 */
export async function recordAndApplyEvent(db: Db, event: WooshPayEvent, now = Date.now()): Promise<EventOutcome> {
  try {
    return await inTransaction(db, async (trx) => {
      await trx
        .insertInto("webhook_events")
        .values({ id: event.id, type: event.type, created: event.created, payload: JSON.stringify(event), received_at: now, processed_at: null, error: null })
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
      const claimed = await trx
        .updateTable("webhook_events")
        .set({ processed_at: now, error: null })
        .where("id", "=", event.id)
        .where("processed_at", "is", null)
        .executeTakeFirst();
      if (claimed.numUpdatedRows === 0n) return "duplicate";

      if (!event.type.startsWith("payment_intent.")) return "ignored";
      const intent = paymentIntentSchema.parse(event.data.object);
      const orderId = await findOrderIdForIntent(trx, intent);
      return orderId && (await applyPaymentIntent(trx, orderId, intent, now)) ? "applied" : "ignored";
    });
  } catch (error) {
    // Kept for whoever looks into it; the event stays unprocessed, so WooshPay's retry runs it again.
    await db
      .insertInto("webhook_events")
      .values({ id: event.id, type: event.type, created: event.created, payload: JSON.stringify(event), received_at: now, processed_at: null, error: String(error) })
      .onConflict((oc) => oc.column("id").doUpdateSet({ error: String(error) }))
      .execute();
    throw error;
  }
}
