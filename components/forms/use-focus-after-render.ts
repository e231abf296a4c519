"use client";

import { type RefObject, useEffect, useState } from "react";

/**
 * A function that gives the focus to `target` after the render of the state set with it: a file
 * field that refuses a file takes the focus with its message, even when it was disabled while the
 * file was sent and only that render enables it again (a disabled field cannot take the focus).
 */
export function useFocusAfterRender(target: RefObject<HTMLElement | null>): () => void {
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests > 0) target.current?.focus();
  }, [requests, target]);
  return () => setRequests((count) => count + 1);
}
