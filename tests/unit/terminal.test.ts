import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectTerminal, parseTerminalOverride, type OsType, type TerminalType } from "@/lib/checkout/terminal";

interface LabeledUserAgent {
  ua: string;
  device: string;
  os: string;
  expected_terminal: TerminalType;
  expected_os_type: OsType | null;
  source: string;
}

// Labeled corpus from matomo-org/device-detector (LGPL-3.0+); see shared/testdata/README.md.
const CORPUS_PATH = path.resolve(__dirname, "../../../shared/testdata/user-agents.json");
const corpus = JSON.parse(fs.readFileSync(CORPUS_PATH, "utf8")) as LabeledUserAgent[];

/**
 * Corpus entries where detectTerminal knowingly disagrees with the label.
 * `match` is the full UA or a substring unique within the corpus.
 * Keep this exact: a new disagreement fails the test, and so does a fixed one that is still listed.
 */
const KNOWN_DISAGREEMENTS: ReadonlyArray<{ match: string; reason: string }> = [];

function uaOnly(ua: string): Headers {
  return new Headers({ "user-agent": ua });
}

function agrees(entry: LabeledUserAgent): boolean {
  const actual = detectTerminal(uaOnly(entry.ua));
  return actual.terminalType === entry.expected_terminal && (actual.osType ?? null) === entry.expected_os_type;
}

describe("detectTerminal on the labeled User-Agent corpus", () => {
  const disagreements = corpus.filter((entry) => !agrees(entry));

  it("loads all 618 labeled User-Agents", () => {
    expect(corpus).toHaveLength(618);
  });

  it("agrees with the label on terminal type and OS type for at least 98% of User-Agents", () => {
    const agreement = (corpus.length - disagreements.length) / corpus.length;
    expect(agreement).toBeGreaterThanOrEqual(0.98);
  });

  it("disagrees exactly on the listed known cases and no others", () => {
    const listed = KNOWN_DISAGREEMENTS.map(({ match }) => {
      const hits = corpus.filter((entry) => entry.ua.includes(match));
      expect(hits, `"${match}" must match exactly one corpus UA`).toHaveLength(1);
      return hits[0]?.ua;
    });
    const actual = disagreements.map((entry) => entry.ua);
    expect(new Set(actual)).toEqual(new Set(listed));
  });
});

describe("detectTerminal with Client Hints", () => {
  const REDUCED_ANDROID_CHROME_TABLET =
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
  const WINDOWS_CHROME =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
  const MAC_SAFARI =
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
  const ANDROID_PHONE_CHROME =
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
  const DESKTOP_MODE_ANDROID_CHROME =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

  function withHints(ua: string, hints: Record<string, string>): Headers {
    return new Headers({ "user-agent": ua, ...hints });
  }

  it("treats a reduced Android Chrome UA with a mobile Android hint as an Android app hand-off", () => {
    const headers = withHints(REDUCED_ANDROID_CHROME_TABLET, {
      "sec-ch-ua-mobile": "?1",
      "sec-ch-ua-platform": '"Android"',
    });
    expect(detectTerminal(headers)).toEqual({ terminalType: "APP", osType: "ANDROID" });
  });

  it("treats an Android tablet hinting not-mobile as an Android app hand-off", () => {
    const headers = withHints(REDUCED_ANDROID_CHROME_TABLET, {
      "sec-ch-ua-mobile": "?0",
      "sec-ch-ua-platform": '"Android"',
    });
    expect(detectTerminal(headers)).toEqual({ terminalType: "APP", osType: "ANDROID" });
  });

  it("treats Android Chrome in desktop-site mode as Android when the platform hint says so", () => {
    const headers = withHints(DESKTOP_MODE_ANDROID_CHROME, {
      "sec-ch-ua-mobile": "?0",
      "sec-ch-ua-platform": '"Android"',
    });
    expect(detectTerminal(headers)).toEqual({ terminalType: "APP", osType: "ANDROID" });
  });

  it("treats a desktop-looking UA with a mobile hint as an app hand-off without an OS type", () => {
    const headers = withHints(WINDOWS_CHROME, { "sec-ch-ua-mobile": "?1" });
    expect(detectTerminal(headers)).toEqual({ terminalType: "APP" });
  });

  it("treats a Macintosh UA with an iOS platform hint as an iPad app hand-off", () => {
    const headers = withHints(MAC_SAFARI, { "sec-ch-ua-platform": '"iOS"' });
    expect(detectTerminal(headers)).toEqual({ terminalType: "APP", osType: "IOS" });
  });

  it("treats a mobile UA hinting not-mobile on Windows as a desktop browser", () => {
    const headers = withHints(ANDROID_PHONE_CHROME, {
      "sec-ch-ua-mobile": "?0",
      "sec-ch-ua-platform": '"Windows"',
    });
    expect(detectTerminal(headers)).toEqual({ terminalType: "WEB" });
  });

  it("treats desktop Chrome with desktop hints as a desktop browser", () => {
    const headers = withHints(WINDOWS_CHROME, {
      "sec-ch-ua-mobile": "?0",
      "sec-ch-ua-platform": '"Windows"',
    });
    expect(detectTerminal(headers)).toEqual({ terminalType: "WEB" });
  });

  it("falls back to the UA when the platform hint is unknown", () => {
    const headers = withHints(ANDROID_PHONE_CHROME, { "sec-ch-ua-platform": '"Unknown"' });
    expect(detectTerminal(headers)).toEqual({ terminalType: "APP", osType: "ANDROID" });
  });
});

describe("detectTerminal on current browsers (User-Agent only)", () => {
  const web: Array<[string, string]> = [
    [
      "Chrome 131 on Windows 10",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    ],
    [
      "Chrome 133 on macOS",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36",
    ],
    [
      "Safari 17 on macOS",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15",
    ],
    [
      "Safari 18 on macOS",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15",
    ],
    ["Firefox 133 on Windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"],
    ["Firefox 135 on Linux", "Mozilla/5.0 (X11; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0"],
    ["Firefox 134 on Ubuntu", "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:134.0) Gecko/20100101 Firefox/134.0"],
    [
      "Edge 131 on Windows",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    ],
    [
      "Chrome 131 on Chrome OS",
      "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    ],
  ];

  it.each(web)("shows a QR code without an OS type for %s", (_name, ua) => {
    expect(detectTerminal(uaOnly(ua))).toEqual({ terminalType: "WEB" });
  });

  const app: Array<[string, OsType, string]> = [
    [
      "Safari on iPhone with iOS 17",
      "IOS",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    ],
    [
      "Safari on iPhone with iOS 18",
      "IOS",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Mobile/15E148 Safari/604.1",
    ],
    [
      "Chrome on an Android phone",
      "ANDROID",
      "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    ],
    [
      "Chrome on an Android tablet",
      "ANDROID",
      "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    ],
    [
      "WeChat in-app browser on Android",
      "ANDROID",
      "Mozilla/5.0 (Linux; Android 14; 23127PN0CC Build/UKQ1.230804.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.188 Mobile Safari/537.36 XWEB/1260183 MMWEBSDK/20240404 MMWEBID/6170 MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64",
    ],
    [
      "WeChat in-app browser on iPhone",
      "IOS",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.48(0x1800302d) NetType/WIFI Language/zh_CN",
    ],
    [
      "AlipayClient in-app browser on iPhone",
      "IOS",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AlipayClient/10.5.96.6000 Language/zh-Hans Region/CN NebulaSDK/1.8.100112 Nebula AlipayDefined(nt:WIFI,ws:390|844|3.0) AliApp(AP/10.5.96.6000)",
    ],
    [
      "Safari on iPad with iPadOS 17 in mobile mode",
      "IOS",
      "Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
    ],
  ];

  it.each(app)("hands off to the Alipay app for %s", (_name, osType, ua) => {
    expect(detectTerminal(uaOnly(ua))).toEqual({ terminalType: "APP", osType });
  });

  it("hands off to the app without an OS type on a HarmonyOS NEXT phone", () => {
    const ua =
      "Mozilla/5.0 (Phone; OpenHarmony 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile HuaweiBrowser/5.0.4.300";
    expect(detectTerminal(uaOnly(ua))).toEqual({ terminalType: "APP" });
  });

  it("shows a QR code for an iPad in desktop mode, whose Safari UA is a Mac's", () => {
    const ua =
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15";
    expect(detectTerminal(uaOnly(ua))).toEqual({ terminalType: "WEB" });
  });

  it("shows a QR code when the User-Agent is missing or empty", () => {
    expect(detectTerminal(new Headers())).toEqual({ terminalType: "WEB" });
    expect(detectTerminal(uaOnly(""))).toEqual({ terminalType: "WEB" });
    expect(detectTerminal(uaOnly("curl/8.5.0"))).toEqual({ terminalType: "WEB" });
  });
});

describe("parseTerminalOverride", () => {
  it.each([
    ["WEB", "WEB"],
    ["APP", "APP"],
    ["web", "WEB"],
    ["App", "APP"],
  ] as const)("accepts %s as the %s terminal type", (input, expected) => {
    expect(parseTerminalOverride(input)).toBe(expected);
  });

  it.each([null, undefined, "", "desktop", "mobile", "WAP", "APPS", "WEB,APP"])(
    "ignores %s as no override",
    (input) => {
      expect(parseTerminalOverride(input)).toBeUndefined();
    },
  );
});
