import { createHmac, timingSafeEqual } from "node:crypto";
import { WooshPayError } from "./errors";
import { eventSchema, type WooshPayEvent } from "./schemas";

/** WooshPay's header: `Wooshpay-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const SIGNATURE_HEADER = "wooshpay-signature";
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Thrown when a webhook's signature does not prove it came from WooshPay; answer 400 and do nothing. */
export class WooshPaySignatureVerificationError extends WooshPayError {
  constructor(message: string) {
    super({ type: "signature_verification_error", message, statusCode: 400 });
  }
}

/** The one implementation of the scheme: the sandbox signs with it, and tests forge with it. */
export function signPayload(payload: string, secret: string, timestampSeconds: number): string {
  const signature = createHmac("sha256", secret).update(`${timestampSeconds}.${payload}`, "utf8").digest("hex");
  return `t=${timestampSeconds},v1=${signature}`;
}

export function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === "v1" && value && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/**
 * Checks a webhook against the raw request body, before anything parses it. Any one `v1=` may match
 * (several appear while a secret is being rolled); comparison is constant-time; `t` must be within the
 * tolerance either way, so a captured request cannot be replayed later.
 */
export function verifySignature(
  payload: string,
  header: string | null | undefined,
  secret: string,
  options: { toleranceSeconds?: number; nowSeconds?: number } = {},
): void {
  if (!secret) {
    throw new WooshPaySignatureVerificationError("No webhook signing secret is configured (WOOSHPAY_WEBHOOK_SECRET); every webhook is refused.");
  }
  if (!header) throw new WooshPaySignatureVerificationError("No Wooshpay-Signature header. Is this request from WooshPay?");
  const parsed = parseSignatureHeader(header);
  if (!parsed) throw new WooshPaySignatureVerificationError("The Wooshpay-Signature header is malformed: expected t=<seconds>,v1=<hex>.");
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - parsed.timestamp) > tolerance) {
    throw new WooshPaySignatureVerificationError(`The signature's timestamp is more than ${tolerance} s from now; check the server clock.`);
  }
  const expected = Buffer.from(signPayload(payload, secret, parsed.timestamp).split("v1=")[1]!, "hex");
  const matches = parsed.signatures.some((candidate) => {
    const given = Buffer.from(candidate, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) {
    throw new WooshPaySignatureVerificationError(
      "No signature matches the payload. Are you passing the raw request body, unparsed, and the endpoint's own whsec_ secret?",
    );
  }
}

/** Verifies, then parses the event. */
export function constructEvent(
  payload: string,
  header: string | null | undefined,
  secret: string,
  options?: { toleranceSeconds?: number; nowSeconds?: number },
): WooshPayEvent {
  verifySignature(payload, header, secret, options);
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    throw new WooshPaySignatureVerificationError("The signed payload is not JSON.");
  }
  const event = eventSchema.safeParse(json);
  if (!event.success) throw new WooshPaySignatureVerificationError("The signed payload is not a WooshPay event.");
  return event.data;
}
