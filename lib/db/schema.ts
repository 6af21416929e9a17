/** Row shapes (snake_case) as stored; `lib/orders` maps them to domain objects. Times are epoch milliseconds. */
export interface Database {
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  sandbox_payment_intents: SandboxPaymentIntentsTable;
  sandbox_idempotency_keys: SandboxIdempotencyKeysTable;
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
  payment_expires_at: number | null;
  last_error: string | null;
  paid_at: number | null;
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
