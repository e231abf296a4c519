/** The address of database `name` on the PostgreSQL server at `serverUrl` (same role, host and options). */
export function databaseUrlOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
