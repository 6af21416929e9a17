import { NextResponse } from "next/server";
import { syncOrder } from "@/lib/checkout/payment";
import { getOrder, toStatusView } from "@/lib/orders";
import { getDb, getGateway } from "@/lib/runtime";
import { WooshPayError } from "@/lib/wooshpay";

export const dynamic = "force-dynamic";

/**
 * The order's status for the pay and return pages' polling. While the order is not final it asks the
 * gateway, so the page reaches the truth even when no webhook arrives.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const db = await getDb();
  const order = await getOrder(db, orderId);
  if (!order) {
    return NextResponse.json({ error: { code: "order_not_found", message: `No order ${orderId}.` } }, { status: 404 });
  }
  try {
    const synced = await syncOrder({ db, gateway: getGateway() }, order);
    return NextResponse.json(toStatusView(synced), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!(error instanceof WooshPayError)) throw error;
    // The gateway is unreachable or refused: say what we know and let the page keep polling.
    console.warn(`[status] could not reach WooshPay for ${orderId}: ${error.message}`);
    return NextResponse.json({ ...toStatusView(order), stale: true }, { headers: { "Cache-Control": "no-store" } });
  }
}
