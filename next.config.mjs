// @ts-check
import { tsImport } from "tsx/esm/api";

// Settings are parsed once, by lib/config/env.ts, and this file is plain JavaScript: it loads the
// TypeScript modules it needs through tsx (which also runs `npm start` and the scripts).
const { STATIC_FILE_CSP, STATIC_SECURITY_HEADERS } = await tsImport("./lib/security/csp.ts", import.meta.url);
const { largestRequestBodyBytes } = await tsImport("./lib/config/upload-limits.ts", import.meta.url);

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: true,
  // `npm test` type-checks the whole project (tsc --noEmit) before building: not twice.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // proxy.ts runs before every route, so Next.js buffers request bodies for it, and cuts them at
    // 10 MiB by default: attachments and roster files of the configured sizes must get through.
    proxyClientMaxBodySize: largestRequestBodyBytes(),
  },
  async headers() {
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      // The paths proxy.ts's matcher leaves out; everything else gets the proxy's policy, with its nonce.
      { source: "/:file(_next/static/.*|favicon.*|robots\\.txt)", headers: [{ key: "Content-Security-Policy", value: STATIC_FILE_CSP }] },
    ];
  },
};

export default nextConfig;
