import contentDisposition from "content-disposition";

function downloadHeaders(fileName: string, mimeType: string): Record<string, string> {
  // The name for browsers that do not read `filename*`: accents dropped, dashes (« – ») as « - »,
  // and the spaces a dropped character leaves run together as one.
  const ascii =
    fileName
      .normalize("NFD")
      .replace(/\p{Pd}/gu, "-")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_")
      .replace(/ {2,}/g, " ")
      .trim() || "fichier";
  return {
    "Content-Type": mimeType,
    // `filename*` as RFC 8187 writes it, by Express's own library: `encodeURIComponent` leaves the
    // apostrophe of « d'engagement » as it is, and Chromium, refusing such a `filename*`, fell back
    // to the ASCII name.
    "Content-Disposition": contentDisposition(fileName, { fallback: ascii }),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
}

/**
 * A download: always as an attachment (never rendered by the browser inside our origin), with the
 * type from our records and nosniff, and the name encoded for any character (RFC 6266 / 8187).
 */
export function fileResponse(bytes: Uint8Array, fileName: string, mimeType: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: { ...downloadHeaders(fileName, mimeType), "Content-Length": String(bytes.byteLength) },
  });
}

/** The same download, streamed while it is produced (no length known in advance). */
export function streamedFileResponse(stream: ReadableStream<Uint8Array>, fileName: string, mimeType: string): Response {
  return new Response(stream, { headers: downloadHeaders(fileName, mimeType) });
}
