-- The uploaded file moves from the row (a bytea, which held the embedded database's one session for
-- minutes when large) to the file storage. A migration cannot write to the storage: previews still
-- waiting for their commit expire as the daily pass expires them (file, corrections and summary
-- dropped); their page says so and the director imports the file again.
UPDATE "RosterImport"
SET "status" = 'FAILED', "content" = NULL, "corrections" = '{}', "summary" = NULL
WHERE "status" = 'PREVIEWED';

-- AlterTable
ALTER TABLE "RosterImport" DROP COLUMN "content",
ADD COLUMN     "storageKey" TEXT;

-- A preview has its file; a committed or expired import has none left.
ALTER TABLE "RosterImport"
  ADD CONSTRAINT "RosterImport_file_while_previewed" CHECK (("status" = 'PREVIEWED') = ("storageKey" IS NOT NULL));
