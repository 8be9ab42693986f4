// Login for the platform's browser pages (GraphiQL in dev, the reference app): the realm's
// authorization-code flow with PKCE (S256) as a public client, tokens kept in sessionStorage for
// this tab only, refreshed 30 s before the access token expires. No library, no CDN.

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * issuer: the realm's URL; clientId: a public client (rg-web); redirectUri: this page, as the
 * realm lists it; onToken(tokens): called after every login and refresh.
 * @param {{issuer: string, clientId: string, redirectUri: string,
 *   onToken?: (tokens: object | null) => void, storage?: Storage}} options
 */
export function createLogin({ issuer, clientId, redirectUri, onToken = (tokens) => {}, storage = sessionStorage }) {
  const oidc = `${issuer}/protocol/openid-connect`;
  let tokens = JSON.parse(storage.getItem('rg.tokens') || 'null');
  let timer = null;

  async function tokenRequest(form) {
    const response = await fetch(`${oidc}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: clientId, ...form }),
    });
    if (!response.ok) {
      throw new Error(`The identity provider refused the token request (${response.status})`);
    }
    const answer = await response.json();
    return { ...answer, expiresAt: Date.now() + answer.expires_in * 1000 };
  }

  function keep(answer) {
    tokens = answer;
    storage.setItem('rg.tokens', JSON.stringify(tokens));
    clearTimeout(timer);
    timer = setTimeout(refresh, Math.max(5_000, tokens.expiresAt - Date.now() - 30_000));
    onToken(tokens);
  }

  async function refresh() {
    try {
      keep(await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }));
    } catch (e) {
      forget();
    }
  }

  function forget() {
    tokens = null;
    clearTimeout(timer);
    storage.removeItem('rg.tokens');
    onToken(null);
  }

  return {
    /** Sends the browser to the realm's login page. */
    async login() {
      const verifier = randomText();
      const state = randomText();
      storage.setItem('rg.pkce', JSON.stringify({ verifier, state }));
      const challenge = base64url(
        await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
      const query = new URLSearchParams({
        client_id: clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri,
        state, code_challenge: challenge, code_challenge_method: 'S256',
      });
      location.assign(`${oidc}/auth?${query}`);
    },

    /** On load: trades ?code= for tokens when back from the login page, else resumes. */
    async start() {
      const params = new URLSearchParams(location.search);
      if (params.has('code')) {
        const pkce = JSON.parse(storage.getItem('rg.pkce') || 'null');
        storage.removeItem('rg.pkce');
        history.replaceState(null, '', location.pathname + location.hash);
        if (!pkce || pkce.state !== params.get('state')) {
          throw new Error('The login came back with an unknown state; log in again');
        }
        keep(await tokenRequest({
          grant_type: 'authorization_code', code: params.get('code'),
          redirect_uri: redirectUri, code_verifier: pkce.verifier,
        }));
      } else if (tokens && tokens.expiresAt - Date.now() < 30_000) {
        await refresh();
      } else if (tokens) {
        keep(tokens);
      }
      return tokens;
    },

    /** The Authorization header value, or undefined when logged out. */
    bearer() {
      return tokens ? `Bearer ${tokens.access_token}` : undefined;
    },

    /** Ends the session at the realm too. */
    logout() {
      const idToken = tokens && tokens.id_token;
      forget();
      if (idToken) {
        const query = new URLSearchParams({ id_token_hint: idToken, post_logout_redirect_uri: redirectUri });
        location.assign(`${oidc}/logout?${query}`);
      }
    },
  };
}
