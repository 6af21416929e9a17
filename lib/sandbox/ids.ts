import { randomBytes, randomInt } from "node:crypto";

let lastMillis = 0;
let sequence = 0;

/** WooshPay's ids are a prefix and a 19-digit, time-ordered number: `pi_1666729870215872512`. */
export function newId(prefix: string, now = Date.now()): string {
  sequence = now === lastMillis ? sequence + 1 : randomInt(0, 1024);
  lastMillis = now;
  const value = (BigInt(now) << 20n) | (BigInt(sequence & 0x3ff) << 10n) | BigInt(randomInt(0, 1024));
  return `${prefix}_${value.toString()}`;
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return out;
}
