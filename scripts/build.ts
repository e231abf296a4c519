// npm run build: the Prisma client, then the production build of the app (what `npm start` serves).
import { buildApp } from "./lib/next-build";
import { ensurePrismaClient } from "./lib/prisma-client";

ensurePrismaClient();
await buildApp();
