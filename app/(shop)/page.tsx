import Image from "next/image";
import Link from "next/link";
import { Money } from "@/components/Money";
import { PRODUCTS } from "@/lib/checkout/catalog";

export default function CatalogPage() {
  return (
    <>
      <section className="mb-8">
        <h1 className="text-3xl font-semibold tracking-tight text-pine-800">Tea and tea-ware from Hangzhou to Yixing</h1>
        <p className="mt-2 text-ink-soft">Small-batch teas and the things to brew them in. Pay with Alipay, by QR code or in the app.</p>
      </section>
      <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" data-testid="catalog">
        {PRODUCTS.map((product) => (
          <li key={product.id}>
            <Link
              href={`/products/${product.id}`}
              className="group block rounded-xl bg-white p-3 shadow-sm ring-1 ring-pine-100 transition hover:shadow-md"
              data-testid={`product-${product.id}`}
            >
              <Image unoptimized src={product.image} alt="" width={400} height={400} className="aspect-square w-full rounded-lg" />
              <h2 className="mt-3 text-sm font-medium leading-snug group-hover:text-pine-700">{product.name}</h2>
              <p className="text-xs text-ink-faint" lang="zh-CN">{product.nameZh}</p>
              <p className="mt-1 font-semibold">
                <Money amount={product.prices.CNY} currency="CNY" />
              </p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
