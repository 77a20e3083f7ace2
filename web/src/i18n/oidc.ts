// the German texts of signing in through the identity provider load with the sign-in page, not with the first download
import de from './de-oidc.json';
import i18n from './index';

i18n.addResourceBundle('de', 'translation', de, true, false);
