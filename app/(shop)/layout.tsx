import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense, type ReactNode } from "react";
import { PreferenceSwitcher } from "@/components/PreferenceSwitcher";
import { readCart } from "@/lib/checkout/cart-store";
import { config } from "@/lib/config";
import { readCurrency } from "@/lib/preferences";

export default async function ShopLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("Shop");
  const count = (await readCart()).reduce((sum, item) => sum + item.quantity, 0);
  const currency = await readCurrency();
  const { sandboxEnabled } = config();
  return (
    <div className="flex min-h-screen flex-col">
      {sandboxEnabled && <p className="bg-sandbox-light px-4 py-1 text-center text-xs text-sandbox">{t("testMode")}</p>}
      <header className="border-b border-pine-100 bg-white">
        <nav aria-label={t("mainNav")} className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-3 px-4">
          <Link href="/" className="whitespace-nowrap text-lg font-semibold tracking-tight text-pine-800">
            {t("title").split(" — ")[0]} <span className="hidden text-sm font-normal text-ink-soft sm:inline">{t("brandZh")}</span>
          </Link>
          <div className="flex items-center gap-1 sm:gap-2">
            <Suspense>
              <PreferenceSwitcher currency={currency} />
            </Suspense>
            <Link href="/cart" className="whitespace-nowrap rounded-full px-2 py-1.5 text-sm font-medium hover:bg-pine-50 sm:px-3" data-testid="cart-link">
              {t("cart")}{" "}
              <span className="ml-1 inline-block min-w-6 rounded-full bg-pine-700 px-1.5 text-center text-white" data-testid="cart-count">
                {count}
              </span>
              <span className="sr-only"> ({t("cartItems", { count })})</span>
            </Link>
          </div>
        </nav>
      </header>
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">{children}</main>
      <footer className="border-t border-pine-100 py-6 text-center text-xs text-ink-soft">{t("footer")}</footer>
    </div>
  );
}
