-- CreateEnum
CREATE TYPE "StockFigure" AS ENUM ('LEVEL', 'TOTAL_STOCK_LEVEL');

-- CreateEnum
CREATE TYPE "WriteBackState" AS ENUM ('PENDING', 'WORKING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "InventoryOrphan" AS ENUM ('NONE', 'BIGCOMMERCE_ONLY', 'WHISTL_ONLY');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ExceptionType" ADD VALUE 'WHISTL_STUCK';
ALTER TYPE "ExceptionType" ADD VALUE 'STATUS_DRIFT';
ALTER TYPE "ExceptionType" ADD VALUE 'WRITEBACK_FAILED';
ALTER TYPE "ExceptionType" ADD VALUE 'STOCK_PUSH_FAILED';

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "despatchWatermark" TIMESTAMP(3),
ADD COLUMN     "lastFullStockSyncAt" TIMESTAMP(3),
ADD COLUMN     "stockWatermark" TIMESTAMP(3),
ADD COLUMN     "whistlWebhookSecretEnc" TEXT;

-- AlterTable
ALTER TABLE "StoreSettings" ADD COLUMN     "defaultStockBuffer" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "inventoryFullIntervalMinutes" INTEGER NOT NULL DEFAULT 360,
ADD COLUMN     "inventoryIntervalMinutes" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "inventorySyncEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "stockFigure" "StockFigure" NOT NULL DEFAULT 'LEVEL',
ADD COLUMN     "stuckStateHours" INTEGER NOT NULL DEFAULT 24;

-- CreateTable
CREATE TABLE "OrderSyncLine" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "orderSyncId" UUID NOT NULL,
    "bcSku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "OrderSyncLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShipmentWriteBack" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "orderSyncId" UUID NOT NULL,
    "whistlOrderId" INTEGER NOT NULL,
    "orderAddressId" INTEGER NOT NULL,
    "part" INTEGER NOT NULL DEFAULT 1,
    "numberOfParts" INTEGER NOT NULL DEFAULT 1,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,
    "carrier" TEXT,
    "despatchedAt" TIMESTAMP(3),
    "state" "WriteBackState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "bcShipmentId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShipmentWriteBack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InventorySku" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "whistlSku" TEXT NOT NULL,
    "bcSku" TEXT,
    "bcProductId" INTEGER,
    "bcVariantId" INTEGER,
    "trackingMode" TEXT,
    "whistlFree" INTEGER,
    "bufferOverride" INTEGER,
    "inFlight" INTEGER NOT NULL DEFAULT 0,
    "target" INTEGER,
    "lastPushed" INTEGER,
    "pushedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "orphan" "InventoryOrphan" NOT NULL DEFAULT 'NONE',
    "whistlUpdatedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InventorySku_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InventoryRun" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "ok" BOOLEAN,
    "read" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "pushed" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "lagMs" INTEGER,
    "error" TEXT,

    CONSTRAINT "InventoryRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrderSyncLine_orderSyncId_idx" ON "OrderSyncLine"("orderSyncId");

-- CreateIndex
CREATE INDEX "OrderSyncLine_storeId_bcSku_idx" ON "OrderSyncLine"("storeId", "bcSku");

-- CreateIndex
CREATE INDEX "ShipmentWriteBack_orderSyncId_idx" ON "ShipmentWriteBack"("orderSyncId");

-- CreateIndex
CREATE INDEX "ShipmentWriteBack_state_nextAttemptAt_idx" ON "ShipmentWriteBack"("state", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "ShipmentWriteBack_storeId_whistlOrderId_key" ON "ShipmentWriteBack"("storeId", "whistlOrderId");

-- CreateIndex
CREATE INDEX "InventorySku_storeId_orphan_idx" ON "InventorySku"("storeId", "orphan");

-- CreateIndex
CREATE INDEX "InventorySku_storeId_bcSku_idx" ON "InventorySku"("storeId", "bcSku");

-- CreateIndex
CREATE UNIQUE INDEX "InventorySku_storeId_whistlSku_key" ON "InventorySku"("storeId", "whistlSku");

-- CreateIndex
CREATE INDEX "InventoryRun_storeId_startedAt_idx" ON "InventoryRun"("storeId", "startedAt");

-- AddForeignKey
ALTER TABLE "OrderSyncLine" ADD CONSTRAINT "OrderSyncLine_orderSyncId_fkey" FOREIGN KEY ("orderSyncId") REFERENCES "OrderSync"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShipmentWriteBack" ADD CONSTRAINT "ShipmentWriteBack_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShipmentWriteBack" ADD CONSTRAINT "ShipmentWriteBack_orderSyncId_fkey" FOREIGN KEY ("orderSyncId") REFERENCES "OrderSync"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InventorySku" ADD CONSTRAINT "InventorySku_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InventoryRun" ADD CONSTRAINT "InventoryRun_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;
