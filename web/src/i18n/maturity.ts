// the German texts of the maturity, key-figure and ring pages load with those pages, not with the first download
import de from './de-maturity.json';
import i18n from './index';

i18n.addResourceBundle('de', 'translation', de, true, false);
