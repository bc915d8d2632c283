-- CreateTable
CREATE TABLE "LedgerItem" (
    "id" TEXT NOT NULL,
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
    "reviewedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LedgerItem_key_key" ON "LedgerItem"("key");

-- CreateIndex
CREATE INDEX "LedgerItem_countyCode_year_idx" ON "LedgerItem"("countyCode", "year");

-- CreateIndex
CREATE INDEX "LedgerItem_reportId_idx" ON "LedgerItem"("reportId");

-- AddForeignKey
ALTER TABLE "LedgerItem" ADD CONSTRAINT "LedgerItem_countyCode_fkey" FOREIGN KEY ("countyCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerItem" ADD CONSTRAINT "LedgerItem_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

