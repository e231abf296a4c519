"use client";

import { Upload, type UploadProps } from "@codegouvfr/react-dsfr/Upload";

/**
 * react-dsfr's file field, which describes its input by the id of its error or success message
 * even when there is none on the page: a screen reader is pointed at nothing (RGAA 11.10). The
 * input refers to the message only while one is shown, and says it is invalid while the message is
 * an error; every file field of the app goes through here.
 */
export function UploadField(props: UploadProps) {
  const messageShown = props.state === "error" || props.state === "success";
  if (messageShown) {
    return (
      <Upload {...props} nativeInputProps={{ ...props.nativeInputProps, ...(props.state === "error" ? { "aria-invalid": true } : {}) }} />
    );
  }
  // react-dsfr spreads these props last: an explicit key, even undefined, replaces its reference.
  return (
    <Upload {...props} nativeInputProps={{ ...props.nativeInputProps, "aria-describedby": props.nativeInputProps?.["aria-describedby"] }} />
  );
}
