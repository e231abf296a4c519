-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "cancelledById" UUID;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_cancelledById_fkey" FOREIGN KEY ("cancelledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
