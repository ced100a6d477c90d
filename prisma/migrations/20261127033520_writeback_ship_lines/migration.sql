-- AlterTable
ALTER TABLE "WhistlOrderLink" ADD COLUMN     "shipLines" JSONB;
