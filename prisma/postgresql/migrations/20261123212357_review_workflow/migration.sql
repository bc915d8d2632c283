-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "summary" TEXT;

