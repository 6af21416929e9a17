/** A simple rendering of Alipay's blue "支" mark, drawn here so nothing is fetched at run time. */
export function AlipayMark({ size = 24, className }: { size?: number; className?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" className={className}>
      <rect width="48" height="48" rx="10" fill="#1677ff" />
      <text x="24" y="34" textAnchor="middle" fontSize="28" fontWeight="700" fill="#fff" fontFamily="system-ui, sans-serif">
        支
      </text>
    </svg>
  );
}
