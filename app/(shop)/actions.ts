"use server";

import { redirect } from "next/navigation";
import { rememberCurrency, rememberLocale } from "@/lib/preferences";

/** Only paths on this site, so the form cannot be turned into an open redirect. */
function backTo(formData: FormData): string {
  const path = String(formData.get("returnTo") ?? "/");
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

export async function setLocaleAction(formData: FormData): Promise<void> {
  await rememberLocale(String(formData.get("locale") ?? ""));
  redirect(backTo(formData));
}

export async function setCurrencyAction(formData: FormData): Promise<void> {
  await rememberCurrency(String(formData.get("currency") ?? ""));
  redirect(backTo(formData));
}
