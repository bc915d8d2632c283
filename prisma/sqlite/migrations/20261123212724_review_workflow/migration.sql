-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "answer" TEXT;
ALTER TABLE "Comment" ADD COLUMN "answeredAt" DATETIME;

-- CreateTable
CREATE TABLE "ReportSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "sectionVersions" TEXT NOT NULL,
    "submittedById" TEXT,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReportSubmission_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportSubmission_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "reportId" TEXT,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommentTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "useCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CommentTemplate_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "countyCode" TEXT NOT NULL,
    "schemeId" TEXT NOT NULL,
    "schemeCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "completeness" INTEGER NOT NULL DEFAULT 0,
    "problemCount" INTEGER NOT NULL DEFAULT 0,
    "summary" TEXT,
    "reviewStage" TEXT,
    "submittedAt" DATETIME,
    "acceptedAt" DATETIME,
    "round" INTEGER NOT NULL DEFAULT 0,
    "copiedFromId" TEXT,
    "lastEditedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastEditedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Report_countyCode_fkey" FOREIGN KEY ("countyCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Report_schemeId_fkey" FOREIGN KEY ("schemeId") REFERENCES "Scheme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Report" ("completeness", "copiedFromId", "countyCode", "createdAt", "id", "lastEditedAt", "lastEditedById", "problemCount", "schemeCode", "schemeId", "status", "updatedAt", "year") SELECT "completeness", "copiedFromId", "countyCode", "createdAt", "id", "lastEditedAt", "lastEditedById", "problemCount", "schemeCode", "schemeId", "status", "updatedAt", "year" FROM "Report";
DROP TABLE "Report";
ALTER TABLE "new_Report" RENAME TO "Report";
CREATE INDEX "Report_schemeCode_year_idx" ON "Report"("schemeCode", "year");
CREATE UNIQUE INDEX "Report_countyCode_schemeCode_key" ON "Report"("countyCode", "schemeCode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ReportSubmission_reportId_round_key" ON "ReportSubmission"("reportId", "round");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "CommentTemplate_ownerId_idx" ON "CommentTemplate"("ownerId");

