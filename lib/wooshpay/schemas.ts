import { z } from "zod";

/**
 * Wire shapes of WooshPay's API objects, after stripe-node's habits: a literal `object`, statuses as
 * named unions, `nullable` (present but empty) kept apart from `optional` (may be absent), amounts as
 * integers in minor units. Objects are loose so that a field WooshPay adds tomorrow passes through.
 */

export const PAYMENT_INTENT_STATUSES = [
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
  "processing",
  "requires_capture",
  "succeeded",
  "canceled",
] as const;
export const paymentIntentStatusSchema = z.enum(PAYMENT_INTENT_STATUSES);
export type PaymentIntentStatus = z.infer<typeof paymentIntentStatusSchema>;

export const terminalTypeSchema = z.enum(["WEB", "APP"]);
export const osTypeSchema = z.enum(["IOS", "ANDROID"]);

export const alipayOptionsSchema = z.looseObject({
  client_ip: z.string().optional(),
  /** WEB: a desktop browser, Alipay shows a QR code. APP: a phone browser, handed over to the Alipay app. */
  terminal_type: terminalTypeSchema.optional(),
  os_type: osTypeSchema.optional(),
});

export const nextActionSchema = z.looseObject({
  type: z.string(),
  /** Where to send the shopper: Alipay's cashier (WEB) or the hand-off to the Alipay app (APP). */
  alipay_handle_redirect: z.looseObject({ url: z.url() }).optional(),
});

export const lastPaymentErrorSchema = z.looseObject({
  type: z.string(),
  code: z.string().nullish(),
  message: z.string().nullish(),
});

export const paymentIntentSchema = z.looseObject({
  id: z.string().startsWith("pi_"),
  object: z.literal("payment_intent"),
  /** Milliseconds since the epoch, as WooshPay sends them. */
  created: z.number().int(),
  /** Integer minor units: 20 with CNY is 0.20 CNY. */
  amount: z.number().int(),
  currency: z.string(),
  status: paymentIntentStatusSchema,
  livemode: z.boolean(),
  client_secret: z.string().nullish(),
  next_action: nextActionSchema.nullish(),
  payment_method: z.string().nullish(),
  payment_method_types: z.array(z.string()),
  payment_method_options: z.looseObject({ alipay: alipayOptionsSchema.optional() }).nullish(),
  confirmation_method: z.string().nullish(),
  capture_method: z.string().nullish(),
  return_url: z.string().nullish(),
  merchant_order_id: z.string().nullish(),
  description: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  /** Why the last attempt failed, e.g. the shopper declined in Alipay; cleared by the next attempt. */
  last_payment_error: lastPaymentErrorSchema.nullish(),
  cancellation_reason: z.string().nullish(),
  canceled_at: z.number().int().nullish(),
});
export type PaymentIntent = z.infer<typeof paymentIntentSchema>;

export function listSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    object: z.literal("list"),
    data: z.array(item),
    has_more: z.boolean(),
    url: z.string().optional(),
  });
}
export interface List<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url?: string;
}

export const ERROR_TYPES = ["api_error", "card_error", "idempotency_error", "invalid_request_error", "authentication_error", "rate_limit_error"] as const;

export const errorEnvelopeSchema = z.object({
  error: z.looseObject({
    type: z.string(),
    code: z.string().nullish(),
    message: z.string().nullish(),
    param: z.string().nullish(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** What `POST /v1/payment_intents` takes, as in WooshPay's Alipay guide. */
export interface PaymentIntentCreateParams {
  amount: number;
  currency: string;
  confirm?: boolean;
  payment_method_types?: string[];
  payment_method_data?: { type: "alipay" };
  payment_method_options?: {
    alipay?: { client_ip?: string; terminal_type?: "WEB" | "APP"; os_type?: "IOS" | "ANDROID" };
  };
  return_url?: string;
  merchant_order_id?: string;
  description?: string;
  metadata?: Record<string, string>;
}

export interface PaymentIntentCancelParams {
  cancellation_reason?: "duplicate" | "fraudulent" | "requested_by_customer" | "abandoned";
}

export interface ListParams {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
}

/** An event, as fetched or as delivered to a webhook endpoint. `data.object` is the object as it was then. */
export const eventSchema = z.looseObject({
  id: z.string().startsWith("evt_"),
  object: z.literal("event"),
  type: z.string(),
  /** Milliseconds since the epoch, like every WooshPay timestamp but the signature's. */
  created: z.number().int(),
  livemode: z.boolean(),
  api_version: z.string().nullish(),
  pending_webhooks: z.number().int().nullish(),
  data: z.looseObject({ object: z.looseObject({ id: z.string(), object: z.string() }) }),
});
export type WooshPayEvent = z.infer<typeof eventSchema>;

export const webhookEndpointSchema = z.looseObject({
  id: z.string().startsWith("we_"),
  object: z.literal("webhook_endpoint"),
  url: z.string(),
  enabled_events: z.array(z.string()),
  status: z.enum(["enabled", "disabled"]),
  description: z.string().nullish(),
  api_version: z.string().nullish(),
  created: z.number().int(),
  livemode: z.boolean(),
  /** Only in the response that created the endpoint. */
  secret: z.string().optional(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export interface WebhookEndpointCreateParams {
  url: string;
  /** Event types, or `["*"]` for all. */
  enabled_events: string[];
  description?: string;
  api_version?: string;
}

export interface WebhookEndpointUpdateParams {
  url?: string;
  enabled_events?: string[];
  description?: string;
  disabled?: boolean;
}

export const deletedSchema = z.looseObject({ id: z.string(), object: z.string(), deleted: z.literal(true) });
