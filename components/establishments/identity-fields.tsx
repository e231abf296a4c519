"use client";

import { fr } from "@codegouvfr/react-dsfr";
import type { Control, FieldValues, Path } from "react-hook-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { PROFILE_TEXT_MAX } from "@/lib/establishments/profile-schema";

type Option = { value: string; label: string };

/** The fields of `ESTABLISHMENT_IDENTITY_FIELDS`, in the profile form and the registration form. */
type IdentityName = "name" | "finessEt" | "finessEj" | "siret" | "categoryCode" | "departmentCode" | "city" | "headcount";

/** An establishment's name, FINESS, SIRET, category, place and headcount, as both forms ask them. */
export function EstablishmentIdentityFields<T extends FieldValues & Record<IdentityName, unknown>>({
  control,
  categories,
  departments,
}: {
  control: Control<T>;
  categories: readonly Option[];
  departments: readonly Option[];
}) {
  const field = (name: IdentityName) => name as Path<T>;
  return (
    <>
      <TextField control={control} name={field("name")} label="Nom de l'établissement" maxLength={PROFILE_TEXT_MAX.name} />
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <TextField
            control={control}
            name={field("finessEt")}
            label="FINESS de l'établissement (ET)"
            hint="9 caractères, par exemple 790001234"
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <TextField control={control} name={field("finessEj")} label="FINESS de l'entité juridique (EJ)" hint="9 caractères" />
        </div>
      </div>
      <TextField control={control} name={field("siret")} label="SIRET (facultatif)" hint="14 chiffres" inputMode="numeric" />
      <SelectField control={control} name={field("categoryCode")} label="Catégorie (nomenclature FINESS)" options={categories} />
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <SelectField
            control={control}
            name={field("departmentCode")}
            label="Département"
            hint="La région en découle"
            options={departments}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <TextField control={control} name={field("city")} label="Commune" maxLength={PROFILE_TEXT_MAX.city} />
        </div>
      </div>
      <TextField control={control} name={field("headcount")} label="Effectif (nombre de professionnels)" type="number" />
    </>
  );
}
