/**
 * Counts the active professionals of one date into the figures of `indicators.ts`: overall, by
 * profession and by population. Plain counters, one per group, nothing per professional.
 *
 * Public API (inside lib/roster): `Tally`, and the result types `Share`, `IndicatorSet`,
 * `EstablishmentIndicators`.
 */
import type { Population } from "@/lib/db/generated/enums";
import { dayToIsoDate, type Day } from "./dates";
import { needsStrongAuthentication, type ProfessionalFacts } from "./model";
import { Verdict } from "./verdicts";

export type Share = { count: number; of: number; share: number | null };

export type IndicatorSet = {
  active: number;
  registered: Share;
  identitySubstantial: Share;
  rieCompliant: Share;
  dmpReady: Share;
  /** Among active professionals who need strong authentication (objective 2). */
  rieCompliantAmongConcerned: Share;
  /** Among active professionals who need the DMP. */
  dmpReadyAmongNeedingDmp: Share;
};

export type EstablishmentIndicators = {
  /** `AAAA-MM-JJ` */
  at: string;
  overall: IndicatorSet;
  byProfession: Record<string, IndicatorSet>;
  byPopulation: Partial<Record<Population, IndicatorSet>>;
  objective1: { met: boolean; registrationComplete: boolean; identityComplete: boolean; entitlementProcedureDeclared: boolean };
  objective2: { met: boolean; concerned: number; compliant: number };
};

class Counter {
  active = 0;
  registered = 0;
  identity = 0;
  rie = 0;
  dmp = 0;
  concerned = 0;
  concernedRie = 0;
  needingDmp = 0;
  needingDmpReady = 0;

  add(flags: number, concerned: boolean, needsDmp: boolean): void {
    this.active++;
    if (flags & Verdict.REGISTERED) this.registered++;
    if (flags & Verdict.IDENTITY_SUBSTANTIAL) this.identity++;
    const rie = (flags & Verdict.RIE_COMPLIANT) !== 0;
    const dmp = (flags & Verdict.DMP_READY) !== 0;
    if (rie) this.rie++;
    if (dmp) this.dmp++;
    if (concerned) {
      this.concerned++;
      if (rie) this.concernedRie++;
    }
    if (needsDmp) {
      this.needingDmp++;
      if (dmp) this.needingDmpReady++;
    }
  }

  toSet(): IndicatorSet {
    return {
      active: this.active,
      registered: share(this.registered, this.active),
      identitySubstantial: share(this.identity, this.active),
      rieCompliant: share(this.rie, this.active),
      dmpReady: share(this.dmp, this.active),
      rieCompliantAmongConcerned: share(this.concernedRie, this.concerned),
      dmpReadyAmongNeedingDmp: share(this.needingDmpReady, this.needingDmp),
    };
  }
}

function share(count: number, of: number): Share {
  return { count, of, share: of === 0 ? null : count / of };
}

/** Accumulates the active professionals of one date. */
export class Tally {
  readonly overall = new Counter();
  readonly byProfession = new Map<string, Counter>();
  readonly byPopulation = new Map<Population, Counter>();

  add(flags: number, professional: ProfessionalFacts): void {
    const concerned = needsStrongAuthentication(professional);
    this.overall.add(flags, concerned, professional.needsDmp);
    counterFor(this.byProfession, professional.professionCode).add(flags, concerned, professional.needsDmp);
    counterFor(this.byPopulation, professional.population).add(flags, concerned, professional.needsDmp);
  }

  /** The figures, and the objectives as `indicators.ts` states them. */
  result(day: Day, entitlementProcedureDeclared: boolean): EstablishmentIndicators {
    const o = this.overall;
    const registrationComplete = o.active > 0 && o.registered === o.active;
    const identityComplete = o.active > 0 && o.identity === o.active;
    return {
      at: dayToIsoDate(day),
      overall: o.toSet(),
      byProfession: Object.fromEntries([...this.byProfession].map(([code, counter]) => [code, counter.toSet()])),
      byPopulation: Object.fromEntries([...this.byPopulation].map(([population, counter]) => [population, counter.toSet()])),
      objective1: {
        met: registrationComplete && identityComplete && entitlementProcedureDeclared,
        registrationComplete,
        identityComplete,
        entitlementProcedureDeclared,
      },
      objective2: { met: o.active > 0 && o.concernedRie === o.concerned, concerned: o.concerned, compliant: o.concernedRie },
    };
  }
}

function counterFor<K>(map: Map<K, Counter>, key: K): Counter {
  let counter = map.get(key);
  if (counter === undefined) {
    counter = new Counter();
    map.set(key, counter);
  }
  return counter;
}
