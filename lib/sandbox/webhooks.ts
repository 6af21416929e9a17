import { z } from "zod";
import { signPayload } from "@/lib/wooshpay/webhooks";
import type { SandboxContext } from "./context";
import { SandboxApiError, invalidParam, resourceMissing } from "./errors";
import { newId, randomToken } from "./ids";
import { parseOrThrow } from "./params";

export const EVENT_TYPES = [
  "payment_intent.created",
  "payment_intent.requires_action",
  "payment_intent.processing",
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "payment_intent.canceled",
] as const;
export const API_VERSION = "2023-08-01";

/** 18 tries over about 72 hours: 1, 2, 4 … 256 minutes between the first ones, then 8 hours. */
export const MAX_DELIVERY_TRIES = 18;
export function retryDelayMs(triesSoFar: number, scale = 1): number {
  const minutes = Math.min(2 ** (triesSoFar - 1), 480);
  return Math.round(minutes * 60_000 * scale);
}

interface EndpointBody {
  id: string;
  object: "webhook_endpoint";
  url: string;
  enabled_events: string[];
  status: "enabled" | "disabled";
  description: string | null;
  api_version: string;
  created: number;
  livemode: boolean;
}

const eventsField = z
  .array(z.string().refine((e) => e === "*" || (EVENT_TYPES as readonly string[]).includes(e), { error: `enabled_events takes "*" or event types: ${EVENT_TYPES.join(", ")}.` }))
  .min(1, { error: "enabled_events needs at least one event type, or \"*\"." });
const urlField = z.url({ protocol: /^https?$/, error: "url must be an absolute http(s) URL." });

const createEndpointSchema = z.object({
  url: urlField,
  enabled_events: eventsField,
  description: z.string().max(500).optional(),
  api_version: z.string().max(20).optional(),
});
const updateEndpointSchema = z.object({
  url: urlField.optional(),
  enabled_events: eventsField.optional(),
  description: z.string().max(500).optional(),
  disabled: z.boolean().optional(),
});

async function loadEndpoint(ctx: SandboxContext, apiKey: string, id: string) {
  const row = await ctx.db.selectFrom("sandbox_webhook_endpoints").selectAll().where("id", "=", id).where("api_key", "=", apiKey).executeTakeFirst();
  if (!row) throw resourceMissing("webhook_endpoint", id);
  return row;
}

export async function createWebhookEndpoint(
  ctx: SandboxContext,
  apiKey: string,
  body: unknown,
  options: { secret?: string } = {},
): Promise<EndpointBody & { secret: string }> {
  const params = parseOrThrow(createEndpointSchema, body);
  const now = ctx.now();
  const endpoint: EndpointBody = {
    id: newId("we", now),
    object: "webhook_endpoint",
    url: params.url,
    enabled_events: params.enabled_events,
    status: "enabled",
    description: params.description ?? null,
    api_version: params.api_version ?? API_VERSION,
    created: now,
    livemode: apiKey.startsWith("sk_live_"),
  };
  const secret = options.secret ?? `whsec_${randomToken(32)}`;
  await ctx.db
    .insertInto("sandbox_webhook_endpoints")
    .values({ id: endpoint.id, api_key: apiKey, url: endpoint.url, secret, status: "enabled", created: now, body: JSON.stringify(endpoint) })
    .execute();
  return { ...endpoint, secret };
}

export async function retrieveWebhookEndpoint(ctx: SandboxContext, apiKey: string, id: string): Promise<EndpointBody> {
  return JSON.parse((await loadEndpoint(ctx, apiKey, id)).body) as EndpointBody;
}

export async function listWebhookEndpoints(ctx: SandboxContext, apiKey: string) {
  const rows = await ctx.db.selectFrom("sandbox_webhook_endpoints").select("body").where("api_key", "=", apiKey).orderBy("created", "desc").orderBy("id", "desc").execute();
  return { object: "list" as const, data: rows.map((r) => JSON.parse(r.body) as EndpointBody), has_more: false, url: "/v1/webhook_endpoints" };
}

export async function updateWebhookEndpoint(ctx: SandboxContext, apiKey: string, id: string, body: unknown): Promise<EndpointBody> {
  const params = parseOrThrow(updateEndpointSchema, body);
  const current = JSON.parse((await loadEndpoint(ctx, apiKey, id)).body) as EndpointBody;
  const next: EndpointBody = {
    ...current,
    url: params.url ?? current.url,
    enabled_events: params.enabled_events ?? current.enabled_events,
    description: params.description ?? current.description,
    status: params.disabled === undefined ? current.status : params.disabled ? "disabled" : "enabled",
  };
  await ctx.db
    .updateTable("sandbox_webhook_endpoints")
    .set({ url: next.url, status: next.status, body: JSON.stringify(next) })
    .where("id", "=", id)
    .execute();
  return next;
}

export async function deleteWebhookEndpoint(ctx: SandboxContext, apiKey: string, id: string) {
  await loadEndpoint(ctx, apiKey, id);
  await ctx.db.deleteFrom("sandbox_webhook_endpoints").where("id", "=", id).execute();
  // Nothing more goes to a deleted endpoint.
  await ctx.db.updateTable("sandbox_webhook_deliveries").set({ status: "failed", next_attempt_at: null }).where("endpoint_id", "=", id).where("status", "=", "pending").execute();
  return { id, object: "webhook_endpoint", deleted: true as const };
}

/**
 * Gives a fresh sandbox the endpoint a fresh clone needs: the app's own webhook route, signed with the
 * configured secret. Once per database and account: the claim row makes it so even when several
 * instances start together, and an endpoint deleted later stays deleted.
 */
export async function ensureDefaultEndpoint(ctx: SandboxContext, apiKey: string, url: string, secret: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto("sandbox_seeds")
      .values({ key: `default_webhook_endpoint:${apiKey}`, created: ctx.now() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) return;
    const any = await trx.selectFrom("sandbox_webhook_endpoints").select("id").where("api_key", "=", apiKey).executeTakeFirst();
    if (any) return;
    await createWebhookEndpoint(
      { ...ctx, db: trx },
      apiKey,
      { url, enabled_events: ["*"], description: "This app's webhook route (created by the sandbox)" },
      { secret },
    );
  });
}

// Events.

export async function emitEvent(ctx: SandboxContext, apiKey: string, type: string, object: { id: string }): Promise<string> {
  const now = ctx.now();
  const id = newId("evt", now);
  const event = { id, object: "event", api_version: API_VERSION, created: now, livemode: apiKey.startsWith("sk_live_"), pending_webhooks: 0, type, data: { object } };
  const endpoints = await ctx.db.selectFrom("sandbox_webhook_endpoints").select(["id", "body"]).where("api_key", "=", apiKey).where("status", "=", "enabled").execute();
  const targets = endpoints.filter((e) => {
    const events = (JSON.parse(e.body) as EndpointBody).enabled_events;
    return events.includes("*") || events.includes(type);
  });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto("sandbox_events").values({ id, api_key: apiKey, type, created: now, body: JSON.stringify(event) }).execute();
    for (const endpoint of targets) {
      await trx
        .insertInto("sandbox_webhook_deliveries")
        .values({ id: newId("whd", now), event_id: id, endpoint_id: endpoint.id, status: "pending", attempts: 0, next_attempt_at: now, locked_until: null, created: now })
        .execute();
    }
  });
  return id;
}

async function withPending(ctx: SandboxContext, body: string) {
  const event = JSON.parse(body) as { id: string; pending_webhooks: number };
  const pending = await ctx.db
    .selectFrom("sandbox_webhook_deliveries")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("event_id", "=", event.id)
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
  return { ...event, pending_webhooks: Number(pending.n) };
}

export async function retrieveEvent(ctx: SandboxContext, apiKey: string, id: string) {
  const row = await ctx.db.selectFrom("sandbox_events").select("body").where("id", "=", id).where("api_key", "=", apiKey).executeTakeFirst();
  if (!row) throw resourceMissing("event", id);
  return withPending(ctx, row.body);
}

export async function listEvents(ctx: SandboxContext, apiKey: string, query: URLSearchParams) {
  const limit = Number(query.get("limit") ?? 10);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalidParam("limit", "limit must be an integer from 1 to 100.");
  let q = ctx.db.selectFrom("sandbox_events").select("body").where("api_key", "=", apiKey);
  const type = query.get("type");
  if (type) q = q.where("type", "=", type);
  const startingAfter = query.get("starting_after");
  if (startingAfter) {
    const anchor = await ctx.db.selectFrom("sandbox_events").select(["created", "id"]).where("id", "=", startingAfter).executeTakeFirst();
    if (!anchor) throw new SandboxApiError(400, "invalid_request_error", "resource_missing", `No such event: '${startingAfter}'`, "starting_after");
    q = q.where((eb) => eb.or([eb("created", "<", anchor.created), eb.and([eb("created", "=", anchor.created), eb("id", "<", anchor.id)])]));
  }
  const rows = await q.orderBy("created", "desc").orderBy("id", "desc").limit(limit + 1).execute();
  return {
    object: "list" as const,
    data: await Promise.all(rows.slice(0, limit).map((r) => withPending(ctx, r.body))),
    has_more: rows.length > limit,
    url: "/v1/events",
  };
}

// Delivery.

/**
 * Sends every delivery that is due, once: a 2xx acknowledges; anything else, or no answer in time, is
 * tried again later on the schedule until the tries run out. Each try is logged. Deliveries live in the
 * database, so a restart picks up where it stopped, and a claim keeps two workers off the same one.
 */
export async function deliverDueWebhooks(ctx: SandboxContext): Promise<number> {
  const now = ctx.now();
  const due = await ctx.db
    .selectFrom("sandbox_webhook_deliveries")
    .select(["id"])
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]))
    .orderBy("next_attempt_at")
    .limit(50)
    .execute();
  let sent = 0;
  for (const { id } of due) {
    if (await deliverOne(ctx, id)) sent++;
  }
  return sent;
}

async function deliverOne(ctx: SandboxContext, deliveryId: string): Promise<boolean> {
  const now = ctx.now();
  const timeoutMs = ctx.webhookTimeoutMs ?? 10_000;
  const claim = await ctx.db
    .updateTable("sandbox_webhook_deliveries")
    .set({ locked_until: now + timeoutMs + 5_000 })
    .where("id", "=", deliveryId)
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]))
    .executeTakeFirst();
  if (claim.numUpdatedRows === 0n) return false;

  const delivery = await ctx.db.selectFrom("sandbox_webhook_deliveries").selectAll().where("id", "=", deliveryId).executeTakeFirstOrThrow();
  const endpoint = await ctx.db.selectFrom("sandbox_webhook_endpoints").selectAll().where("id", "=", delivery.endpoint_id).executeTakeFirst();
  const event = await ctx.db.selectFrom("sandbox_events").select("body").where("id", "=", delivery.event_id).executeTakeFirst();
  if (!endpoint || !event || endpoint.status !== "enabled") {
    await ctx.db.updateTable("sandbox_webhook_deliveries").set({ status: "failed", next_attempt_at: null, locked_until: null }).where("id", "=", deliveryId).execute();
    return false;
  }

  const payload = JSON.stringify(await withPending(ctx, event.body));
  const started = Date.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await (ctx.fetch ?? fetch)(endpoint.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "WooshPay-Sandbox/1.0 (+webhooks)",
        "Wooshpay-Signature": signPayload(payload, endpoint.secret, Math.floor(ctx.now() / 1000)),
      },
      body: payload,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "manual",
    });
    statusCode = response.status;
    await response.body?.cancel();
  } catch (cause) {
    error = cause instanceof DOMException && cause.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : String(cause);
  }
  const tries = delivery.attempts + 1;
  const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("sandbox_webhook_attempts")
      .values({ delivery_id: deliveryId, number: tries, attempted_at: now, status_code: statusCode, duration_ms: Date.now() - started, error })
      .execute();
    await trx
      .updateTable("sandbox_webhook_deliveries")
      .set({
        attempts: tries,
        status: ok ? "succeeded" : tries >= MAX_DELIVERY_TRIES ? "failed" : "pending",
        next_attempt_at: ok || tries >= MAX_DELIVERY_TRIES ? null : ctx.now() + retryDelayMs(tries, ctx.webhookRetryScale),
        locked_until: null,
      })
      .where("id", "=", deliveryId)
      .execute();
  });
  return true;
}

export interface DeliveryLogEntry {
  id: string;
  eventId: string;
  eventType: string;
  endpointUrl: string;
  status: string;
  attempts: { number: number; attemptedAt: number; statusCode: number | null; durationMs: number; error: string | null }[];
  nextAttemptAt: number | null;
}

/** The delivery log, newest first, for the sandbox's own page. */
export async function deliveryLog(ctx: SandboxContext, limit = 50): Promise<DeliveryLogEntry[]> {
  const rows = await ctx.db
    .selectFrom("sandbox_webhook_deliveries as d")
    .innerJoin("sandbox_events as e", "e.id", "d.event_id")
    .leftJoin("sandbox_webhook_endpoints as w", "w.id", "d.endpoint_id")
    .select(["d.id", "d.event_id", "e.type", "w.url", "d.status", "d.next_attempt_at", "d.created"])
    .orderBy("d.created", "desc")
    .orderBy("d.id", "desc")
    .limit(limit)
    .execute();
  const attempts = rows.length
    ? await ctx.db.selectFrom("sandbox_webhook_attempts").selectAll().where("delivery_id", "in", rows.map((r) => r.id)).orderBy("number").execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    eventType: r.type,
    endpointUrl: r.url ?? "(deleted endpoint)",
    status: r.status,
    nextAttemptAt: r.next_attempt_at,
    attempts: attempts
      .filter((a) => a.delivery_id === r.id)
      .map((a) => ({ number: a.number, attemptedAt: a.attempted_at, statusCode: a.status_code, durationMs: a.duration_ms, error: a.error })),
  }));
}
