const createNextIntlPlugin = require("next-intl/plugin");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and Node-only modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "pg"],
};

// Languages come from ./i18n/request.ts (a cookie, else Accept-Language); URLs carry no locale.
module.exports = createNextIntlPlugin("./i18n/request.ts")(nextConfig);
