// The languages the studio writes in, as <option>s: each name in its own language and marked so, so a
// French user still finds "English" (and a screen reader says it in English).
export function LanguageOptions() {
  return (
    <>
      <option value="en" lang="en">
        English
      </option>
      <option value="fr" lang="fr">
        Français
      </option>
    </>
  );
}
