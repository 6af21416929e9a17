import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "@/lib/db";
import { receiveWebhook } from "@/lib/orders";

export interface Receiver {
  url: string;
  /** While > 0, answers 500 and counts down, as a route that is failing for a while. */
  failNext: number;
  received: number;
  close: () => Promise<void>;
}

/** The app's webhook handling on a real HTTP port, as the route serves it. */
export async function startWebhookReceiver(db: Db, secret: string, nowSeconds?: () => number): Promise<Receiver> {
  const receiver: Receiver = { url: "", failNext: 0, received: 0, close: async () => {} };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    receiver.received++;
    if (receiver.failNext > 0) {
      receiver.failNext--;
      res.writeHead(500).end("temporarily broken");
      return;
    }
    const header = req.headers["wooshpay-signature"];
    const reply = await receiveWebhook({ db, secret, nowSeconds: nowSeconds?.() }, Buffer.concat(chunks).toString("utf8"), typeof header === "string" ? header : null);
    res.writeHead(reply.status, { "Content-Type": "application/json" }).end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/wooshpay`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}
