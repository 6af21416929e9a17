export * from "./ledger";
export * from "./state";
export * from "./view";
