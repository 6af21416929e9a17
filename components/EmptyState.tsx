import Link from "next/link";

/** A page with nothing to show: say so, and offer the way back. Never a dead end. */
export function EmptyState({ title, text, linkLabel, href = "/", testId }: { title: string; text: string; linkLabel: string; href?: string; testId?: string }) {
  return (
    <section className="py-16 text-center" data-testid={testId}>
      <h1 className="text-2xl font-semibold text-pine-800">{title}</h1>
      <p className="mt-2 text-ink-soft">{text}</p>
      <Link href={href} className="mt-6 inline-block rounded-lg bg-pine-700 px-5 py-2.5 font-medium text-white hover:bg-pine-800">
        {linkLabel}
      </Link>
    </section>
  );
}
