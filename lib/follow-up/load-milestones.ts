import { calendarDateFromUtc } from "@/lib/applications/calendar-date";
import type { Db } from "@/lib/db/client";
import { milestoneStatus } from "./milestones";

/** The dossier's milestones in the applicant's order, each with its status on Paris day `today`. */
export async function loadMilestones(client: Pick<Db, "milestone">, applicationId: string, today: string) {
  const milestones = await client.milestone.findMany({
    where: { applicationId },
    orderBy: { position: "asc" },
    select: { id: true, label: true, dueDate: true, doneOn: true },
  });
  return milestones.map((milestone) => {
    const tracked = {
      plannedOn: calendarDateFromUtc(milestone.dueDate),
      doneOn: milestone.doneOn && calendarDateFromUtc(milestone.doneOn),
    };
    return { id: milestone.id, label: milestone.label, ...tracked, status: milestoneStatus(tracked, today) };
  });
}

export type TrackedMilestone = Awaited<ReturnType<typeof loadMilestones>>[number];
