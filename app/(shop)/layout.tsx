import Link from "next/link";
import type { ReactNode } from "react";
import { config } from "@/lib/config";
import { readCart } from "@/lib/checkout/cart-store";

export default async function ShopLayout({ children }: { children: ReactNode }) {
  const count = (await readCart()).reduce((sum, item) => sum + item.quantity, 0);
  const { sandboxEnabled } = config();
  return (
    <div className="flex min-h-screen flex-col">
        {sandboxEnabled && (
          <p className="bg-sandbox-light text-sandbox text-center text-xs py-1 px-4">
            Test mode: payments go to the embedded WooshPay sandbox. No real money moves.
          </p>
        )}
        <header className="border-b border-pine-100 bg-white/80">
          <nav aria-label="Main" className="mx-auto max-w-5xl flex items-center justify-between px-4 h-14">
            <Link href="/" className="font-semibold text-lg text-pine-800 tracking-tight">
              Lotus &amp; Pine <span className="text-ink-faint font-normal text-sm">莲松茶舍</span>
            </Link>
            <Link href="/cart" className="rounded-full px-3 py-1.5 text-sm font-medium hover:bg-pine-50" data-testid="cart-link">
              Cart <span className="ml-1 inline-block min-w-6 rounded-full bg-pine-700 px-1.5 text-center text-white" data-testid="cart-count">{count}</span>
              <span className="sr-only"> items</span>
            </Link>
          </nav>
        </header>
        <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">{children}</main>
        <footer className="border-t border-pine-100 py-6 text-center text-xs text-ink-faint">
          Lotus &amp; Pine · Payments by WooshPay with Alipay
        </footer>
    </div>
  );
}
