-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "sectionKey" TEXT;

