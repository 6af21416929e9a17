import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddToCartForm } from "@/components/AddToCartForm";
import { Money } from "@/components/Money";
import { findProduct, PRODUCTS } from "@/lib/checkout/catalog";

type Props = { params: Promise<{ id: string }> };

export function generateStaticParams() {
  return PRODUCTS.map((p) => ({ id: p.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = findProduct((await params).id);
  return { title: product?.name ?? "Not found" };
}

export default async function ProductPage({ params }: Props) {
  const product = findProduct((await params).id);
  if (!product) notFound();
  return (
    <article className="grid gap-8 md:grid-cols-2">
      <Image unoptimized src={product.image} alt={product.name} width={800} height={800} className="w-full rounded-2xl bg-white shadow-sm" priority />
      <div>
        <Link href="/" className="text-sm text-ink-faint hover:underline">
          ← All products
        </Link>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-pine-800">{product.name}</h1>
        <p className="text-ink-faint" lang="zh-CN">{product.nameZh}</p>
        <p className="mt-4 text-2xl font-semibold" data-testid="price">
          <Money amount={product.prices.CNY} currency="CNY" />
        </p>
        <p className="mt-4 leading-relaxed text-ink-soft">{product.description}</p>
        <AddToCartForm productId={product.id} />
      </div>
    </article>
  );
}
