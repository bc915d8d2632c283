-- AlterTable
ALTER TABLE "Scheme" ADD COLUMN "basedOnId" TEXT;
ALTER TABLE "Scheme" ADD COLUMN "regionCode" TEXT;

-- CreateTable
CREATE TABLE "SchemeDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "basedOnId" TEXT,
    "definition" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "publishedSchemeId" TEXT
);

-- CreateIndex
CREATE INDEX "SchemeDraft_regionCode_idx" ON "SchemeDraft"("regionCode");

