// Configuration of the Prisma CLI. On machines without Prisma's binary host, `npm run db:generate`
// and `npm run db:migrate` wrap it (see CONTRIBUTING.md); elsewhere the native CLI works as usual,
// e.g. `DATABASE_URL=… npx prisma migrate deploy`.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
