-- AlterTable
ALTER TABLE "Establishment" ADD COLUMN     "entitlementProcedureAdoptedOn" DATE;
