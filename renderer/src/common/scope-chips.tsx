export function ScopeChips({ scopes, label, missing = [] }: { scopes: readonly string[]; label: string; missing?: readonly string[] }) {
  return (
    <ul className="chips" aria-label={label}>
      {scopes.map((s) => (
        <li key={s}>
          <code className={missing.includes(s) ? 'chip chip--missing' : 'chip'}>{s}</code>
        </li>
      ))}
    </ul>
  );
}
