-- AlterTable
ALTER TABLE "ShipmentWriteBack" ADD COLUMN     "despatchedItems" JSONB;
