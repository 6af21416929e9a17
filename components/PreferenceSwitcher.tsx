"use client";

import { useLocale, useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";
import { setCurrencyAction, setLocaleAction } from "@/app/(shop)/actions";
import { CURRENCIES } from "@/lib/checkout/catalog";

/** Language and currency, remembered in cookies. Plain forms: they work by keyboard and without script. */
export function PreferenceSwitcher({ currency }: { currency: string }) {
  const t = useTranslations("Shop");
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const returnTo = search ? `${pathname}?${search}` : pathname;
  const other = locale === "zh-CN" ? { locale: "en", label: "English", lang: "en" } : { locale: "zh-CN", label: "中文", lang: "zh-CN" };
  return (
    <div className="flex items-center gap-2 text-sm">
      <form action={setCurrencyAction} className="flex items-center gap-1">
        <input type="hidden" name="returnTo" value={returnTo} />
        <label htmlFor="currency" className="sr-only">
          {t("currency")}
        </label>
        <select
          id="currency"
          name="currency"
          defaultValue={currency}
          onChange={(event) => event.currentTarget.form?.requestSubmit()}
          className="rounded-md border border-pine-100 bg-white px-2 py-1"
          data-testid="currency-select"
        >
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </form>
      <form action={setLocaleAction}>
        <input type="hidden" name="returnTo" value={returnTo} />
        <input type="hidden" name="locale" value={other.locale} />
        <button type="submit" lang={other.lang} className="rounded-md px-2 py-1 font-medium text-pine-700 hover:bg-pine-50" data-testid="language-switch">
          <span className="sr-only">{t("language")}: </span>
          {other.label}
        </button>
      </form>
    </div>
  );
}
