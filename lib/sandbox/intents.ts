import { z } from "zod";
import type { PaymentIntent } from "@/lib/wooshpay/schemas";
import type { SandboxContext } from "./context";
import { SandboxApiError, invalidParam, resourceMissing } from "./errors";
import { newId, randomToken } from "./ids";
import { parseOrThrow } from "./params";
import { emitEvent } from "./webhooks";

export const SANDBOX_CURRENCIES = ["CNY", "GBP", "USD", "EUR", "HKD"] as const;

/** Statuses an unpaid intent can still leave by being paid, declined, canceled or expired. */
const OPEN_STATUSES = ["requires_payment_method", "requires_confirmation", "requires_action"] as const;
const CANCELABLE = new Set<string>([...OPEN_STATUSES, "requires_capture"]);

const createSchema = z.object({
  amount: z
    .number({ error: "Missing or invalid amount: an integer in the currency's smallest unit is required." })
    .int({ error: "amount must be an integer in the currency's smallest unit (20 = 0.20 CNY)." })
    .min(1, { error: "Amount must be at least 1 in the currency's smallest unit (0.01 CNY)." })
    .max(99_999_999_999, { error: "Amount must be at most 99999999999." }),
  currency: z
    .string({ error: "Missing required param: currency." })
    .transform((c) => c.toUpperCase())
    .pipe(z.enum(SANDBOX_CURRENCIES, { error: `Alipay through WooshPay processes ${SANDBOX_CURRENCIES.join(", ")} only.` })),
  confirm: z.boolean({ error: "confirm must be a boolean." }).default(false),
  payment_method_types: z
    .array(z.literal("alipay", { error: "The sandbox supports the payment method type 'alipay' only." }))
    .min(1)
    .default(["alipay"]),
  payment_method_data: z.object({ type: z.literal("alipay", { error: "payment_method_data[type] must be 'alipay'." }) }).optional(),
  payment_method_options: z
    .object({
      alipay: z
        .object({
          client_ip: z.string().max(64).optional(),
          terminal_type: z.enum(["WEB", "APP"], { error: "terminal_type must be WEB (desktop, QR code) or APP (phone, hand-off to the Alipay app)." }).optional(),
          os_type: z.enum(["IOS", "ANDROID"], { error: "os_type must be IOS or ANDROID." }).optional(),
        })
        .optional(),
    })
    .optional(),
  return_url: z.url({ error: "return_url must be an absolute URL." }).optional(),
  merchant_order_id: z.string().max(128).optional(),
  description: z.string().max(1000).optional(),
  metadata: z.record(z.string(), z.string().max(500)).optional(),
});

interface StoredIntent {
  intent: PaymentIntent;
  code: string;
  apiKey: string;
}

function redirectUrl(ctx: SandboxContext, terminalType: "WEB" | "APP", code: string): string {
  if (terminalType === "WEB") return `${ctx.publicBaseUrl}/alipay/cashier?codeValue=${code}`;
  // Like render.alipay.com: a page that opens the Alipay app through its URL scheme.
  const scheme = `alipays://platformapi/startApp?appId=10000007&actionType=route&qrcode=${code}`;
  return `${ctx.publicBaseUrl}/alipay/render?scheme=${encodeURIComponent(scheme)}`;
}

function withNextAction(ctx: SandboxContext, intent: PaymentIntent, code: string): PaymentIntent {
  const terminalType = intent.payment_method_options?.alipay?.terminal_type ?? "WEB";
  return {
    ...intent,
    status: "requires_action",
    next_action: { type: "redirect_to_url", alipay_handle_redirect: { url: redirectUrl(ctx, terminalType, code) } },
    last_payment_error: null,
  };
}

export async function createPaymentIntent(ctx: SandboxContext, apiKey: string, body: unknown): Promise<PaymentIntent> {
  const params = parseOrThrow(createSchema, body);
  const alipay = params.payment_method_options?.alipay ?? {};
  if (params.confirm && !params.return_url) {
    throw invalidParam("return_url", "Missing required param: return_url. Alipay sends the shopper back to it after paying.", "parameter_missing");
  }
  const now = ctx.now();
  const id = newId("pi", now);
  const code = `2816${randomToken(34)}`;
  let intent: PaymentIntent = {
    id,
    object: "payment_intent",
    created: now,
    currency: params.currency,
    amount: params.amount,
    status: params.confirm ? "requires_action" : "requires_confirmation",
    livemode: apiKey.startsWith("sk_live_"),
    client_secret: `${id}_secret_${randomToken(24)}`,
    next_action: null,
    payment_method_types: params.payment_method_types,
    confirmation_method: "automatic",
    payment_method_options: { alipay: { terminal_type: alipay.terminal_type ?? "WEB", os_type: alipay.os_type, client_ip: alipay.client_ip } },
    return_url: params.return_url ?? null,
    payment_method: newId("pm", now),
    capture_method: "automatic",
    merchant_order_id: params.merchant_order_id ?? null,
    description: params.description ?? null,
    metadata: params.metadata ?? {},
    last_payment_error: null,
    cancellation_reason: null,
    canceled_at: null,
  };
  if (params.confirm) intent = withNextAction(ctx, intent, code);

  await ctx.db
    .insertInto("sandbox_payment_intents")
    .values({ id, api_key: apiKey, code, status: intent.status, created: now, expires_at: now + ctx.timeoutSeconds * 1000, body: JSON.stringify(intent) })
    .execute();
  await emitEvent(ctx, apiKey, "payment_intent.created", intent);
  if (intent.status === "requires_action") await emitEvent(ctx, apiKey, "payment_intent.requires_action", intent);
  return intent;
}

async function load(ctx: SandboxContext, where: { id: string; apiKey: string } | { code: string }): Promise<StoredIntent | undefined> {
  let query = ctx.db.selectFrom("sandbox_payment_intents").select(["body", "code", "api_key"]);
  query = "code" in where ? query.where("code", "=", where.code) : query.where("id", "=", where.id).where("api_key", "=", where.apiKey);
  const row = await query.executeTakeFirst();
  return row && { intent: JSON.parse(row.body) as PaymentIntent, code: row.code, apiKey: row.api_key };
}

function eventTypeFor(intent: PaymentIntent): string | undefined {
  if (intent.status === "succeeded") return "payment_intent.succeeded";
  if (intent.status === "canceled") return "payment_intent.canceled";
  if (intent.status === "requires_action") return "payment_intent.requires_action";
  if (intent.status === "requires_payment_method" && intent.last_payment_error) return "payment_intent.payment_failed";
  return undefined;
}

/**
 * Writes a new state only if the stored one is still `from`, so two racing changes cannot both win;
 * the winner emits the event that announces it.
 */
async function transition(ctx: SandboxContext, from: PaymentIntent, to: PaymentIntent): Promise<boolean> {
  const result = await ctx.db
    .updateTable("sandbox_payment_intents")
    .set({ status: to.status, body: JSON.stringify(to) })
    .where("id", "=", from.id)
    .where("status", "=", from.status)
    .where("body", "=", JSON.stringify(from))
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  const type = eventTypeFor(to);
  if (type) {
    const { api_key } = await ctx.db.selectFrom("sandbox_payment_intents").select("api_key").where("id", "=", to.id).executeTakeFirstOrThrow();
    await emitEvent(ctx, api_key, type, to);
  }
  return true;
}

/** Alipay closes an unpaid payment after its timeout; the sandbox does it lazily, before anything reads state. */
export async function expireDueIntents(ctx: SandboxContext): Promise<number> {
  const now = ctx.now();
  const due = await ctx.db
    .selectFrom("sandbox_payment_intents")
    .select("body")
    .where("status", "in", OPEN_STATUSES)
    .where("expires_at", "<=", now)
    .execute();
  let expired = 0;
  for (const row of due) {
    const intent = JSON.parse(row.body) as PaymentIntent;
    const canceled: PaymentIntent = { ...intent, status: "canceled", next_action: null, cancellation_reason: "expired", canceled_at: now };
    if (await transition(ctx, intent, canceled)) expired++;
  }
  return expired;
}

export async function retrievePaymentIntent(ctx: SandboxContext, apiKey: string, id: string): Promise<PaymentIntent> {
  const stored = await load(ctx, { id, apiKey });
  if (!stored) throw resourceMissing("payment_intent", id);
  return stored.intent;
}

export async function listPaymentIntents(
  ctx: SandboxContext,
  apiKey: string,
  query: URLSearchParams,
): Promise<{ object: "list"; data: PaymentIntent[]; has_more: boolean; url: string }> {
  const limitParam = query.get("limit");
  const limit = limitParam === null ? 10 : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalidParam("limit", "limit must be an integer from 1 to 100.");
  let q = ctx.db.selectFrom("sandbox_payment_intents").select("body").where("api_key", "=", apiKey);
  const startingAfter = query.get("starting_after");
  if (startingAfter) {
    const anchor = await ctx.db.selectFrom("sandbox_payment_intents").select(["created", "id"]).where("id", "=", startingAfter).executeTakeFirst();
    if (!anchor) throw invalidParam("starting_after", `No such payment_intent: '${startingAfter}'`, "resource_missing");
    q = q.where((eb) => eb.or([eb("created", "<", anchor.created), eb.and([eb("created", "=", anchor.created), eb("id", "<", anchor.id)])]));
  }
  const rows = await q.orderBy("created", "desc").orderBy("id", "desc").limit(limit + 1).execute();
  return {
    object: "list",
    data: rows.slice(0, limit).map((r) => JSON.parse(r.body) as PaymentIntent),
    has_more: rows.length > limit,
    url: "/v1/payment_intents",
  };
}

const cancelSchema = z.object({
  cancellation_reason: z
    .enum(["duplicate", "fraudulent", "requested_by_customer", "abandoned"], {
      error: "cancellation_reason must be one of duplicate, fraudulent, requested_by_customer, abandoned.",
    })
    .optional(),
});

export async function cancelPaymentIntent(ctx: SandboxContext, apiKey: string, id: string, body: unknown): Promise<PaymentIntent> {
  const params = parseOrThrow(cancelSchema, body ?? {});
  const stored = await load(ctx, { id, apiKey });
  if (!stored) throw resourceMissing("payment_intent", id);
  const { intent } = stored;
  if (!CANCELABLE.has(intent.status)) {
    throw new SandboxApiError(
      400,
      "invalid_request_error",
      "payment_intent_unexpected_state",
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}.`,
    );
  }
  const canceled: PaymentIntent = {
    ...intent,
    status: "canceled",
    next_action: null,
    cancellation_reason: params.cancellation_reason ?? "requested_by_customer",
    canceled_at: ctx.now(),
  };
  if (!(await transition(ctx, intent, canceled))) return cancelPaymentIntent(ctx, apiKey, id, body);
  return canceled;
}

export async function confirmPaymentIntent(ctx: SandboxContext, apiKey: string, id: string, body: unknown): Promise<PaymentIntent> {
  const params = parseOrThrow(z.object({ return_url: z.url({ error: "return_url must be an absolute URL." }).optional() }), body ?? {});
  const stored = await load(ctx, { id, apiKey });
  if (!stored) throw resourceMissing("payment_intent", id);
  const { intent, code } = stored;
  if (!["requires_confirmation", "requires_payment_method"].includes(intent.status)) {
    throw new SandboxApiError(
      400,
      "invalid_request_error",
      "payment_intent_unexpected_state",
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}.`,
    );
  }
  const returnUrl = params.return_url ?? intent.return_url;
  if (!returnUrl) throw invalidParam("return_url", "Missing required param: return_url.", "parameter_missing");
  const confirmed = withNextAction(ctx, { ...intent, return_url: returnUrl }, code);
  if (!(await transition(ctx, intent, confirmed))) return confirmPaymentIntent(ctx, apiKey, id, body);
  return confirmed;
}

// What the shopper does in the (simulated) Alipay app.

export type WalletView = {
  intent: PaymentIntent;
  /** Only an intent waiting for the shopper can be paid or declined. */
  payable: boolean;
};

export async function findByCode(ctx: SandboxContext, code: string): Promise<WalletView | undefined> {
  await expireDueIntents(ctx);
  const stored = await load(ctx, { code });
  return stored && { intent: stored.intent, payable: stored.intent.status === "requires_action" };
}

export type WalletDecision = "pay" | "decline";

/** The shopper pays or declines in Alipay. Returns the new state, or the unchanged one when it was no longer payable. */
export async function decide(ctx: SandboxContext, code: string, decision: WalletDecision): Promise<PaymentIntent | undefined> {
  const view = await findByCode(ctx, code);
  if (!view) return undefined;
  if (!view.payable) return view.intent;
  const { intent } = view;
  const next: PaymentIntent =
    decision === "pay"
      ? { ...intent, status: "succeeded", next_action: null }
      : {
          ...intent,
          status: "requires_payment_method",
          next_action: null,
          last_payment_error: {
            type: "card_error",
            code: "payment_method_provider_decline",
            message: "The shopper declined the payment in Alipay.",
          },
        };
  if (!(await transition(ctx, intent, next))) return decide(ctx, code, decision);
  return next;
}
