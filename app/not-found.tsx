import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/EmptyState";

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <main className="mx-auto max-w-xl px-4 py-8">
      <EmptyState title={t("title")} text={t("text")} linkLabel={t("home")} />
    </main>
  );
}
