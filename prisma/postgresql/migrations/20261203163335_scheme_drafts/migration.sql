-- AlterTable
ALTER TABLE "Scheme" ADD COLUMN     "basedOnId" TEXT,
ADD COLUMN     "regionCode" TEXT;

-- CreateTable
CREATE TABLE "SchemeDraft" (
    "id" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "basedOnId" TEXT,
    "definition" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedSchemeId" TEXT,

    CONSTRAINT "SchemeDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SchemeDraft_regionCode_idx" ON "SchemeDraft"("regionCode");

