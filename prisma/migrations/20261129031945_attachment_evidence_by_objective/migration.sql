-- DropForeignKey
ALTER TABLE "Attachment" DROP CONSTRAINT "Attachment_objectiveAssessmentId_fkey";

-- DropIndex
DROP INDEX "Attachment_applicationId_idx";

-- AlterTable
ALTER TABLE "Attachment" DROP COLUMN "objectiveAssessmentId",
ADD COLUMN     "objectiveId" UUID;

-- CreateIndex
CREATE INDEX "Attachment_applicationId_objectiveId_idx" ON "Attachment"("applicationId", "objectiveId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: a file is evidence for an objective or attached to a message, not both.
ALTER TABLE "Attachment"
  ADD CONSTRAINT "Attachment_single_owner" CHECK (num_nonnulls("objectiveId", "messageId") <= 1);
