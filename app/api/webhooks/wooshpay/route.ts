import { NextResponse } from "next/server";
import { config } from "@/lib/config";
import { recordAndApplyEvent } from "@/lib/orders";
import { getDb } from "@/lib/runtime";
import { SIGNATURE_HEADER, WooshPaySignatureVerificationError, constructEvent } from "@/lib/wooshpay";

export const dynamic = "force-dynamic";

/**
 * WooshPay's webhooks. The signature is checked over the raw body before anything is parsed; a forged
 * or stale request gets 400 and changes nothing. A verified event is stored once by id and applied
 * through the order ledger, then acknowledged with 200 so WooshPay stops retrying.
 */
export async function POST(request: Request) {
  const payload = await request.text();
  const { webhookSecret } = config();
  let event;
  try {
    event = constructEvent(payload, request.headers.get(SIGNATURE_HEADER), webhookSecret);
  } catch (error) {
    if (!(error instanceof WooshPaySignatureVerificationError)) throw error;
    if (!webhookSecret) console.error("[webhook] refused: WOOSHPAY_WEBHOOK_SECRET is not set, so no webhook can be verified.");
    else console.warn(`[webhook] refused: ${error.message}`);
    return NextResponse.json({ error: { code: "signature_invalid", message: error.message } }, { status: 400 });
  }
  const outcome = await recordAndApplyEvent(await getDb(), event);
  return NextResponse.json({ received: true, id: event.id, outcome });
}
