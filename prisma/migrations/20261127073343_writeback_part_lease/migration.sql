-- AlterTable
ALTER TABLE "WhistlOrderLink" ADD COLUMN     "writeBackLeaseBy" UUID,
ADD COLUMN     "writeBackLeaseUntil" TIMESTAMP(3);
