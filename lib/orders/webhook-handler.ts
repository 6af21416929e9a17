import type { Db } from "@/lib/db";
import { WooshPaySignatureVerificationError, constructEvent } from "@/lib/wooshpay/webhooks";
import { recordAndApplyEvent } from "./webhook-events";

export interface WebhookReply {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Everything the webhook route does, framework-free: verify the signature over the raw body (400 and
 * no change when it fails, including when no secret is configured), store the event once, apply it.
 */
export async function receiveWebhook(
  deps: { db: Db; secret: string; nowSeconds?: number },
  payload: string,
  signatureHeader: string | null,
): Promise<WebhookReply> {
  let event;
  try {
    event = constructEvent(payload, signatureHeader, deps.secret, { nowSeconds: deps.nowSeconds });
  } catch (error) {
    if (!(error instanceof WooshPaySignatureVerificationError)) throw error;
    if (!deps.secret) console.error("[webhook] refused: WOOSHPAY_WEBHOOK_SECRET is not set, so no webhook can be verified.");
    else console.warn(`[webhook] refused: ${error.message}`);
    return { status: 400, body: { error: { code: "signature_invalid", message: error.message } } };
  }
  const outcome = await recordAndApplyEvent(deps.db, event);
  return { status: 200, body: { received: true, id: event.id, outcome } };
}
