// npm run db:generate (also run after npm install): generates the Prisma client, offline.
import { generatePrismaClient } from "./lib/prisma-client";

generatePrismaClient();
