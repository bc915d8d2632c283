-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "explanationReviews" TEXT NOT NULL DEFAULT '{}';

