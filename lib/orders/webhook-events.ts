import type { Db } from "@/lib/db";
import { paymentIntentSchema, type WooshPayEvent } from "@/lib/wooshpay/schemas";
import { applyPaymentIntent, findOrderIdForIntent } from "./ledger";

export type EventOutcome = "applied" | "duplicate" | "ignored";

/**
 * Stores a verified event once, by its id, then applies it. A redelivery of an event already processed
 * changes nothing; one whose processing failed is processed again. Unknown types are kept and acknowledged.
 */
export async function recordAndApplyEvent(db: Db, event: WooshPayEvent, now = Date.now()): Promise<EventOutcome> {
  await db
    .insertInto("webhook_events")
    .values({ id: event.id, type: event.type, created: event.created, payload: JSON.stringify(event), received_at: now, processed_at: null, error: null })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  const stored = await db.selectFrom("webhook_events").select("processed_at").where("id", "=", event.id).executeTakeFirstOrThrow();
  if (stored.processed_at !== null) return "duplicate";

  let outcome: EventOutcome = "ignored";
  try {
    if (event.type.startsWith("payment_intent.")) {
      const intent = paymentIntentSchema.parse(event.data.object);
      const orderId = await findOrderIdForIntent(db, intent);
      if (orderId && (await applyPaymentIntent(db, orderId, intent, now))) outcome = "applied";
    }
  } catch (error) {
    await db.updateTable("webhook_events").set({ error: String(error) }).where("id", "=", event.id).execute();
    throw error;
  }
  await db.updateTable("webhook_events").set({ processed_at: now, error: null }).where("id", "=", event.id).execute();
  return outcome;
}
