/** Row shapes (snake_case) as stored; `lib/orders` maps them to domain objects. Times are epoch milliseconds. */
export interface Database {
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  sandbox_payment_intents: SandboxPaymentIntentsTable;
  sandbox_idempotency_keys: SandboxIdempotencyKeysTable;
  payment_attempts: PaymentAttemptsTable;
  fulfilments: FulfilmentsTable;
  webhook_events: WebhookEventsTable;
  sandbox_webhook_endpoints: SandboxWebhookEndpointsTable;
  sandbox_events: SandboxEventsTable;
  sandbox_webhook_deliveries: SandboxWebhookDeliveriesTable;
  sandbox_webhook_attempts: SandboxWebhookAttemptsTable;
  sandbox_seeds: SandboxSeedsTable;
}

export interface OrdersTable {
  id: string;
  /** Unique per checkout form rendering, so a double-submitted Pay button makes one order. */
  checkout_token: string;
  status: string;
  currency: string;
  amount: number;
  attempt: number;
  payment_intent_id: string | null;
  redirect_url: string | null;
  terminal_type: string | null;
  os_type: string | null;
  client_ip: string | null;
  payment_expires_at: number | null;
  last_error: string | null;
  paid_at: number | null;
  /** The intent whose payment the order was fulfilled with; any other successful intent is a duplicate charge. */
  paid_payment_intent_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface OrderLinesTable {
  order_id: string;
  position: number;
  product_id: string;
  name: string;
  unit_amount: number;
  quantity: number;
}

export interface SandboxPaymentIntentsTable {
  id: string;
  api_key: string;
  /** The code in the simulated Alipay URLs, like Alipay's `codeValue`. */
  code: string;
  status: string;
  created: number;
  expires_at: number;
  /** The whole API object as JSON, the one source of what the API answers. */
  body: string;
}

export interface SandboxIdempotencyKeysTable {
  api_key: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  /** Null while the first request is still being handled. */
  status_code: number | null;
  response_body: string | null;
  created: number;
}

export interface PaymentAttemptsTable {
  payment_intent_id: string;
  order_id: string;
  attempt: number;
  status: string;
  duplicate_charge: number;
  created_at: number;
  updated_at: number;
}

export interface FulfilmentsTable {
  order_id: string;
  payment_intent_id: string;
  /** The confirmation the shopper is sent, written once with the transition to paid. */
  confirmation: string;
  created_at: number;
}

export interface WebhookEventsTable {
  id: string;
  type: string;
  created: number;
  payload: string;
  received_at: number;
  processed_at: number | null;
  error: string | null;
}

export interface SandboxWebhookEndpointsTable {
  id: string;
  api_key: string;
  url: string;
  secret: string;
  status: string;
  created: number;
  body: string;
}

export interface SandboxEventsTable {
  id: string;
  api_key: string;
  type: string;
  created: number;
  body: string;
}

export interface SandboxWebhookDeliveriesTable {
  id: string;
  event_id: string;
  endpoint_id: string;
  /** pending, succeeded, or failed once every try is spent. */
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  /** A worker's claim, so two processes never send the same try. */
  locked_until: number | null;
  created: number;
}

export interface SandboxWebhookAttemptsTable {
  delivery_id: string;
  number: number;
  attempted_at: number;
  /** Null when no HTTP answer came (refused, timed out). */
  status_code: number | null;
  duration_ms: number;
  error: string | null;
}

export interface SandboxSeedsTable {
  key: string;
  created: number;
}
