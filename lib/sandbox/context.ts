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
}
