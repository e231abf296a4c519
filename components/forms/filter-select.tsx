import { Select } from "@codegouvfr/react-dsfr/Select";

/**
 * A filter of a GET filter form: a DSFR select whose first choice (empty value) means « no filter ».
 * Options come as a list or as a code → label record (the programme's label tables).
 */
export function FilterSelect({
  label,
  name,
  value,
  options,
  anyLabel,
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }> | Readonly<Record<string, string>>;
  anyLabel: string;
}) {
  const list = Array.isArray(options) ? options : Object.entries(options).map(([code, text]) => ({ value: code, label: text as string }));
  return (
    <Select label={label} nativeSelectProps={{ name, defaultValue: value ?? "" }}>
      <option value="">{anyLabel}</option>
      {list.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </Select>
  );
}
