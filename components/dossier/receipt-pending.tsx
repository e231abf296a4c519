"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const REFRESH_MS = 3_000;

/**
 * Said while the receipt of a fresh submission is being rendered by the job queue (a few seconds,
 * longer on a deadline's rush): the page reloads its data until the download link replaces it.
 */
export function ReceiptPending() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);
  // Inside the « Dossier déposé » alert, itself a live region: the link that replaces it is announced.
  return <span>L&apos;accusé de réception est en cours de génération : il sera téléchargeable ici dans quelques instants.</span>;
}
