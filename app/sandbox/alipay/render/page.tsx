import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

type Props = { searchParams: Promise<{ scheme?: string }> };

/**
 * Stands in for render.alipay.com, which opens the Alipay app through the `alipays://` scheme. Here
 * the "app" is the sandbox's wallet page, so the hand-off is a redirect to it.
 */
export default async function RenderPage({ searchParams }: Props) {
  const scheme = (await searchParams).scheme ?? "";
  let code: string | null = null;
  try {
    code = new URL(scheme).searchParams.get("qrcode");
  } catch {
    code = null;
  }
  if (!code) {
    return <h1 className="text-xl font-semibold">{(await getTranslations("Sandbox"))("badLink")}</h1>;
  }
  redirect(`/sandbox/alipay/wallet?code=${encodeURIComponent(code)}`);
}
