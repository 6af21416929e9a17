"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { decide, findByCode } from "@/lib/sandbox/intents";
import { getSandbox } from "@/lib/runtime";

const input = z.object({ code: z.string().min(1).max(64), choice: z.enum(["pay", "decline", "close"]) });

/**
 * The shopper's choice in the simulated Alipay app. Close changes nothing. On a phone (APP) Pay and
 * Close lead straight back to the shop's return_url; otherwise the wallet shows the outcome.
 */
export async function walletChoice(formData: FormData): Promise<void> {
  const parsed = input.safeParse({ code: formData.get("code"), choice: formData.get("choice") });
  if (!parsed.success) redirect("/sandbox/alipay/wallet");
  const { code, choice } = parsed.data;
  const sandbox = await getSandbox();
  const intent = choice === "close" ? (await findByCode(sandbox, code))?.intent : await decide(sandbox, code, choice);
  const walletUrl = `/sandbox/alipay/wallet?code=${encodeURIComponent(code)}`;
  const handOff = intent?.payment_method_options?.alipay?.terminal_type === "APP" && intent.return_url;
  if (handOff && (choice === "close" || intent.status === "succeeded")) redirect(intent.return_url!);
  redirect(choice === "close" ? `${walletUrl}&closed=1` : walletUrl);
}
