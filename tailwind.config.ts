import type { Config } from "tailwindcss";

/** The shop's theme. Tailwind 4 reads it through `@config` in app/globals.css. */
export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        // Lotus & Pine: ink, pine and a warm paper background.
        ink: { DEFAULT: "#1f2a2e", soft: "#4a575c", faint: "#5f6b70" },
        pine: { 50: "#eef6f1", 100: "#d5eadd", 600: "#2f6b4f", 700: "#245840", 800: "#1b4431" },
        paper: "#faf7f2",
        // Alipay's own blue, for everything that belongs to the payment step.
        // Buttons use the darker shades: white text on #1677ff is below WCAG's 4.5:1.
        alipay: { DEFAULT: "#1677ff", dark: "#0e5fd8", darker: "#0a4fb8", light: "#e8f1ff" },
        sandbox: { DEFAULT: "#92400e", light: "#fef3c7" },
      },
      fontFamily: {
        sans: ["system-ui", "-apple-system", "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "sans-serif"],
      },
    },
  },
} satisfies Config;
