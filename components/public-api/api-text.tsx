import { Fragment } from "react";

/**
 * A description of the OpenAPI document as the page shows it: the document's texts are CommonMark,
 * where `backquotes` mark code; the page renders those as code instead of showing the backquotes.
 */
export function ApiText({ text }: { text: string }) {
  return text
    .split(/`([^`]+)`/)
    .map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : <Fragment key={index}>{part}</Fragment>));
}
