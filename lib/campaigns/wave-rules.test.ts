import { describe, expect, it } from "vitest";
import { parisDateTime } from "@/lib/time/paris";
import { DEFAULT_CRITERIA, DEFAULT_OBJECTIVES } from "./programme-defaults";
import {
  checkClosing,
  checkEnvelopeCoversGrants,
  checkExtension,
  checkExtensionGrant,
  checkExtensionWithdrawal,
  checkGrid,
  checkRemovedCategories,
  checkSettingsChange,
  checkWaveSettings,
  shortensExtension,
  shorteningNotice,
} from "./wave-rules";

const settings = { year: 2026, opensAt: "2026-03-02T09:00", closesAt: "2026-06-30T23:59", fundingEnvelope: "25 000 000" };
const grid = { objectives: [...DEFAULT_OBJECTIVES], criteria: [...DEFAULT_CRITERIA] };
const paths = (issues: Array<{ path: Array<string | number> }>) => issues.map((issue) => issue.path.join("."));

describe("wave settings", () => {
  it("accept the programme's usual configuration", () => {
    expect(checkWaveSettings(settings)).toEqual([]);
  });

  it("want the closing after the opening, to the minute", () => {
    expect(paths(checkWaveSettings({ ...settings, closesAt: "2026-03-02T09:00" }))).toEqual(["closesAt"]);
    expect(paths(checkWaveSettings({ ...settings, closesAt: "2026-03-01T23:59" }))).toEqual(["closesAt"]);
    expect(checkWaveSettings({ ...settings, closesAt: "2026-03-02T09:01" })).toEqual([]);
  });

  it("refuse a time Paris clocks skip, and a day that does not exist", () => {
    const [skipped] = checkWaveSettings({ ...settings, opensAt: "2026-03-29T02:30" });
    expect(skipped?.path).toEqual(["opensAt"]);
    expect(skipped?.message).toContain("heure d'été");
    expect(paths(checkWaveSettings({ ...settings, closesAt: "2026-06-31T12:00" }))).toEqual(["closesAt"]);
  });

  it("want the year the window opens or closes in", () => {
    const acrossNewYear = { ...settings, opensAt: "2025-10-15T09:00", closesAt: "2026-02-13T23:59" };
    expect(checkWaveSettings({ ...acrossNewYear, year: 2025 })).toEqual([]);
    expect(checkWaveSettings({ ...acrossNewYear, year: 2026 })).toEqual([]);
    expect(checkWaveSettings({ ...acrossNewYear, year: 2027 })).toEqual([
      { path: ["year"], message: "L'année de la vague est celle de son ouverture ou de sa clôture : 2025 ou 2026." },
    ]);
    expect(checkWaveSettings({ ...settings, year: 2025 })).toEqual([
      { path: ["year"], message: "L'année de la vague est celle de son ouverture ou de sa clôture : 2026." },
    ]);
  });

  it("leave a malformed date to the schema, and check the envelope", () => {
    expect(paths(checkWaveSettings({ ...settings, opensAt: "", fundingEnvelope: "beaucoup" }))).toEqual(["fundingEnvelope"]);
  });
});

describe("objectives and scoring grid", () => {
  it("accept the programme's defaults", () => {
    expect(checkGrid(grid)).toEqual([]);
  });

  it("want at least one required objective", () => {
    const optionalOnly = grid.objectives.map((objective) => ({ ...objective, required: false }));
    expect(checkGrid({ ...grid, objectives: optionalOnly })).toEqual([
      { path: ["objectives"], message: expect.stringContaining("obligatoire") },
    ]);
  });

  it("want positive weights and a scale whose maximum is above its minimum", () => {
    const criteria = grid.criteria.map((criterion, index) =>
      index === 0
        ? { ...criterion, weight: 0 }
        : index === 1
          ? { ...criterion, scaleMin: 5, scaleMax: 5 }
          : index === 2
            ? { ...criterion, scaleMin: -1 }
            : criterion,
    );
    expect(paths(checkGrid({ ...grid, criteria }))).toEqual(["criteria.0.weight", "criteria.1.scaleMax", "criteria.2.scaleMin"]);
  });

  it("want each code once, whatever its case", () => {
    const objectives = [...grid.objectives, { ...grid.objectives[0]!, code: "o1 " }];
    const criteria = [...grid.criteria, { ...grid.criteria[1]!, code: "C2" }];
    expect(paths(checkGrid({ objectives, criteria }))).toEqual(["objectives.4.code", "criteria.5.code"]);
  });
});

describe("changes once the wave exists", () => {
  const stored = { opensAt: parisDateTime("2026-03-02T09:00") };
  const moved = { opensAt: parisDateTime("2026-03-09T09:00") };

  it("let the opening move until the wave opens, then never", () => {
    expect(checkSettingsChange(stored, moved, parisDateTime("2026-03-02T08:59"))).toEqual([]);
    expect(paths(checkSettingsChange(stored, moved, parisDateTime("2026-03-02T09:00")))).toEqual(["opensAt"]);
    expect(checkSettingsChange(stored, { opensAt: new Date(stored.opensAt) }, parisDateTime("2026-04-01T09:00"))).toEqual([]);
  });

  it("want a new wave's closing still ahead, its minute included", () => {
    const closesAt = parisDateTime("2026-06-30T23:59");
    expect(checkClosing({ closesAt }, null, parisDateTime("2026-06-30T23:58"))).toEqual([]);
    expect(checkClosing({ closesAt }, null, new Date(closesAt.getTime() + 59_000))).toEqual([]);
    expect(checkClosing({ closesAt }, null, parisDateTime("2026-07-01T00:00"))[0]?.message).toContain("une nouvelle vague");
  });

  it("want a closing moved on an edit still ahead, early or not, and let one already passed stay", () => {
    const stored = { closesAt: parisDateTime("2027-03-31T23:59") };
    const now = parisDateTime("2027-02-10T10:00");
    // Closed early, tonight: a legitimate decision.
    expect(checkClosing({ closesAt: parisDateTime("2027-02-10T23:59") }, stored, now)).toEqual([]);
    // Moved into the past: the wave would close behind the establishments' backs.
    expect(checkClosing({ closesAt: parisDateTime("2026-02-01T23:59") }, stored, now)).toEqual([
      {
        path: ["closesAt"],
        message: "Cette date de clôture est déjà passée : choisissez une date à venir, même pour clore la vague plus tôt.",
      },
    ]);
    expect(paths(checkClosing({ closesAt: now }, stored, new Date(now.getTime() + 60_000)))).toEqual(["closesAt"]);
    // A closed wave's envelope or eligibility still changes: its closing stays as it was.
    expect(checkClosing(stored, stored, parisDateTime("2027-06-01T10:00"))).toEqual([]);
  });

  it("want the envelope to hold what the published decisions grant", () => {
    expect(checkEnvelopeCoversGrants({ fundingEnvelopeCents: 1_787_000_00n }, 1_787_000_00n)).toEqual([]);
    const [issue, ...others] = checkEnvelopeCoversGrants({ fundingEnvelopeCents: 1_000_000_00n }, 1_787_000_00n);
    expect(others).toEqual([]);
    expect(issue?.path).toEqual(["fundingEnvelope"]);
    expect(issue?.message.replace(/[\u202f\u00a0]/g, " ")).toBe(
      "Les décisions publiées de la vague accordent déjà 1 787 000 € : l'enveloppe ne peut pas être inférieure à ce montant.",
    );
  });

  it("want an extension later than the wave's closing and still ahead", () => {
    const wave = { closesAt: parisDateTime("2026-02-13T23:59") };
    const now = parisDateTime("2026-02-20T10:00");
    expect(checkExtension({ closesAt: parisDateTime("2026-03-01T12:00") }, wave, now)).toEqual([]);
    expect(checkExtension({ closesAt: parisDateTime("2026-02-13T23:59") }, wave, now)[0]?.message).toContain("postérieure à la clôture");
    expect(checkExtension({ closesAt: parisDateTime("2026-02-18T12:00") }, wave, now)[0]?.message).toContain("dans le futur");
    // The current minute is still ahead: a deposit is on time until its end.
    expect(checkExtension({ closesAt: now }, wave, new Date(now.getTime() + 30_000))).toEqual([]);
    expect(checkExtension({ closesAt: now }, wave, new Date(now.getTime() + 60_000))[0]?.message).toContain("dans le futur");
  });

  it("call an earlier date than the extension granted a shortening, and say so", () => {
    const granted = { closesAt: parisDateTime("2026-03-01T12:00") };
    expect(shortensExtension(null, granted)).toBe(false);
    expect(shortensExtension(granted, { closesAt: parisDateTime("2026-03-05T12:00") })).toBe(false);
    expect(shortensExtension(granted, granted)).toBe(false);
    expect(shortensExtension(granted, { closesAt: parisDateTime("2026-02-25T12:00") })).toBe(true);
    expect(shorteningNotice("CH de Niort", granted.closesAt, parisDateTime("2026-02-25T12:00"))).toBe(
      "Le délai de « CH de Niort » passera du 1er mars 2026 à 12\u00a0h\u00a000 au 25 février 2026 à 12\u00a0h\u00a000 : il sera raccourci.",
    );
  });

  it("withdraw an extension unless a dossier was submitted on it, after the wave's closing", () => {
    const wave = { closesAt: parisDateTime("2026-02-13T23:59") };
    const withdraw = (submittedAt: Date | null) => checkExtensionWithdrawal({ establishment: "CH de Niort" }, wave, submittedAt);
    expect(withdraw(null)).toEqual([]);
    expect(withdraw(parisDateTime("2026-02-13T23:58"))).toEqual([]);
    // Deposited within the wave's closing minute: on time without the extension.
    expect(withdraw(new Date(parisDateTime("2026-02-13T23:59").getTime() + 59_999))).toEqual([]);
    expect(withdraw(parisDateTime("2026-02-14T00:00"))[0]?.message).toContain("la retirer rendrait ce dépôt hors délai");
    expect(withdraw(parisDateTime("2026-02-20T10:00"))[0]?.message).toBe(
      "« CH de Niort » a déposé son dossier le 20 février 2026 à 10\u00a0h\u00a000, après la clôture de la vague, grâce à cette prolongation : la retirer rendrait ce dépôt hors délai.",
    );
  });

  it("grant an extension only to an establishment whose dossier may still be deposited: none yet, or a draft", () => {
    const grant = (dossier: Parameters<typeof checkExtensionGrant>[1]) => checkExtensionGrant("CH de Niort", dossier);
    expect(grant(null)).toEqual([]);
    expect(grant({ state: "DRAFT", submittedAt: null })).toEqual([]);
    const deposited =
      "« CH de Niort » a déposé son dossier le 13 février 2026 à 10\u00a0h\u00a000 (heure de Paris) : un dossier déposé ne se rouvre pas, une prolongation ne lui servirait pas.";
    const submittedAt = parisDateTime("2026-02-13T10:00");
    for (const state of ["SUBMITTED", "UNDER_REVIEW", "INFORMATION_REQUESTED", "SCORED", "SELECTED", "REJECTED"] as const) {
      expect(grant({ state, submittedAt })).toEqual([{ path: ["finessEt"], message: deposited }]);
    }
    expect(grant({ state: "WITHDRAWN", submittedAt: null })).toEqual([
      {
        path: ["finessEt"],
        message:
          "« CH de Niort » a retiré son dossier de cette vague : il ne peut plus être déposé, une prolongation ne lui servirait pas.",
      },
    ]);
  });
});

describe("criterion ↔ objective links", () => {
  it("refuse a link to an objective the grid does not have, on the criterion's field", () => {
    const linked = {
      ...grid,
      criteria: grid.criteria.map((c, i) => (i === 1 ? { ...c, objectiveCodes: ["O2", "O9"] } : { ...c, objectiveCodes: ["O1"] })),
    };
    expect(checkGrid(linked)).toEqual([
      {
        path: ["criteria", 1, "objectiveCodes"],
        message:
          "Ce critère renvoie à un objectif qui n'existe plus : « O9 ». Décochez sa case ci-dessous, ou cochez l'objectif qui le remplace.",
      },
    ]);
  });
});

describe("categories unticked", () => {
  it("keeps a category the wave has dossiers from, naming each with its count, and lets the others go", () => {
    expect(checkRemovedCategories([{ code: "189", label: "CMPP", dossiers: 0 }])).toEqual([]);
    expect(
      checkRemovedCategories([
        { code: "500", label: "EHPAD", dossiers: 10 },
        { code: "354", label: "SSIAD", dossiers: 1 },
        { code: "189", label: "CMPP", dossiers: 0 },
      ]),
    ).toEqual([
      {
        path: ["eligibleCategoryCodes"],
        message:
          "Des établissements ont déjà des dossiers dans cette vague au titre de ces catégories : « EHPAD » (10 dossiers), « SSIAD » (1 dossier). Elles ne peuvent plus être retirées des catégories éligibles.",
      },
    ]);
  });
});
