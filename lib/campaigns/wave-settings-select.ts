/** The columns of a wave's settings form (what a manager edits until the wave opens), as a Prisma `select`. */
export const WAVE_SETTINGS_SELECT = {
  kind: true,
  title: true,
  year: true,
  opensAt: true,
  closesAt: true,
  fundingEnvelopeCents: true,
} as const;
