import { config } from "@/lib/config";
import { handleSandboxApi } from "@/lib/sandbox/router";
import { getSandbox } from "@/lib/runtime";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

/** The embedded WooshPay API at `/sandbox/v1/…`; with real keys configured it is not there at all. */
async function handle(request: Request, { params }: Context): Promise<Response> {
  if (!config().sandboxEnabled) return new Response("Not Found", { status: 404 });
  const { path } = await params;
  return handleSandboxApi(await getSandbox(), request, `/v1/${path.join("/")}`);
}

export { handle as DELETE, handle as GET, handle as POST };
