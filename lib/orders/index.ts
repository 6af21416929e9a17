export * from "./ledger";
export * from "./state";
export * from "./view";
export * from "./webhook-events";
export * from "./webhook-handler";
