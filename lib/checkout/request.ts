import { detectTerminal, type Terminal, type TerminalType } from "./terminal";

/**
 * The shopper's IP for Alipay's risk checks. Behind a proxy the first X-Forwarded-For entry is the
 * client; trust it only where your proxy sets it.
 */
export function clientIpFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || "127.0.0.1";
  return ip.replace(/^::ffff:/, "");
}

/** The terminal from the request, unless QA forces one; the OS still comes from the device. */
export function terminalFor(headers: Headers, forced?: TerminalType): Terminal {
  const detected = detectTerminal(headers);
  return forced ? { terminalType: forced, osType: detected.osType } : detected;
}
