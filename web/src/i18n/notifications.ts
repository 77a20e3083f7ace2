// the German texts of the notifications page load with that page, not with the first download
import de from './de-notifications.json';
import i18n from './index';

i18n.addResourceBundle('de', 'translation', de, true, false);
