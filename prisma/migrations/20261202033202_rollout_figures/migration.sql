-- CreateTable
CREATE TABLE "RolloutFigure" (
    "month" DATE NOT NULL,
    "regionCode" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "establishments" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    "registered" INTEGER NOT NULL,
    "substantialId" INTEGER NOT NULL,
    "rieCompliant" INTEGER NOT NULL,
    "dmpReady" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RolloutFigure_pkey" PRIMARY KEY ("month","regionCode","categoryCode")
);
