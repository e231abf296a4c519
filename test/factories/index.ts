/**
 * The test factories: every test, unit, integration, system, end-to-end or bench, makes its own
 * data through these functions, which take the database to write to (`testDb`, `e2eDb`, a bench's).
 * Names are unique per run, so tests never share a person, an establishment or a wave.
 */
export * from "./api-tokens";
export * from "./decisions";
export * from "./dossiers";
export * from "./establishments";
export * from "./follow-up";
export * from "./people";
export * from "./reviews";
export * from "./roster";
export * from "./waves";
