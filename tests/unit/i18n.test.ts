import { describe, expect, it } from "vitest";
import { detectInAppBrowser } from "@/lib/checkout/terminal";
import { negotiateLocale } from "@/lib/i18n";

describe("negotiateLocale", () => {
  it.each([
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh", "zh-CN"],
    ["zh-TW,zh-HK;q=0.9", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["en-GB,en;q=0.9", "en"],
    ["en;q=0.4,zh-CN;q=0.8", "zh-CN"],
    ["fr-FR,de;q=0.8", "en"],
    ["fr-FR,zh;q=0.3", "zh-CN"],
    ["zh;q=0,en", "en"],
    ["", "en"],
    [null, "en"],
  ] as const)("turns Accept-Language %j into %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("detectInAppBrowser", () => {
  const headers = (ua: string) => new Headers({ "User-Agent": ua });

  it("recognises WeChat on iPhone and Android", () => {
    expect(detectInAppBrowser(headers("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN"))).toBe("wechat");
    expect(detectInAppBrowser(headers("Mozilla/5.0 (Linux; Android 13; V2183A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN"))).toBe("wechat");
  });

  it("recognises Alipay's own browser", () => {
    expect(detectInAppBrowser(headers("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Nebula AlipayClient/10.6.0.6000 Language/zh-Hans"))).toBe("alipay");
  });

  it("leaves ordinary browsers alone", () => {
    expect(detectInAppBrowser(headers("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"))).toBeUndefined();
    expect(detectInAppBrowser(new Headers())).toBeUndefined();
  });
});
