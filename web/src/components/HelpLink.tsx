import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/**
 * The app's page addresses as help topics (the modules of core's GUIDE_MODULES): the first match wins, so the
 * more specific addresses come first. Pages of no module (the guides themselves, the profile) have no help link.
 */
const TOPICS: [RegExp, string][] = [
  [/^\/projekte\/[^/]+\/(finanzen|beschlussvorlage)$/, 'finance'],
  [/^\/finanzen(\/|$)/, 'finance'],
  [/^\/(projekte|priorisierung|kapazitaet)(\/|$)/, 'projects'],
  [/^\/umfragen(\/|$)/, 'surveys'],
  [/^\/workshops(\/|$)/, 'workshops'],
  [/^\/(bedarfe|ideen)(\/|$)/, 'needs'],
  [/^\/(zielbild|nachverfolgung)(\/|$)/, 'target_picture'],
  [/^\/austausch(\/|$)/, 'exchange'],
  [/^\/gemeinsame-dienste(\/|$)/, 'shared_services'],
  [/^\/(kommunikation|neuigkeiten|puls)(\/|$)/, 'communication'],
  [/^\/kompetenzen(\/|$)/, 'competences'],
  [/^\/prozesse(\/|$)/, 'processes'],
  [/^\/(reifegrad(\/|$)|verbuende\/[^/]+\/kennzahlen$)/, 'maturity'],
  [/^\/verbuende(\/|$)/, 'networks'],
  [/^\/(kommune|kommunen|benutzer|protokoll|import)(\/|$)/, 'administration'],
  // the data-protection desk (the public privacy notice /datenschutz is no module page)
  [/^\/datenschutz\/(anfragen|fristen)$/, 'administration'],
  [/^\/$/, 'start'],
];

/** The help topic of a page address, or null. */
export function helpTopic(pathname: string): string | null {
  return TOPICS.find(([re]) => re.test(pathname))?.[1] ?? null;
}

/** „Hilfe zu dieser Seite“: the guides tagged for the module of the page (in every page's header, see Page). */
export function HelpLink() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const topic = helpTopic(pathname);
  if (!topic) return null;
  return (
    <Link className="help-link" to={`/hilfen?modul=${topic}`}>
      <span aria-hidden="true">?</span> {t('help.thisPage')}
    </Link>
  );
}
