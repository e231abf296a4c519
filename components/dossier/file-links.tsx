import { formatFileSize } from "@/lib/attachments/file-size";
import { formatParisDateTime } from "@/lib/time/paris";

/** A file as a list shows it; `addedAt`, if known, as `formatParisDateTime` writes it. */
export type LinkedFile = { id: string; fileName: string; sizeBytes: number; addedAt?: string };

/**
 * A file's download link (served as an attachment, behind the access policy), its size and when it
 * was added: one way for every list of files, the applicant's editable one and the readers'.
 */
export function FileLink({ file }: { file: LinkedFile }) {
  return (
    <>
      <a href={`/api/attachments/${file.id}`}>{file.fileName}</a> ({formatFileSize(file.sizeBytes)}
      {file.addedAt ? `, ajouté le ${file.addedAt}` : ""})
    </>
  );
}

/**
 * Download links of a dossier's files. A file read with its `createdAt` shows when it was added
 * (the dossier's own files, as its reviewers and its director read them); a message's files are
 * dated by their message.
 */
export function FileLinks({ files }: { files: ReadonlyArray<Omit<LinkedFile, "addedAt"> & { createdAt?: Date }> }) {
  if (files.length === 0) return null;
  return (
    <ul>
      {files.map(({ createdAt, ...file }) => (
        <li key={file.id}>
          <FileLink file={{ ...file, addedAt: createdAt ? formatParisDateTime(createdAt) : undefined }} />
        </li>
      ))}
    </ul>
  );
}
