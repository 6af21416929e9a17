import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { config } from "@/lib/config";
import { getSandbox } from "@/lib/runtime";
import { deliveryLog } from "@/lib/sandbox/webhooks";

export const metadata: Metadata = { title: "Webhook deliveries · WooshPay sandbox" };
export const dynamic = "force-dynamic";

const time = (ms: number) => new Date(ms).toISOString().replace("T", " ").slice(0, 23);

/** The sandbox's delivery log: every event sent to every endpoint, with each try and its answer. */
export default async function WebhookDeliveriesPage() {
  if (!config().sandboxEnabled) notFound();
  const log = await deliveryLog(await getSandbox(), 100);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Webhook deliveries</h1>
      <p className="mt-1 text-sm text-ink-soft">WooshPay sandbox. Newest first; failed tries are retried with back-off (18 tries over 72 hours).</p>
      {log.length === 0 ? (
        <p className="mt-6">No events yet. Make a payment in the shop.</p>
      ) : (
        <table className="mt-6 w-full text-left text-sm" data-testid="deliveries">
          <thead className="border-b text-ink-soft">
            <tr>
              <th className="py-2 pr-4 font-medium">Event</th>
              <th className="py-2 pr-4 font-medium">Endpoint</th>
              <th className="py-2 pr-4 font-medium">Status</th>
              <th className="py-2 font-medium">Tries (time, answer, duration)</th>
            </tr>
          </thead>
          <tbody>
            {log.map((d) => (
              <tr key={d.id} className="border-b align-top">
                <td className="py-2 pr-4">
                  <div className="font-medium">{d.eventType}</div>
                  <div className="font-mono text-xs text-ink-faint">{d.eventId}</div>
                </td>
                <td className="py-2 pr-4 font-mono text-xs break-all">{d.endpointUrl}</td>
                <td className="py-2 pr-4">
                  <span className={d.status === "succeeded" ? "text-green-700" : d.status === "failed" ? "text-red-700" : "text-sandbox"}>{d.status}</span>
                  {d.nextAttemptAt && <div className="text-xs text-ink-faint">next {time(d.nextAttemptAt)}</div>}
                </td>
                <td className="py-2 font-mono text-xs">
                  {d.attempts.map((a) => (
                    <div key={a.number}>
                      #{a.number} {time(a.attemptedAt)} → {a.statusCode ?? a.error ?? "no answer"} in {a.durationMs} ms
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
