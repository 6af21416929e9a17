import { NextResponse } from "next/server";
import { config } from "@/lib/config";
import { findByCode } from "@/lib/sandbox/intents";
import { getSandbox } from "@/lib/runtime";

export const dynamic = "force-dynamic";

/** Lets the simulated cashier page notice that the phone paid, as Alipay's cashier does. */
export async function GET(request: Request) {
  if (!config().sandboxEnabled) return new Response("Not Found", { status: 404 });
  const code = new URL(request.url).searchParams.get("code") ?? "";
  const view = await findByCode(await getSandbox(), code);
  if (!view) return NextResponse.json({ error: "unknown code" }, { status: 404 });
  return NextResponse.json({ status: view.intent.status, returnUrl: view.intent.return_url }, { headers: { "Cache-Control": "no-store" } });
}
