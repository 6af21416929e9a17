import type { Db } from "@/lib/db";

export interface SandboxContext {
  db: Db;
  /** The sandbox's public root, e.g. `http://localhost:3000/sandbox`: the Alipay pages live below it. */
  publicBaseUrl: string;
  /** Secret keys the sandbox accepts. */
  apiKeys: readonly string[];
  /** How long an unpaid intent stays open before it is canceled as expired. */
  timeoutSeconds: number;
  now: () => number;
  /** The account's display name, shown on the simulated Alipay pages. */
  merchantName: string;
  /** Multiplies the webhook retry schedule (18 tries over 72 hours); tests compress it. */
  webhookRetryScale?: number;
  /** How long a webhook endpoint has to answer, per try. */
  webhookTimeoutMs?: number;
  fetch?: typeof fetch;
}
