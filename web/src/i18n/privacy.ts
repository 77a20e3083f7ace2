// the German texts of the data-protection and legal pages load with those pages, not with the first download
import de from './de-privacy.json';
import i18n from './index';

i18n.addResourceBundle('de', 'translation', de, true, false);
