import { useLocale } from "next-intl";
import { formatMoney } from "@/lib/money";

export function Money({ amount, currency, className, ...rest }: { amount: number; currency: string; className?: string; "data-testid"?: string }) {
  const locale = useLocale();
  return (
    <span className={`tabular-nums ${className ?? ""}`} {...rest}>
      {formatMoney({ amount, currency }, locale)}
    </span>
  );
}
