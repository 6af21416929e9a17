"use client";

import { useEffect, useState } from "react";

function remaining(until: number): number {
  return Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

/** Time left to pay. Not announced every second (that would drown a screen reader); the status line is. */
export function Countdown({ until, onExpire }: { until: number; onExpire?: () => void }) {
  const [seconds, setSeconds] = useState<number | null>(null);
  useEffect(() => {
    setSeconds(remaining(until));
    const timer = setInterval(() => {
      const left = remaining(until);
      setSeconds(left);
      if (left === 0) {
        clearInterval(timer);
        onExpire?.();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [until, onExpire]);
  if (seconds === null) return null;
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  return (
    <span role="timer" aria-live="off" className="tabular-nums font-medium" data-testid="countdown">
      {text}
    </span>
  );
}
