import { NextResponse } from "next/server";
import { config } from "@/lib/config";
import { receiveWebhook } from "@/lib/orders";
import { getDb } from "@/lib/runtime";
import { SIGNATURE_HEADER } from "@/lib/wooshpay";

export const dynamic = "force-dynamic";

/**
 * WooshPay's webhooks: verified over the raw body, stored once by event id, applied through the order
 * ledger, acknowledged with 200 so WooshPay stops retrying. A forged or stale request gets 400.
 */
export async function POST(request: Request) {
  const payload = await request.text();
  const reply = await receiveWebhook({ db: await getDb(), secret: config().webhookSecret }, payload, request.headers.get(SIGNATURE_HEADER));
  return NextResponse.json(reply.body, { status: reply.status });
}
