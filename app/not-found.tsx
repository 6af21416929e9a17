import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold text-pine-800">{t("title")}</h1>
      <p className="mt-2 text-ink-soft">{t("text")}</p>
      <Link href="/" className="mt-6 inline-block rounded-lg bg-pine-700 px-5 py-2.5 font-medium text-white">
        {t("home")}
      </Link>
    </main>
  );
}
