import { formatFileSize } from "@/lib/attachments/file-size";

/** Download links of a dossier's files (served as attachments, behind the access policy). */
export function FileLinks({ files }: { files: ReadonlyArray<{ id: string; fileName: string; sizeBytes: number }> }) {
  if (files.length === 0) return null;
  return (
    <ul>
      {files.map((file) => (
        <li key={file.id}>
          <a href={`/api/attachments/${file.id}`} download>
            {file.fileName}
          </a>{" "}
          ({formatFileSize(file.sizeBytes)})
        </li>
      ))}
    </ul>
  );
}
