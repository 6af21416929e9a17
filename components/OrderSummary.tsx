import { Money } from "./Money";

interface Line {
  key: string;
  name: string;
  quantity: number;
  lineAmount: number;
}

export function OrderSummary({ lines, total, currency, title, totalLabel }: { lines: Line[]; total: number; currency: string; title: string; totalLabel: string }) {
  return (
    <section aria-label={title} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-pine-100">
      <h2 className="font-semibold">{title}</h2>
      <ul className="mt-3 space-y-2 text-sm">
        {lines.map((line) => (
          <li key={line.key} className="flex justify-between gap-4">
            <span>
              {line.name} <span className="whitespace-nowrap text-ink-soft">× {line.quantity}</span>
            </span>
            <Money amount={line.lineAmount} currency={currency} />
          </li>
        ))}
      </ul>
      <p className="mt-4 flex justify-between border-t border-pine-100 pt-3 font-semibold">
        <span>{totalLabel}</span>
        <Money amount={total} currency={currency} data-testid="summary-total" />
      </p>
    </section>
  );
}
