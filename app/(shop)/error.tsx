"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

/** An unexpected failure while rendering a shop page: say so in the shopper's language, offer a retry. */
export default function ShopError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Error");
  useEffect(() => console.error(error), [error]);
  return (
    <section role="alert" className="py-16 text-center">
      <h1 className="text-2xl font-semibold text-pine-800">{t("title")}</h1>
      <p className="mt-2 text-ink-soft">{t("text")}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-pine-700 px-5 py-2.5 font-medium text-white hover:bg-pine-800">
        {t("retry")}
      </button>
    </section>
  );
}
