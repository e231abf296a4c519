/**
 * A download: always as an attachment (never rendered by the browser inside our origin), with the
 * type from our records and nosniff, and the name encoded for any character (RFC 6266 / 5987).
 */
export function fileResponse(bytes: Uint8Array, fileName: string, mimeType: string): Response {
  const ascii = fileName.normalize("NFD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_") || "fichier";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
