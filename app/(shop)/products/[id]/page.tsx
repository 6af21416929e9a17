import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AddToCartForm } from "@/components/AddToCartForm";
import { Money } from "@/components/Money";
import { findProduct, productText } from "@/lib/checkout/catalog";
import { readCurrency } from "@/lib/preferences";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = findProduct((await params).id);
  if (!product) return { title: (await getTranslations("Product"))("notFound") };
  return { title: productText(product, await getLocale()).name };
}

export default async function ProductPage({ params }: Props) {
  const product = findProduct((await params).id);
  if (!product) notFound();
  const t = await getTranslations("Product");
  const locale = await getLocale();
  const currency = await readCurrency();
  const text = productText(product, locale);
  return (
    <article className="grid gap-8 md:grid-cols-2">
      <Image unoptimized src={product.image} alt={text.name} width={800} height={800} className="w-full rounded-2xl bg-white shadow-sm" priority />
      <div>
        <Link href="/" className="text-sm text-ink-soft hover:underline">
          {t("back")}
        </Link>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-pine-800">{text.name}</h1>
        <p className="text-ink-soft" lang={locale === "zh-CN" ? "en" : "zh-CN"}>
          {locale === "zh-CN" ? product.name : product.nameZh}
        </p>
        <p className="mt-4 text-2xl font-semibold" data-testid="price">
          <Money amount={product.prices[currency]} currency={currency} />
        </p>
        <p className="mt-4 leading-relaxed text-ink-soft">{text.description}</p>
        <AddToCartForm productId={product.id} />
      </div>
    </article>
  );
}
