-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'CANCELLED';
