import { useTranslation } from 'react-i18next';

/** A token as main sends it for display (prefix and last four characters): never the secret. */
export function MaskedToken({ value, id }: { value: string; id?: string }) {
  const { t } = useTranslation();
  return (
    <code className="masked-token" id={id} title={t('token.maskedHint')}>
      {value}
    </code>
  );
}
