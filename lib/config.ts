import { z } from "zod";

/**
 * The sandbox's own test key. It is not a secret: it only opens the embedded sandbox, which
 * answers 404 as soon as any other key is configured.
 */
export const SANDBOX_SECRET_KEY = "sk_test_sandbox_4eC39HqLyjWDarjtT1zdp7dc";
export const SANDBOX_WEBHOOK_SECRET = "whsec_sandbox_Yh4mQ9f2Xc8LrT1wZk6PbN3s";
export const WOOSHPAY_TEST_HOST = "https://apitest.wooshpay.com";

/** Alipay closes an unpaid payment after 14 minutes. */
const ALIPAY_TIMEOUT_SECONDS = 14 * 60;

const schema = z.object({
  APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be an absolute URL, such as http://localhost:3000" }).default("http://localhost:3000"),
  WOOSHPAY_SECRET_KEY: z
    .string()
    .regex(/^sk_(test|live)_\w+$/, { error: "WOOSHPAY_SECRET_KEY must look like sk_test_… or sk_live_…" })
    .default(SANDBOX_SECRET_KEY),
  WOOSHPAY_API_BASE: z.url({ protocol: /^https?$/, error: "WOOSHPAY_API_BASE must be an absolute URL, such as https://apitest.wooshpay.com" }).optional(),
  WOOSHPAY_WEBHOOK_SECRET: z.string().optional(),
  DATABASE_URL: z.string().min(1).default("file:data/shop.sqlite"),
  ALIPAY_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(86_400).default(ALIPAY_TIMEOUT_SECONDS),
  WOOSHPAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
  WOOSHPAY_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  SANDBOX_WEBHOOK_RETRY_SCALE: z.coerce.number().positive().max(1).default(1),
});

export interface AppConfig {
  appUrl: string;
  secretKey: string;
  apiBase: string;
  webhookSecret: string;
  databaseUrl: string;
  /** True when the embedded sandbox is the gateway (the default); with real keys it answers 404. */
  sandboxEnabled: boolean;
  /** How long an unpaid Alipay payment stays open, in seconds: the sandbox enforces it, the pay page counts it down. */
  alipayTimeoutSeconds: number;
  requestTimeoutMs: number;
  maxRetries: number;
  /** Compresses the sandbox's webhook retry schedule (1 = WooshPay's 72 hours). */
  webhookRetryScale: number;
}

/** Reads and validates the environment; a bad value stops start-up with a message that names the variable. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const result = schema.safeParse(blanksRemoved);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid configuration (see .env.example):\n${problems}`);
  }
  const e = result.data;
  const appUrl = e.APP_URL.replace(/\/+$/, "");
  const sandboxEnabled = e.WOOSHPAY_SECRET_KEY === SANDBOX_SECRET_KEY;
  return {
    appUrl,
    secretKey: e.WOOSHPAY_SECRET_KEY,
    apiBase: (e.WOOSHPAY_API_BASE ?? (sandboxEnabled ? `${appUrl}/sandbox` : WOOSHPAY_TEST_HOST)).replace(/\/+$/, ""),
    // With real keys there is no default: until the endpoint's secret is set, every webhook is refused.
    webhookSecret: e.WOOSHPAY_WEBHOOK_SECRET ?? (sandboxEnabled ? SANDBOX_WEBHOOK_SECRET : ""),
    databaseUrl: e.DATABASE_URL,
    sandboxEnabled,
    alipayTimeoutSeconds: e.ALIPAY_TIMEOUT_SECONDS,
    requestTimeoutMs: e.WOOSHPAY_TIMEOUT_MS,
    maxRetries: e.WOOSHPAY_MAX_RETRIES,
    webhookRetryScale: e.SANDBOX_WEBHOOK_RETRY_SCALE,
  };
}

let cached: AppConfig | undefined;

export function config(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
