-- CreateEnum
CREATE TYPE "SkuPolicy" AS ENUM ('ALPHANUMERIC', 'ALPHANUMERIC_DASH', 'ANY_NON_EMPTY');

-- CreateEnum
CREATE TYPE "OrderSyncState" AS ENUM ('PENDING', 'EXPORTING', 'HELD', 'EXPORTED', 'SKIPPED', 'FAILED', 'CANCELLED', 'IGNORED');

-- CreateEnum
CREATE TYPE "ExceptionType" AS ENUM ('UNMAPPED_SHIPPING', 'INVALID_SKU', 'MISSING_SKU', 'INVALID_ADDRESS', 'WHISTL_REJECTED', 'EXPORT_FAILED', 'CANCEL_FAILED');

-- CreateEnum
CREATE TYPE "ExceptionStatus" AS ENUM ('OPEN', 'RESOLVED', 'IGNORED');

-- CreateEnum
CREATE TYPE "OwnerTeam" AS ENUM ('OPS', 'CX', 'MERCHANDISING', 'FINANCE');

-- CreateEnum
CREATE TYPE "CatalogScanStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "orderWatermark" TIMESTAMP(3),
ADD COLUMN     "webhookSecretEnc" TEXT;

-- AlterTable
ALTER TABLE "StoreSettings" ADD COLUMN     "defaultCourierService" TEXT,
ADD COLUMN     "exceptionOwners" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "skuPolicy" "SkuPolicy" NOT NULL DEFAULT 'ALPHANUMERIC',
ADD COLUMN     "skuPrefix" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "skuStripChars" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "skuSuffix" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "skuUppercase" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "OrderSync" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "bcOrderId" INTEGER NOT NULL,
    "state" "OrderSyncState" NOT NULL DEFAULT 'PENDING',
    "bcStatusId" INTEGER,
    "customerName" TEXT,
    "customerEmail" TEXT,
    "orderTotal" TEXT,
    "bcDateCreated" TIMESTAMP(3),
    "bcDateModified" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "outcomeUnknown" BOOLEAN NOT NULL DEFAULT false,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "recheckRequested" BOOLEAN NOT NULL DEFAULT false,
    "bcSnapshot" JSONB,
    "lastError" TEXT,
    "exportedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderSync_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WhistlOrderLink" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "orderSyncId" UUID NOT NULL,
    "orderAddressId" INTEGER NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "externalRef" TEXT NOT NULL,
    "whistlOrderId" INTEGER,
    "whistlStatusId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WhistlOrderLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderSyncEvent" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "orderSyncId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderSyncEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncException" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "orderSyncId" UUID,
    "type" "ExceptionType" NOT NULL,
    "status" "ExceptionStatus" NOT NULL DEFAULT 'OPEN',
    "ownerTeam" "OwnerTeam" NOT NULL,
    "reasonKey" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "detail" JSONB,
    "note" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShippingMapping" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "methodKey" TEXT NOT NULL,
    "methodLabel" TEXT NOT NULL,
    "courierService" TEXT,
    "seenOnOrders" BOOLEAN NOT NULL DEFAULT false,
    "offeredByStore" BOOLEAN NOT NULL DEFAULT false,
    "updatedByEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShippingMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkuAlias" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "bcSku" TEXT NOT NULL,
    "whistlSku" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SkuAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "actorEmail" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "deliveryHash" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "resourceId" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogScan" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "status" "CatalogScanStatus" NOT NULL DEFAULT 'RUNNING',
    "scanned" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "result" JSONB,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CatalogScan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" UUID NOT NULL,
    "job" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "ok" BOOLEAN,
    "summary" JSONB,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrderSync_storeId_state_idx" ON "OrderSync"("storeId", "state");

-- CreateIndex
CREATE INDEX "OrderSync_state_nextAttemptAt_idx" ON "OrderSync"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OrderSync_storeId_customerEmail_idx" ON "OrderSync"("storeId", "customerEmail");

-- CreateIndex
CREATE UNIQUE INDEX "OrderSync_storeId_bcOrderId_key" ON "OrderSync"("storeId", "bcOrderId");

-- CreateIndex
CREATE INDEX "WhistlOrderLink_orderSyncId_idx" ON "WhistlOrderLink"("orderSyncId");

-- CreateIndex
CREATE UNIQUE INDEX "WhistlOrderLink_storeId_externalRef_key" ON "WhistlOrderLink"("storeId", "externalRef");

-- CreateIndex
CREATE UNIQUE INDEX "WhistlOrderLink_orderSyncId_orderAddressId_key" ON "WhistlOrderLink"("orderSyncId", "orderAddressId");

-- CreateIndex
CREATE INDEX "OrderSyncEvent_orderSyncId_createdAt_idx" ON "OrderSyncEvent"("orderSyncId", "createdAt");

-- CreateIndex
CREATE INDEX "OrderSyncEvent_storeId_createdAt_idx" ON "OrderSyncEvent"("storeId", "createdAt");

-- CreateIndex
CREATE INDEX "SyncException_storeId_status_type_idx" ON "SyncException"("storeId", "status", "type");

-- CreateIndex
CREATE INDEX "SyncException_orderSyncId_idx" ON "SyncException"("orderSyncId");

-- CreateIndex
CREATE UNIQUE INDEX "SyncException_orderSyncId_reasonKey_key" ON "SyncException"("orderSyncId", "reasonKey");

-- CreateIndex
CREATE INDEX "ShippingMapping_storeId_idx" ON "ShippingMapping"("storeId");

-- CreateIndex
CREATE UNIQUE INDEX "ShippingMapping_storeId_methodKey_key" ON "ShippingMapping"("storeId", "methodKey");

-- CreateIndex
CREATE INDEX "SkuAlias_storeId_idx" ON "SkuAlias"("storeId");

-- CreateIndex
CREATE UNIQUE INDEX "SkuAlias_storeId_bcSku_key" ON "SkuAlias"("storeId", "bcSku");

-- CreateIndex
CREATE INDEX "AuditLog_storeId_createdAt_idx" ON "AuditLog"("storeId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_storeId_receivedAt_idx" ON "WebhookEvent"("storeId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_storeId_deliveryHash_key" ON "WebhookEvent"("storeId", "deliveryHash");

-- CreateIndex
CREATE INDEX "CatalogScan_storeId_startedAt_idx" ON "CatalogScan"("storeId", "startedAt");

-- CreateIndex
CREATE INDEX "JobRun_job_startedAt_idx" ON "JobRun"("job", "startedAt");

-- AddForeignKey
ALTER TABLE "OrderSync" ADD CONSTRAINT "OrderSync_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WhistlOrderLink" ADD CONSTRAINT "WhistlOrderLink_orderSyncId_fkey" FOREIGN KEY ("orderSyncId") REFERENCES "OrderSync"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderSyncEvent" ADD CONSTRAINT "OrderSyncEvent_orderSyncId_fkey" FOREIGN KEY ("orderSyncId") REFERENCES "OrderSync"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncException" ADD CONSTRAINT "SyncException_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncException" ADD CONSTRAINT "SyncException_orderSyncId_fkey" FOREIGN KEY ("orderSyncId") REFERENCES "OrderSync"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShippingMapping" ADD CONSTRAINT "ShippingMapping_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkuAlias" ADD CONSTRAINT "SkuAlias_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEvent" ADD CONSTRAINT "WebhookEvent_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogScan" ADD CONSTRAINT "CatalogScan_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;
