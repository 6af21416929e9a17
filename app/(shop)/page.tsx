import Image from "next/image";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Money } from "@/components/Money";
import { PRODUCTS, productText } from "@/lib/checkout/catalog";
import { readCurrency } from "@/lib/preferences";

export default async function CatalogPage() {
  const t = await getTranslations("Catalog");
  const locale = await getLocale();
  const currency = await readCurrency();
  return (
    <>
      <section className="mb-8">
        <h1 className="text-3xl font-semibold tracking-tight text-pine-800">{t("heading")}</h1>
        <p className="mt-2 text-ink-soft">{t("intro")}</p>
      </section>
      <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" data-testid="catalog">
        {PRODUCTS.map((product) => {
          const text = productText(product, locale);
          const other = locale === "zh-CN" ? product.name : product.nameZh;
          return (
            <li key={product.id}>
              <Link
                href={`/products/${product.id}`}
                className="group block rounded-xl bg-white p-3 shadow-sm ring-1 ring-pine-100 transition hover:shadow-md"
                data-testid={`product-${product.id}`}
              >
                <Image unoptimized src={product.image} alt="" width={400} height={400} className="aspect-square w-full rounded-lg" />
                <h2 className="mt-3 text-sm font-medium leading-snug group-hover:text-pine-700">{text.name}</h2>
                <p className="text-xs text-ink-soft" lang={locale === "zh-CN" ? "en" : "zh-CN"}>
                  {other}
                </p>
                <p className="mt-1 font-semibold" data-testid="product-price">
                  <Money amount={product.prices[currency]} currency={currency} />
                </p>
              </Link>
            </li>
          );
        })}
      </ul>
    </>
  );
}
