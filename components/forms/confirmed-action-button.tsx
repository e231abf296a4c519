"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import type { Route } from "next";
import { usePathname, useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { callApi } from "@/lib/http/api-client";
import { useFocusBack } from "./use-focus-back";

/**
 * A DELETE (or a PATCH, `method`) confirmed first, whose row leaves or changes once it is done: the
 * page is then reached again with the query parameter `done` (stamped with the time, so that a
 * second action in a row is a new arrival), where it says what was done and gives that message the
 * focus (`FocusOnArrival`). A refusal is announced beside the button, which gets the focus back.
 * When the record deleted is the page itself, `returnTo` is the page that says so instead; `body`
 * is what the request sends (an expected version, a new role).
 */
export function ConfirmedActionButton({
  url,
  question,
  done,
  returnTo,
  body,
  method = "DELETE",
  children,
}: {
  url: string;
  question: string;
  done: string;
  returnTo?: Route;
  body?: unknown;
  method?: "DELETE" | "PATCH";
  children: ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const focusBackTo = useFocusBack(pending);

  async function confirmAndSend(button: HTMLButtonElement) {
    if (!window.confirm(question)) return;
    focusBackTo(button);
    setPending(true);
    setError(null);
    try {
      await callApi(url, method, body);
      if (returnTo) {
        router.push(`${returnTo}?${done}=${Date.now()}` as Route);
        return;
      }
      // The page the button is on: typed routes know no query string.
      router.replace(`${pathname}?${done}=${Date.now()}` as Route, { scroll: false });
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button size="small" priority="tertiary" disabled={pending} onClick={(event) => void confirmAndSend(event.currentTarget)}>
        {children}
      </Button>
      {error ? (
        <p className="fr-error-text" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
