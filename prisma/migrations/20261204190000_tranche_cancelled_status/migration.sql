-- AlterEnum
ALTER TYPE "TrancheStatus" ADD VALUE 'CANCELLED';
