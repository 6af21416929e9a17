import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SANDBOX_SECRET_KEY } from "@/lib/config";
import type { Db } from "@/lib/db";
import type { SandboxContext } from "@/lib/sandbox/context";
import { handleSandboxApi } from "@/lib/sandbox/router";
import { openTestDb } from "./test-db";

export interface RunningSandbox {
  url: string;
  db: Db;
  ctx: SandboxContext;
  clock: { now: number };
  /** A second, independent handle on the same database: another app instance. */
  connectAgain: () => Db;
  engine: "sqlite" | "postgres";
  close: () => Promise<void>;
}

/** The sandbox API on a real HTTP port with a fresh database and a clock the test moves. */
export async function startSandbox(options: { timeoutSeconds?: number } = {}): Promise<RunningSandbox> {
  const testDb = await openTestDb();
  const db = testDb.db;
  const clock = { now: Date.now() };
  const ctx: SandboxContext = {
    db,
    publicBaseUrl: "http://127.0.0.1/sandbox",
    apiKeys: [SANDBOX_SECRET_KEY],
    timeoutSeconds: options.timeoutSeconds ?? 840,
    now: () => clock.now,
    merchantName: "Test Merchant",
  };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = `http://127.0.0.1${req.url ?? "/"}`;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new Request(url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const response = await handleSandboxApi(ctx, request, new URL(url).pathname.replace(/^\/sandbox/, ""));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  ctx.publicBaseUrl = `http://127.0.0.1:${port}/sandbox`;
  return {
    url: ctx.publicBaseUrl,
    db,
    ctx,
    clock,
    connectAgain: testDb.connectAgain,
    engine: testDb.engine,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await testDb.drop();
    },
  };
}
