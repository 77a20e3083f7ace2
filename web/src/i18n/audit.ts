// the German labels of the audit trail's actions and objects load with the audit page, not with the first download
import de from './de-audit.json';
import i18n from './index';

i18n.addResourceBundle('de', 'translation', de, true, false);
