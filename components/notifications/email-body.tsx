import { Fragment } from "react";

const LINK = /^https?:\/\/\S+$/;

/** A plain-text e-mail as it reads: its paragraphs, and the lines that are addresses as links. */
export function EmailBody({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index}>
          {paragraph.split("\n").map((line, lineIndex) => (
            <Fragment key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {LINK.test(line) ? <a href={line}>{line}</a> : line}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}
