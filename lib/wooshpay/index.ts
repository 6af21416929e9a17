export { WooshPay, type RequestOptions, type WooshPayOptions } from "./client";
export * from "./errors";
export * from "./schemas";
export * from "./webhooks";
