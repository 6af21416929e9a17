import { getRequestConfig } from "next-intl/server";
import { readLocale } from "@/lib/preferences";

/** next-intl's per-request configuration: the shopper's remembered or negotiated language. */
export default getRequestConfig(async () => {
  const locale = await readLocale();
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: "Asia/Shanghai",
  };
});
