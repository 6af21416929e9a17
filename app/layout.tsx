import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Lotus & Pine — Chinese tea and tea-ware", template: "%s · Lotus & Pine" },
  description: "Tea and tea-ware, paid with Alipay through WooshPay.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#245840" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
