-- AlterTable
ALTER TABLE "RosterImport" ADD COLUMN     "content" BYTEA,
ADD COLUMN     "corrections" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "unchanged" INTEGER NOT NULL DEFAULT 0;
