/**
 * Where proxy.ts keeps the forwarding headers of each request as the network sent them, before
 * removing them so that Next.js fills X-Forwarded-For with the socket's address. proxy.ts sets or
 * deletes these on every request: a client cannot choose their value.
 */
export const KEPT_FORWARDING_HEADERS = {
  "x-forwarded-for": "x-hospiconnect-forwarded-for",
  "x-real-ip": "x-hospiconnect-real-ip",
} as const;
