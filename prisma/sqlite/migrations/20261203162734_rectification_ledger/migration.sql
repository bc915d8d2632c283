-- CreateTable
CREATE TABLE "LedgerItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "owner" TEXT NOT NULL DEFAULT '',
    "deadline" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT '未启动',
    "evidenceText" TEXT NOT NULL DEFAULT '',
    "evidenceId" TEXT,
    "explanation" TEXT NOT NULL DEFAULT '',
    "review" TEXT,
    "reviewReason" TEXT NOT NULL DEFAULT '',
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "closedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LedgerItem_countyCode_fkey" FOREIGN KEY ("countyCode") REFERENCES "Region" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LedgerItem_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "LedgerItem_key_key" ON "LedgerItem"("key");

-- CreateIndex
CREATE INDEX "LedgerItem_countyCode_year_idx" ON "LedgerItem"("countyCode", "year");

-- CreateIndex
CREATE INDEX "LedgerItem_reportId_idx" ON "LedgerItem"("reportId");

