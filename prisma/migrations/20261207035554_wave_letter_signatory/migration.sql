-- AlterTable
ALTER TABLE "Wave" ADD COLUMN     "letterSignatoryName" TEXT,
ADD COLUMN     "letterSignatoryTitle" TEXT;


-- A letter names its author whole (CRPA art. L. 212-1): a name without a title, or the reverse, is never stored.
ALTER TABLE "Wave" ADD CONSTRAINT "Wave_letterSignatory_whole" CHECK (("letterSignatoryName" IS NULL) = ("letterSignatoryTitle" IS NULL));
