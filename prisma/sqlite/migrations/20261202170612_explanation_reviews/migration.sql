-- AlterTable (written as ADD COLUMN instead of Prisma's table rebuild: same result, the Report table is not copied)
ALTER TABLE "Report" ADD COLUMN "explanationReviews" TEXT NOT NULL DEFAULT '{}';
