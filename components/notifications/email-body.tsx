import { Fragment } from "react";
import { textWithLinks } from "@/lib/notifications/text-links";

/** A plain-text e-mail as it reads: its paragraphs, and its web addresses as links. */
export function EmailBody({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index}>
          {paragraph.split("\n").map((line, lineIndex) => (
            <Fragment key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {textWithLinks(line).map((part, partIndex) =>
                "href" in part ? (
                  <a key={partIndex} href={part.href}>
                    {part.href}
                  </a>
                ) : (
                  <Fragment key={partIndex}>{part.text}</Fragment>
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}
