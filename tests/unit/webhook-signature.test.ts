import { describe, expect, it } from "vitest";
import { WooshPaySignatureVerificationError, constructEvent, parseSignatureHeader, signPayload, verifySignature } from "@/lib/wooshpay";

const secret = "whsec_test_secret";
const now = 1_764_000_000;
const payload = JSON.stringify({
  id: "evt_1",
  object: "event",
  type: "payment_intent.succeeded",
  created: now * 1000,
  livemode: false,
  data: { object: { id: "pi_1", object: "payment_intent" } },
});

function refused(body: string, header: string | null, key = secret, at = now) {
  expect(() => verifySignature(body, header, key, { nowSeconds: at })).toThrow(WooshPaySignatureVerificationError);
}

describe("webhook signatures", () => {
  it("accepts a valid signature and parses the event", () => {
    const event = constructEvent(payload, signPayload(payload, secret, now), secret, { nowSeconds: now });
    expect(event).toMatchObject({ id: "evt_1", type: "payment_intent.succeeded" });
  });

  it("signs t.body with HMAC-SHA256 in the t=…,v1=… format", () => {
    expect(signPayload("{}", "k", 1)).toMatch(/^t=1,v1=[0-9a-f]{64}$/);
    expect(signPayload("{}", "k", 1)).not.toBe(signPayload("{} ", "k", 1));
  });

  it("rejects a body changed by one byte", () => {
    refused(payload.replace("succeeded", "succeedeD"), signPayload(payload, secret, now));
  });

  it("rejects a signature made with another secret", () => {
    refused(payload, signPayload(payload, "whsec_other", now));
  });

  it("rejects a timestamp older than the 300 s tolerance", () => {
    refused(payload, signPayload(payload, secret, now - 301));
    expect(() => verifySignature(payload, signPayload(payload, secret, now - 300), secret, { nowSeconds: now })).not.toThrow();
  });

  it("rejects a timestamp too far in the future", () => {
    refused(payload, signPayload(payload, secret, now + 301));
  });

  it("accepts a header with several v1 values when one of them is right", () => {
    const good = signPayload(payload, secret, now);
    const wrong = signPayload(payload, "whsec_old", now).split(",")[1];
    const header = `t=${now},${wrong},${good.split(",")[1]}`;
    expect(() => verifySignature(payload, header, secret, { nowSeconds: now })).not.toThrow();
    expect(parseSignatureHeader(header)?.signatures).toHaveLength(2);
  });

  it.each([
    ["garbage", "nonsense"],
    ["no v1", `t=${now}`],
    ["no t", "v1=" + "a".repeat(64)],
    ["a short v1", `t=${now},v1=abc`],
    ["empty", ""],
  ])("rejects a malformed header (%s)", (_name, header) => {
    refused(payload, header);
  });

  it("rejects a request with no header", () => {
    refused(payload, null);
  });

  it("refuses everything when no secret is configured, even a request signed with an empty key", () => {
    refused(payload, signPayload(payload, "", now), "");
  });

  it("says how to fix the usual mistake", () => {
    expect(() => verifySignature(payload + " ", signPayload(payload, secret, now), secret, { nowSeconds: now })).toThrow(/raw request body/);
  });
});
