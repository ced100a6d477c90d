-- CreateEnum
CREATE TYPE "IntegrationAuditStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "appExtensionId" TEXT;

-- CreateTable
CREATE TABLE "IntegrationAudit" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "status" "IntegrationAuditStatus" NOT NULL DEFAULT 'RUNNING',
    "days" INTEGER NOT NULL DEFAULT 30,
    "phase" TEXT,
    "ordersScanned" INTEGER NOT NULL DEFAULT 0,
    "productsScanned" INTEGER NOT NULL DEFAULT 0,
    "productsTotal" INTEGER,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "IntegrationAudit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IntegrationAudit_storeId_startedAt_idx" ON "IntegrationAudit"("storeId", "startedAt");

-- AddForeignKey
ALTER TABLE "IntegrationAudit" ADD CONSTRAINT "IntegrationAudit_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;
