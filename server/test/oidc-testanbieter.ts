import { startTestProvider } from './oidc-provider.js';

/**
 * The tests' OpenID provider for trying the sign-in by hand (`npm run oidc:testanbieter -w server`): on
 * 127.0.0.1:9090 with the demo accounts (type e.g. „ploen“ or „neu“ on its sign-in page). Start the platform with
 * the variables it prints. Development only: in-memory, no password, fixed secret.
 */
const port = Number(process.env.OIDC_TEST_PORT ?? 9090);
const app = (process.env.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
const op = await startTestProvider({
  port,
  redirectUris: [`${app}/api/v1/auth/oidc/callback`],
  postLogoutRedirectUris: [`${app}/anmelden`],
});
for (const slug of ['ploen', 'uslar', 'ebersberg', 'moderation', 'admin', 'hauptamt.ploen', 'kaemmerei.ploen']) {
  op.accounts.set(slug, { email: `${slug}@digitalzirkel.example`, email_verified: true });
}
op.accounts.set('neu', {
  email: 'neu.ploen@digitalzirkel.example',
  email_verified: true,
  given_name: 'Nora',
  family_name: 'Neu',
  groups: ['dz-ploen'],
});
op.accounts.set('unbestaetigt', { email: 'ploen@digitalzirkel.example', email_verified: false });
op.accounts.set('ohne-mail', { name: 'Ohne Mail' });
console.log(`Testanbieter läuft: ${op.issuer}
Starten Sie den Digitalzirkel (PUBLIC_URL=${app}) mit:
  OIDC_ISSUER=${op.issuer} OIDC_CLIENT_ID=${op.clientId} OIDC_CLIENT_SECRET=${op.clientSecret} \\
  OIDC_DISPLAY_NAME=Testanbieter OIDC_CLAIM_MAPPING='[{"value":"dz-ploen","ags":"01057057","role":"staff"}]' npm start
Konten: ploen, uslar, ebersberg, moderation, admin, hauptamt.ploen, kaemmerei.ploen (Demokonten),
  neu (neues Konto über die Gruppe dz-ploen), unbestaetigt, ohne-mail (werden abgelehnt)`);
