import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error oidc-provider 8 ships without type declarations
import Provider from 'oidc-provider';

/**
 * A real OpenID provider for the tests (the `oidc-provider` package, certified): on a random loopback port, one
 * confidential client with PKCE required, RP-initiated logout, accounts whose claims a test sets, and its own
 * small sign-in page (the package's development pages load web fonts from the internet; these load nothing).
 */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claims per account id (the name typed on the sign-in page); `sub` is the account id. */
  accounts: Map<string, Record<string, unknown>>;
  /** A second origin that serves this provider's metadata under its own name (tokens come from the wrong issuer). */
  impostorIssuer: string;
  /** An issuer URL whose discovery document names this provider, not itself (discovery from the wrong issuer). */
  misnamedIssuer: string;
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;

function listen(server: http.Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

export async function startTestProvider(opts: {
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** Seconds an ID token is valid (default one hour). */
  idTokenTtl?: number;
  /** A port chosen beforehand (the platform under test was configured with this issuer before it started). */
  port?: number;
}): Promise<TestProvider> {
  const accounts = new Map<string, Record<string, unknown>>();
  let provider: InstanceType<typeof Provider>;
  const server = http.createServer(async (req, res) => {
    const m = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (!m) return provider.callback()(req, res);
    try {
      if (req.method === 'GET') {
        await provider.interactionDetails(req, res);
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(
          page(
            'Anmeldung beim Testanbieter',
            `<form method="post" action="/interaction/${esc(m[1]!)}">
  <label for="login">Benutzername</label> <input id="login" name="login" required autocomplete="username">
  <button type="submit">Weiter</button></form>`,
          ),
        );
        return;
      }
      const form = await readForm(req);
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: form.get('login') ?? '' } },
        { mergeWithLastSubmission: false },
      );
    } catch (err) {
      res.statusCode = 400;
      res.end(String(err));
    }
  });
  const port = await listen(server, opts.port);
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'digitalzirkel';
  const clientSecret = 'testanbieter-geheimnis-0123456789abcdef';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        post_logout_redirect_uris: opts.postLogoutRedirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    // Lax for the long-lived cookie too: over plain http a browser drops SameSite=None cookies
    cookies: { keys: ['testanbieter-cookie-schluessel'], long: { httpOnly: true, sameSite: 'lax' } },
    pkce: { methods: ['S256'], required: () => true },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'groups'],
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: { body: string }, form: string) => {
          ctx.body = page(
            'Abmelden beim Testanbieter',
            `${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, abmelden</button>`,
          );
        },
        postLogoutSuccessSource: async (ctx: { body: string }) => {
          ctx.body = page('Abgemeldet', '<p>Sie sind beim Testanbieter abgemeldet.</p>');
        },
      },
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // a first-party client: the person is not asked to consent
    loadExistingGrant: async (ctx: {
      oidc: {
        provider: InstanceType<typeof Provider>;
        client: { clientId: string };
        session: { accountId: string; grantIdFor(id: string): string | undefined };
      };
    }) => {
      const { provider: p, client, session } = ctx.oidc;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return p.Grant.find(existing);
      const grant = new p.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ ...(accounts.get(id) ?? {}), sub: id }),
    }),
    ttl: {
      IdToken: opts.idTokenTtl ?? 3600,
      AccessToken: 3600,
      AuthorizationCode: 60,
      Grant: 3600,
      Interaction: 600,
      Session: 3600,
    },
    renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = page('Fehler beim Testanbieter', `<pre>${esc(JSON.stringify(out))}</pre>`);
    },
  });

  // the impostor: the same endpoints, another issuer in the metadata (as if the configured issuer were another)
  const impostor = http.createServer(async (req, res) => {
    if (req.url === '/.well-known/openid-configuration' || req.url === '/anders/.well-known/openid-configuration') {
      const meta = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<
        string,
        unknown
      >;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(req.url.startsWith('/anders/') ? meta : { ...meta, issuer: impostorIssuer }));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  const impostorIssuer = `http://127.0.0.1:${await listen(impostor)}`;

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    impostorIssuer,
    misnamedIssuer: `${impostorIssuer}/anders`,
    async close() {
      for (const s of [server, impostor]) {
        s.closeAllConnections();
        await new Promise((r) => s.close(r));
      }
    },
  };
}
