"use client";

import { useCallback, useRef, useState } from "react";
import useSWR from "swr";
import type { OrderStatusView } from "@/lib/orders/view";

async function fetchStatus([url]: readonly [string, number]): Promise<OrderStatusView> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`Status check failed (HTTP ${response.status})`);
  return (await response.json()) as OrderStatusView;
}

const FIRST_INTERVAL_MS = 1000;

/**
 * Follows an order until it is final: polls quickly at first, then backs off to `maxIntervalMs`, and
 * gives up after `giveUpAfterMs` (the caller offers "check again", which starts over). SWR also checks
 * again when the tab regains focus, which is exactly when a shopper comes back from the Alipay app.
 */
export function useOrderStatus(initial: OrderStatusView, options: { maxIntervalMs: number; giveUpAfterMs: number }) {
  const startedAt = useRef(Date.now());
  const polls = useRef(0);
  const [gaveUp, setGaveUp] = useState(false);

  // Keyed by attempt too: after "pay again" the last attempt's final answer must not be served from cache.
  const key = [`/api/orders/${encodeURIComponent(initial.orderId)}/status`, initial.attempt] as const;
  const { data, error, mutate } = useSWR(key, fetchStatus, {
    fallbackData: initial,
    dedupingInterval: 500,
    refreshInterval: (latest) => {
      if (latest?.final || gaveUp) return 0;
      return Math.min(options.maxIntervalMs, FIRST_INTERVAL_MS * 1.25 ** polls.current);
    },
    onSuccess: (latest) => {
      polls.current += 1;
      if (!latest.final && Date.now() - startedAt.current > options.giveUpAfterMs) setGaveUp(true);
    },
  });

  const checkAgain = useCallback(() => {
    startedAt.current = Date.now();
    polls.current = 0;
    setGaveUp(false);
    void mutate();
  }, [mutate]);

  return { view: data ?? initial, error: error as Error | undefined, gaveUp, checkAgain };
}
