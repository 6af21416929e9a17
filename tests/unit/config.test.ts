import { describe, expect, it } from "vitest";
import { SANDBOX_SECRET_KEY, SANDBOX_WEBHOOK_SECRET, WOOSHPAY_TEST_HOST, parseConfig } from "@/lib/config";

function errorOf(env: Record<string, string | undefined>): Error {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`parseConfig threw a non-Error: ${String(error)}`);
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`);
}

describe("parseConfig", () => {
  it("runs against the embedded sandbox with nothing configured", () => {
    expect(parseConfig({})).toMatchObject({
      appUrl: "http://localhost:3000",
      secretKey: SANDBOX_SECRET_KEY,
      apiBase: "http://localhost:3000/sandbox",
      webhookSecret: SANDBOX_WEBHOOK_SECRET,
      databaseUrl: "file:data/shop.sqlite",
      sandboxEnabled: true,
      alipayTimeoutSeconds: 14 * 60,
      requestTimeoutMs: 20_000,
      maxRetries: 2,
    });
  });

  it("puts the sandbox under APP_URL", () => {
    const c = parseConfig({ APP_URL: "https://shop.example.com" });
    expect(c.appUrl).toBe("https://shop.example.com");
    expect(c.apiBase).toBe("https://shop.example.com/sandbox");
    expect(c.sandboxEnabled).toBe(true);
  });

  it("strips trailing slashes from APP_URL and from the sandbox base", () => {
    const c = parseConfig({ APP_URL: "https://shop.example.com/" });
    expect(c.appUrl).toBe("https://shop.example.com");
    expect(c.apiBase).toBe("https://shop.example.com/sandbox");
    expect(parseConfig({ APP_URL: "https://shop.example.com/store///" }).appUrl).toBe("https://shop.example.com/store");
  });

  it("uses the sandbox when the sandbox's own key is configured explicitly", () => {
    const c = parseConfig({ WOOSHPAY_SECRET_KEY: SANDBOX_SECRET_KEY });
    expect(c.sandboxEnabled).toBe(true);
    expect(c.apiBase).toBe("http://localhost:3000/sandbox");
  });

  it("turns the sandbox off and talks to WooshPay's test host with a real-looking key", () => {
    const c = parseConfig({ WOOSHPAY_SECRET_KEY: "sk_test_abc" });
    expect(c.sandboxEnabled).toBe(false);
    expect(c.secretKey).toBe("sk_test_abc");
    expect(c.apiBase).toBe(WOOSHPAY_TEST_HOST);
    expect(c.apiBase).toBe("https://apitest.wooshpay.com");
  });

  it("accepts a live key and turns the sandbox off", () => {
    const c = parseConfig({ WOOSHPAY_SECRET_KEY: "sk_live_abc123" });
    expect(c.sandboxEnabled).toBe(false);
    expect(c.secretKey).toBe("sk_live_abc123");
  });

  it("lets an explicit WOOSHPAY_API_BASE win, with trailing slashes stripped", () => {
    expect(parseConfig({ WOOSHPAY_API_BASE: "https://api.wooshpay.com/" }).apiBase).toBe("https://api.wooshpay.com");
    expect(parseConfig({ WOOSHPAY_SECRET_KEY: "sk_test_abc", WOOSHPAY_API_BASE: "http://127.0.0.1:4010" }).apiBase).toBe("http://127.0.0.1:4010");
    const withSandboxKey = parseConfig({ APP_URL: "https://shop.example.com", WOOSHPAY_API_BASE: "https://other.example/sandbox" });
    expect(withSandboxKey.apiBase).toBe("https://other.example/sandbox");
    expect(withSandboxKey.sandboxEnabled).toBe(true);
  });

  it("reads the numeric settings from their strings", () => {
    const c = parseConfig({ ALIPAY_TIMEOUT_SECONDS: "60", WOOSHPAY_TIMEOUT_MS: "5000", WOOSHPAY_MAX_RETRIES: "0" });
    expect(c.alipayTimeoutSeconds).toBe(60);
    expect(c.requestTimeoutMs).toBe(5000);
    expect(c.maxRetries).toBe(0);
  });

  it("passes the database URL and webhook secret through", () => {
    const c = parseConfig({ DATABASE_URL: "postgres://u:p@db/shop", WOOSHPAY_WEBHOOK_SECRET: "whsec_abc" });
    expect(c.databaseUrl).toBe("postgres://u:p@db/shop");
    expect(c.webhookSecret).toBe("whsec_abc");
  });

  it("treats blank strings as unset", () => {
    const c = parseConfig({
      APP_URL: "",
      WOOSHPAY_SECRET_KEY: "",
      WOOSHPAY_API_BASE: "",
      WOOSHPAY_WEBHOOK_SECRET: "",
      DATABASE_URL: "",
      ALIPAY_TIMEOUT_SECONDS: "",
      WOOSHPAY_TIMEOUT_MS: "",
      WOOSHPAY_MAX_RETRIES: "",
    });
    expect(c).toEqual(parseConfig({}));
  });

  it("treats undefined values as unset", () => {
    expect(parseConfig({ APP_URL: undefined, WOOSHPAY_SECRET_KEY: undefined })).toEqual(parseConfig({}));
  });

  it("ignores variables it does not know", () => {
    expect(parseConfig({ PATH: "/usr/bin", NODE_ENV: "test" })).toEqual(parseConfig({}));
  });

  it.each([
    ["APP_URL", "not a url"],
    ["APP_URL", "//shop.example.com"],
    ["WOOSHPAY_SECRET_KEY", "pk_test_abc"],
    ["WOOSHPAY_SECRET_KEY", "sk_prod_abc"],
    ["WOOSHPAY_SECRET_KEY", "sk_test_"],
    ["WOOSHPAY_SECRET_KEY", "sk_test_abc def"],
    ["WOOSHPAY_API_BASE", "apitest.wooshpay.com"],
    ["ALIPAY_TIMEOUT_SECONDS", "abc"],
    ["ALIPAY_TIMEOUT_SECONDS", "4"],
    ["ALIPAY_TIMEOUT_SECONDS", "86401"],
    ["ALIPAY_TIMEOUT_SECONDS", "60.5"],
    ["WOOSHPAY_TIMEOUT_MS", "99"],
    ["WOOSHPAY_MAX_RETRIES", "11"],
    ["WOOSHPAY_MAX_RETRIES", "-1"],
  ])("rejects %s=%j with an Error that names the variable", (name, value) => {
    const error = errorOf({ [name]: value });
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain(name);
  });

  it("names every bad variable when several are wrong", () => {
    const error = errorOf({ APP_URL: "nope", WOOSHPAY_SECRET_KEY: "pk_live_x", ALIPAY_TIMEOUT_SECONDS: "soon" });
    expect(error.message).toContain("APP_URL");
    expect(error.message).toContain("WOOSHPAY_SECRET_KEY");
    expect(error.message).toContain("ALIPAY_TIMEOUT_SECONDS");
  });

  it("does not put the rejected secret key into the error message", () => {
    const error = errorOf({ WOOSHPAY_SECRET_KEY: "pk_live_very_secret_value" });
    expect(error.message).not.toContain("very_secret_value");
  });
});

describe("URL settings", () => {
  it("rejects a URL without an http(s) scheme, such as localhost:3000", () => {
    expect(() => parseConfig({ APP_URL: "localhost:3000" })).toThrow(/APP_URL/);
    expect(() => parseConfig({ WOOSHPAY_API_BASE: "ftp://example.com" })).toThrow(/WOOSHPAY_API_BASE/);
  });

  it("treats a value of only spaces as unset", () => {
    expect(parseConfig({ APP_URL: "   ", ALIPAY_TIMEOUT_SECONDS: "  " })).toMatchObject({ appUrl: "http://localhost:3000", alipayTimeoutSeconds: 840 });
  });
});
