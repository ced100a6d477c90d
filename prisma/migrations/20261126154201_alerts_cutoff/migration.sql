-- CreateEnum
CREATE TYPE "AlertChannelKind" AS ENUM ('SLACK', 'EMAIL');

-- CreateEnum
CREATE TYPE "AlertDeliveryStatus" AS ENUM ('SENT', 'FAILED');

-- AlterTable
ALTER TABLE "StoreSettings" ADD COLUMN     "cutoffTime" TEXT,
ADD COLUMN     "smtpFrom" TEXT,
ADD COLUMN     "smtpHost" TEXT,
ADD COLUMN     "smtpPasswordEnc" TEXT,
ADD COLUMN     "smtpPort" INTEGER,
ADD COLUMN     "smtpUser" TEXT;

-- CreateTable
CREATE TABLE "AlertChannel" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "ownerTeam" "OwnerTeam" NOT NULL,
    "kind" "AlertChannelKind" NOT NULL,
    "targetEnc" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "channelId" UUID,
    "dedupeKey" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "AlertDeliveryStatus" NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AlertChannel_storeId_ownerTeam_idx" ON "AlertChannel"("storeId", "ownerTeam");

-- CreateIndex
CREATE INDEX "AlertDelivery_storeId_dedupeKey_createdAt_idx" ON "AlertDelivery"("storeId", "dedupeKey", "createdAt");

-- CreateIndex
CREATE INDEX "AlertDelivery_channelId_idx" ON "AlertDelivery"("channelId");

-- CreateIndex
CREATE INDEX "AlertDelivery_storeId_createdAt_idx" ON "AlertDelivery"("storeId", "createdAt");

-- AddForeignKey
ALTER TABLE "AlertChannel" ADD CONSTRAINT "AlertChannel_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "AlertChannel"("id") ON DELETE SET NULL ON UPDATE CASCADE;
