// the German texts of the guides pages load with those pages, not with the first download
import de from './de-guides.json';
import i18n from './index';

i18n.addResourceBundle('de', 'translation', de, true, false);
