-- AlterTable
ALTER TABLE "RosterImport" ADD COLUMN     "summary" JSONB;
