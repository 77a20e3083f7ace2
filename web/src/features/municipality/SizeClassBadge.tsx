import { useTranslation } from 'react-i18next';

/** "GK 7" with the band spelled out for screen readers and as a tooltip. */
export function SizeClassBadge({ sizeClass }: { sizeClass: number }) {
  const { t } = useTranslation();
  const band = t(`sizeClasses.${sizeClass}`);
  return (
    <span className="badge gk" title={band}>
      GK {sizeClass}
      <span className="visually-hidden"> ({band})</span>
    </span>
  );
}
