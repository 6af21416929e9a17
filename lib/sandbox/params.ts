import type { z } from "zod";
import { invalidParam } from "./errors";

/** `payment_method_options[alipay][terminal_type]`: how WooshPay names a nested parameter. */
function paramName(path: PropertyKey[]): string {
  const [first, ...rest] = path.map(String);
  return `${first ?? ""}${rest.map((p) => `[${p}]`).join("")}`;
}

/** Validates a request body; the first problem becomes a 400 naming its parameter. */
export function parseOrThrow<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const param = paramName(issue.path);
  const missing = issue.code === "invalid_type" && issue.message.includes("received undefined");
  throw invalidParam(param, missing ? `Missing required param: ${param}.` : issue.message, missing ? "parameter_missing" : "parameter_invalid");
}
