import { UAParser } from "ua-parser-js";

/** WooshPay Alipay `terminal_type`: WEB shows a QR code, APP hands off to the Alipay app. */
export type TerminalType = "WEB" | "APP";
/** WooshPay Alipay `os_type`, only meaningful for APP. */
export type OsType = "IOS" | "ANDROID";

export interface Terminal {
  terminalType: TerminalType;
  osType?: OsType;
}

// Android apps on Chrome OS (ARC) and macOS CFNetwork clients name a mobile OS in the UA,
// yet run on a laptop or desktop where a QR code is the right flow.
const DESKTOP_POSING_AS_MOBILE = /Chromebook|CrosArc|\bDarwin\/[\d.]+ \((?:x86_64|i386)\)/;

// ua-parser-js leaves the OS blank or wrong for a few old in-app/UC tokens
// ("UCWEB/2.0 (... Adr 6.0 ...)", "(iPhone; CPU OS_6 ...)", Roblox's "(iPhone; iPhone12,1; ...)").
const IOS_DEVICE_TOKEN = /\((?:iPhone|iPad|iPod)[;\s]/;
const ANDROID_ADR_TOKEN = /[(;]\s?Adr \d/;

// IE on Windows RT ("Windows NT 6.x; ARM;") only ever ran on Surface RT-class tablets.
const WINDOWS_RT = /Windows NT [\d.]+; ARM;/;

function osTypeFromName(name: string | undefined): OsType | undefined {
  if (!name) return undefined;
  if (/^iOS$/i.test(name)) return "IOS";
  // HarmonyOS 2–4 is Android-based; HarmonyOS NEXT identifies as "OpenHarmony" and is not.
  if (/^(?:Android|HarmonyOS)/i.test(name)) return "ANDROID";
  return undefined;
}

function fromUserAgent(ua: string): Terminal {
  if (DESKTOP_POSING_AS_MOBILE.test(ua)) return { terminalType: "WEB" };

  const { os, device } = new UAParser(ua).getResult();
  const osType =
    osTypeFromName(os.name) ??
    (IOS_DEVICE_TOKEN.test(ua) ? "IOS" : ANDROID_ADR_TOKEN.test(ua) ? "ANDROID" : undefined);
  // Every iOS/Android device is a phone or tablet, even when the UA lacks "Mobile"/"Tablet".
  if (osType) return { terminalType: "APP", osType };

  // Desktop Windows is never handheld; ua-parser's vendor regexes occasionally misfire
  // on free-form IE tokens. Windows Phone reports a different OS name.
  const handheld =
    WINDOWS_RT.test(ua) || ((device.type === "mobile" || device.type === "tablet") && os.name !== "Windows");
  return { terminalType: handheld ? "APP" : "WEB" };
}

/** Sec-CH-UA-Platform is a quoted structured-header string, e.g. `"Android"`. */
function platformHint(headers: Headers): string | undefined {
  const raw = headers.get("sec-ch-ua-platform")?.trim();
  if (!raw) return undefined;
  return raw.replace(/^"(.*)"$/, "$1");
}

/**
 * OS named by the platform hint: an OsType, `null` for a platform the hint
 * identifies as neither iOS nor Android, or `undefined` when the hint is absent
 * or too vague to overrule the UA ("Unknown", "HarmonyOS" which may be NEXT).
 */
function osTypeFromPlatform(platform: string | undefined): OsType | null | undefined {
  switch (platform?.toLowerCase()) {
    case "android":
      return "ANDROID";
    case "ios":
      return "IOS";
    case "windows":
    case "macos":
    case "linux":
    case "chrome os":
    case "chromium os":
      return null;
    default:
      return undefined;
  }
}

/**
 * Chooses WooshPay's terminal_type/os_type for the shopper's browser.
 * Client Hints win where present: Chrome freezes its UA ("Linux; Android 10; K"),
 * but the hints still state mobile-ness and platform truthfully.
 */
export function detectTerminal(headers: Headers): Terminal {
  const fromUa = fromUserAgent(headers.get("user-agent") ?? "");
  const hintedOs = osTypeFromPlatform(platformHint(headers));
  const mobileHint = headers.get("sec-ch-ua-mobile")?.trim();

  const osType = hintedOs === undefined ? fromUa.osType : (hintedOs ?? undefined);

  // "?1" means phone. Android tablets send "?0", so a mobile platform alone still means APP.
  let terminalType: TerminalType;
  if (mobileHint === "?1" || osType) terminalType = "APP";
  else if (mobileHint === "?0" || hintedOs === null) terminalType = "WEB";
  else terminalType = fromUa.terminalType;

  return osType ? { terminalType, osType } : { terminalType };
}

/** Accepts a manual override ("WEB"/"APP", any case); anything else means "no override". */
export function parseTerminalOverride(value: string | null | undefined): TerminalType | undefined {
  const upper = value?.toUpperCase();
  return upper === "WEB" || upper === "APP" ? upper : undefined;
}

export type InAppBrowser = "wechat" | "alipay";

/**
 * WeChat's browser blocks Alipay links, so a hand-off from inside it dead-ends; Alipay's own browser
 * (AlipayClient) can take the payment directly. Other browsers are undefined.
 */
export function detectInAppBrowser(headers: Headers): InAppBrowser | undefined {
  const ua = headers.get("user-agent") ?? "";
  if (/MicroMessenger\//i.test(ua)) return "wechat";
  if (/AlipayClient\//i.test(ua)) return "alipay";
  return undefined;
}
