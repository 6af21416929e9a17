"use client";

import { QRCodeSVG } from "qrcode.react";

/** The payment QR code, with a text alternative that says what it is for and what to do with it. */
export function AlipayQr({ url, description }: { url: string; description: string }) {
  return (
    <div role="img" aria-label={description} className="inline-block rounded-xl bg-white p-3 shadow-sm ring-1 ring-alipay/20" data-testid="alipay-qr">
      <QRCodeSVG value={url} size={232} level="M" marginSize={2} title={description} />
    </div>
  );
}
