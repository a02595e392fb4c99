'use strict';
// The Junction console: a small client of the admin API. Every value from the server is written
// with textContent, never as HTML. The credentials stay in this tab's sessionStorage.

const $ = (id) => document.getElementById(id);
const state = { auth: sessionStorage.getItem('junction.auth'), info: null, sites: [], site: null, providers: [] };

class ApiError extends Error {
  constructor(status, body) {
    const text = body && body.errorMessage
      ? body.errorMessage + (body.errorDetails ? ': ' + body.errorDetails : '') + ' (' + body.errorCode + ')'
      : 'HTTP ' + status;
    super(text);
    this.status = status;
    this.code = body && body.errorCode;
  }
}

async function api(method, path, body) {
  const headers = { 'Authorization': 'Basic ' + state.auth, 'X-Requested-With': 'junction-console', 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!res.ok) {
    if (res.status === 401 && path !== '/admin/info') logout();
    throw new ApiError(res.status, json);
  }
  return json;
}

function show(id, visible) { $(id).hidden = !visible; }
function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
function el(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }

function route() {
  const params = new URLSearchParams(location.hash.slice(1));
  return { site: params.get('site'), provider: params.get('provider') };
}
function setRoute(site, provider) {
  const p = new URLSearchParams();
  if (site) p.set('site', site);
  if (provider) p.set('provider', provider);
  history.replaceState(null, '', p.toString() ? '#' + p.toString() : location.pathname);
}

// ---- sign in / out ----
async function login(evt) {
  evt.preventDefault();
  $('login-error').textContent = '';
  state.auth = btoa(unescape(encodeURIComponent($('login-user').value + ':' + $('login-password').value)));
  try {
    await start();
    sessionStorage.setItem('junction.auth', state.auth);
  } catch (e) {
    state.auth = null;
    $('login-error').textContent = e.status === 401 ? 'Wrong user name or password.' : e.message;
  }
}

function logout() {
  sessionStorage.removeItem('junction.auth');
  state.auth = null;
  show('main-view', false); show('logout', false); show('login-view', true);
  $('server-info').textContent = '';
}

async function start() {
  state.info = await api('GET', '/admin/info');
  $('server-info').textContent = state.info.publicUrl + ' · data center ' + state.info.dataCenter;
  const dc = $('site-dc'); clear(dc);
  for (const d of state.info.dataCenters) { const o = el('option', d); o.value = d; dc.appendChild(o); }
  const sel = $('pv-provider'); clear(sel);
  for (const p of state.info.providers) { const o = el('option', p.displayName + ' (' + p.id + ')'); o.value = p.id; sel.appendChild(o); }
  const custom = el('option', 'Any OpenID Connect provider (oidc-<name>)'); custom.value = 'oidc'; sel.appendChild(custom);
  const saml = el('option', 'A SAML 2.0 identity provider (saml-<name>)'); saml.value = 'saml'; sel.appendChild(saml);
  show('login-view', false); show('main-view', true); show('logout', true);
  await loadSites();
  const r = route();
  if (r.site && state.sites.some((s) => s.apiKey === r.site)) await selectSite(r.site, r.provider);
  else showEmpty();
}

// ---- sites ----
async function loadSites() {
  state.sites = (await api('GET', '/admin/sites')).sites;
  const list = $('site-list'); clear(list);
  for (const s of state.sites) {
    const li = el('li', s.name);
    li.dataset.apiKey = s.apiKey;
    li.title = s.apiKey;
    if (state.site && state.site.apiKey === s.apiKey) li.className = 'selected';
    li.addEventListener('click', () => selectSite(s.apiKey));
    list.appendChild(li);
  }
}

function showEmpty() {
  show('site-detail', false); show('account-view', false); show('audit-view', false);
  show('empty-hint', state.sites.length === 0 && $('site-form').hidden);
}

function openSiteForm(site) {
  $('site-form').dataset.mode = site ? 'edit' : 'create';
  $('site-form-title').textContent = site ? 'Edit ' + site.name : 'New site';
  $('site-save').textContent = site ? 'Save site' : 'Create site';
  $('site-name').value = site ? site.name : '';
  $('site-domains').value = site ? site.domains.join('\n') : '';
  $('site-cname').value = site && site.cname ? site.cname : '';
  $('site-dc').value = site ? site.dataCenter : state.info.dataCenter;
  $('site-contacts').checked = site ? site.retrieveContacts : false;
  $('site-friends').checked = site ? site.retrieveFriends : false;
  $('site-status').checked = site ? site.publishStatus : false;
  $('site-user-actions').checked = site ? site.publishUserActions : false;
  $('site-photos').checked = site ? site.retrievePhotos : false;
  $('site-revoke-tokens').checked = site ? site.revokeTokensOnSecretRotation : false;
  $('site-redirect-uris').value = site ? site.redirectUris.join('\n') : '';
  $('site-allow-implicit').checked = site ? site.allowImplicit : true;
  $('site-require-pkce').checked = site ? site.requirePkce : false;
  $('site-connect-confirmation').checked = site ? site.connectConfirmation : true;
  $('site-guest-merge').value = site ? site.guestMerge : 'confirm';
  $('site-error').textContent = '';
  show('site-form', true); show('empty-hint', false);
  $('site-name').focus();
}

async function saveSite(evt) {
  evt.preventDefault();
  $('site-error').textContent = '';
  const body = {
    name: $('site-name').value,
    domains: $('site-domains').value.split(/[\s,]+/).filter((d) => d),
    dataCenter: $('site-dc').value,
    retrieveContacts: $('site-contacts').checked,
    retrieveFriends: $('site-friends').checked,
    publishStatus: $('site-status').checked,
    publishUserActions: $('site-user-actions').checked,
    retrievePhotos: $('site-photos').checked,
    revokeTokensOnSecretRotation: $('site-revoke-tokens').checked,
    redirectUris: $('site-redirect-uris').value.split(/\s+/).filter((u) => u),
    allowImplicit: $('site-allow-implicit').checked,
    requirePkce: $('site-require-pkce').checked,
    connectConfirmation: $('site-connect-confirmation').checked,
    guestMerge: $('site-guest-merge').value,
  };
  if ($('site-cname').value.trim()) body.cname = $('site-cname').value.trim();
  try {
    if ($('site-form').dataset.mode === 'edit') {
      await api('PUT', '/admin/sites/' + encodeURIComponent(state.site.apiKey), body);
      show('site-form', false);
      await loadSites();
      await selectSite(state.site.apiKey);
    } else {
      const created = await api('POST', '/admin/sites', body);
      show('site-form', false);
      showSecret(created.apiKey, created.secret);
      await loadSites();
      await selectSite(created.apiKey);
    }
  } catch (e) {
    $('site-error').textContent = e.message;
  }
}

function showSecret(apiKey, secret, label, secretLabel) {
  const privateKey = secretLabel === 'Private key';
  $('notice-title').textContent = privateKey ? 'Copy the private key now' : 'Copy the secret now';
  $('notice-text').textContent = privateKey
    ? 'It is shown only this once and Junction does not keep it. Give it to the server (Base64 PKCS#8, as the Gigya SDKs read it); it signs a JWT per call.'
    : 'It is shown only this once. Keep it on your servers; it signs their calls to Junction.';
  $('notice-secret-label').textContent = secretLabel || 'Secret';
  $('notice-key-label').textContent = label || 'API key';
  $('notice-apikey').textContent = apiKey;
  $('notice-secret').textContent = secret;
  show('secret-notice', true);
}

async function selectSite(apiKey, provider) {
  state.site = await api('GET', '/admin/sites/' + encodeURIComponent(apiKey));
  for (const li of $('site-list').children) li.className = li.dataset.apiKey === apiKey ? 'selected' : '';
  const s = state.site;
  $('detail-name').textContent = s.name;
  $('detail-apikey').textContent = s.apiKey;
  $('detail-domains').textContent = s.domains.join(', ');
  $('detail-cname').textContent = s.cname || '—';
  $('detail-dc').textContent = s.dataCenter;
  $('detail-contacts').textContent = s.retrieveContacts ? 'enabled' : 'disabled';
  const social = [
    s.retrieveFriends ? 'friends' : null,
    s.publishStatus ? 'status' : null,
    s.publishUserActions ? 'user actions' : null,
    s.retrievePhotos ? 'photos' : null,
  ].filter((x) => x);
  $('detail-social').textContent = social.length ? social.join(', ') : 'none';
  $('detail-revoke-tokens').textContent = s.revokeTokensOnSecretRotation ? 'ended' : 'kept';
  $('detail-redirect-uris').textContent = s.redirectUris.length ? s.redirectUris.join(', ') : 'any URL on the domains';
  $('detail-policies').textContent = [
    s.allowImplicit ? 'implicit flow allowed' : 'no implicit flow',
    s.requirePkce ? 'PKCE required' : 'PKCE optional',
    s.connectConfirmation ? 'confirm connections from other browsers' : 'no connect confirmation',
    'guest connections: ' + s.guestMerge,
  ].join('; ');
  show('empty-hint', false); show('account-view', false); show('audit-view', false); show('site-detail', true);
  await loadProviders();
  await loadApplications();
  $('acct-q').value = '';
  await searchAccounts(null, false);
  const chosen = provider || (state.providers[0] && state.providers[0].provider) || state.info.providers[0].id;
  selectProvider(chosen);
  setRoute(s.apiKey, provider);
}

async function rotateSecret() {
  if (!confirm('Rotate the secret of ' + state.site.name + '? Servers signing with the old secret will be refused.')) return;
  const r = await api('POST', '/admin/sites/' + encodeURIComponent(state.site.apiKey) + '/secret');
  showSecret(r.apiKey, r.secret);
}

async function deleteSite() {
  if (!confirm('Delete ' + state.site.name + ' and all its provider settings?')) return;
  await api('DELETE', '/admin/sites/' + encodeURIComponent(state.site.apiKey));
  state.site = null; setRoute();
  await loadSites(); showEmpty();
}

// ---- providers ----
async function loadProviders() {
  state.providers = (await api('GET', '/admin/sites/' + encodeURIComponent(state.site.apiKey) + '/providers')).providers;
  const rows = $('provider-rows'); clear(rows);
  for (const p of state.providers) {
    const tr = document.createElement('tr');
    tr.dataset.provider = p.provider;
    tr.appendChild(el('td', p.displayName));
    tr.appendChild(el('td', p.saml ? p.saml.entityID : p.appId));
    tr.appendChild(el('td', p.secretKey));
    tr.appendChild(el('td', p.enabled ? 'enabled' : 'disabled'));
    tr.addEventListener('click', () => { selectProvider(p.provider); setRoute(state.site.apiKey, p.provider); });
    rows.appendChild(tr);
  }
  if (state.providers.length === 0) {
    const tr = document.createElement('tr');
    const td = el('td', 'No provider configured yet.', 'muted'); td.colSpan = 4; tr.appendChild(td); rows.appendChild(tr);
  }
}

// The provider the form is about: a listed one, or oidc-<name> for a site's own OpenID Connect provider.
function providerId() {
  const v = $('pv-provider').value;
  if (v === 'saml') return 'saml-' + $('pv-saml-name').value.trim().toLowerCase();
  return v === 'oidc' ? 'oidc-' + $('pv-oidc-name').value.trim().toLowerCase() : v;
}

function selectProvider(id) {
  if (id && id.startsWith('oidc-')) {
    $('pv-provider').value = 'oidc';
    $('pv-oidc-name').value = id.slice(5);
  } else if (id && id.startsWith('saml-')) {
    $('pv-provider').value = 'saml';
    $('pv-saml-name').value = id.slice(5);
  } else {
    $('pv-provider').value = id;
  }
  fillProviderForm();
}

function fillProviderForm() {
  if ($('pv-provider').value === 'saml') { fillSamlForm(); return; }
  show('pv-saml', false); show('pv-oauth', true); show('pv-callbacks-box', true);
  $('pv-saml-name').required = false;
  $('pv-appId').required = true;
  const custom = $('pv-provider').value === 'oidc';
  show('pv-oidc', custom);
  $('pv-oidc-name').required = custom;
  $('pv-issuer').required = custom;
  const id = providerId();
  const type = custom ? { id, usesPublicKey: false, defaultPermissions: ['openid', 'profile', 'email'], setupNotes: state.info.oidcSetupNotes }
    : state.info.providers.find((p) => p.id === id);
  $('pv-notes').textContent = type.setupNotes || '';
  const caps = type.capabilities || [];
  $('pv-capabilities').textContent = caps.length
    ? 'Can do: ' + caps.map((c) => c.capability + ' (' + c.permissions.join(', ') + ')').join('; ')
    : 'Login only: no friends, contacts, status, user actions or photos.';
  const cfg = state.providers.find((p) => p.provider === id);
  $('pv-issuer').value = cfg && cfg.issuer ? cfg.issuer : (custom ? $('pv-issuer').value : '');
  $('pv-appId').value = cfg ? cfg.appId : '';
  $('pv-publicKey').value = cfg && cfg.publicKey ? cfg.publicKey : '';
  $('pv-publicKey').required = type.usesPublicKey;
  show('pv-publicKey-label', type.usesPublicKey || (cfg && cfg.publicKey));
  $('pv-secretKey').value = '';
  $('pv-secretKey').required = !cfg;
  $('pv-secretKey').placeholder = cfg ? cfg.secretKey + '  (leave empty to keep it)' : '';
  $('pv-cname').checked = cfg ? cfg.cnameEnabled : false;
  $('pv-secure').checked = cfg ? cfg.secureRedirectsOnly : true;
  $('pv-enabled').checked = cfg ? cfg.enabled : true;
  $('pv-permissions').value = (cfg ? cfg.permissions : type.defaultPermissions).join(', ');
  show('pv-delete', !!cfg);
  $('pv-status').textContent = cfg ? 'Configured.' : 'Not configured yet.';
  $('pv-error').textContent = '';
  showCallbacks();
}

// What to paste at the provider, as the form's switches stand; the
// server answers the same list in callbackUrls once the settings are saved.
function showCallbacks() {
  const list = $('pv-callbacks'); clear(list);
  const urls = [state.info.callbackUrl];
  if (state.site.cname && $('pv-cname').checked) {
    if (!$('pv-secure').checked) urls.push('http://' + state.site.cname + '/GS/GSLogin.aspx');
    urls.push('https://' + state.site.cname + '/GS/GSLogin.aspx');
  }
  for (const u of urls) { const li = document.createElement('li'); li.appendChild(el('code', u)); list.appendChild(li); }
}

// A SAML identity provider: Gigya's ExternalIdP fields, and what the identity provider needs
// from this site's service provider (the server's view once saved, the same URLs before).
function fillSamlForm() {
  show('pv-saml', true); show('pv-oauth', false); show('pv-callbacks-box', false); show('pv-oidc', false);
  $('pv-oidc-name').required = false; $('pv-issuer').required = false;
  $('pv-appId').required = false; $('pv-secretKey').required = false; $('pv-publicKey').required = false;
  $('pv-saml-name').required = true;
  $('pv-notes').textContent = 'Give the identity provider\'s metadata (URL or XML), or its entity ID, single sign-on URL and signing certificate.'
    + ' Responses must be signed with SHA-256 or stronger.';
  $('pv-capabilities').textContent = 'Login only: no friends, contacts, status, user actions or photos.';
  const id = providerId();
  const cfg = state.providers.find((p) => p.provider === id);
  const s = cfg && cfg.saml;
  $('pv-saml-metadata-url').value = '';
  $('pv-saml-metadata').value = '';
  $('pv-saml-entity').value = s ? s.entityID : '';
  $('pv-saml-sso').value = s ? s.singleSignOnServiceUrl : '';
  $('pv-saml-sso-binding').value = s ? s.singleSignOnServiceBinding : '';
  $('pv-saml-slo').value = s && s.singleLogoutServiceUrl ? s.singleLogoutServiceUrl : '';
  $('pv-saml-slo-binding').value = s ? s.singleLogoutServiceBinding : '';
  $('pv-saml-nameid').value = s ? s.nameIDFormat : '';
  $('pv-saml-attributes').value = s ? Object.entries(s.attributeMap).map(([k, v]) => k + ' = ' + v).join('\n') : '';
  $('pv-saml-certificate').value = s ? s.certificates.map(pem).join('') : '';
  $('pv-saml-unsolicited').checked = s ? s.allowUnsolicited : false;
  $('pv-enabled').checked = cfg ? cfg.enabled : true;
  const base = state.info.publicUrl + '/saml/v2.0/' + state.site.apiKey + '/sp/';
  const sp = s ? s.serviceProvider : { entityID: base + 'metadata', metadataUrl: base + 'metadata', assertionConsumerServiceUrl: base + 'acs', singleLogoutServiceUrl: base + 'slo' };
  $('pv-saml-sp-entity').textContent = sp.entityID;
  $('pv-saml-sp-metadata').textContent = sp.metadataUrl;
  $('pv-saml-sp-acs').textContent = sp.assertionConsumerServiceUrl;
  $('pv-saml-sp-slo').textContent = sp.singleLogoutServiceUrl;
  show('pv-delete', !!cfg);
  $('pv-status').textContent = cfg ? 'Configured.' : 'Not configured yet.';
  $('pv-error').textContent = '';
}

function pem(base64) {
  return '-----BEGIN CERTIFICATE-----\n' + base64.match(/.{1,64}/g).join('\n') + '\n-----END CERTIFICATE-----\n';
}

// The form's fields as the admin API takes them: empty ones left out, so that metadata fills them.
function samlBody() {
  const body = { enabled: $('pv-enabled').checked, allowUnsolicited: $('pv-saml-unsolicited').checked };
  const put = (field, id) => { const v = $(id).value.trim(); if (v) body[field] = v; };
  put('metadataUrl', 'pv-saml-metadata-url');
  put('metadata', 'pv-saml-metadata');
  put('entityID', 'pv-saml-entity');
  put('singleSignOnServiceUrl', 'pv-saml-sso');
  put('singleSignOnServiceBinding', 'pv-saml-sso-binding');
  put('singleLogoutServiceUrl', 'pv-saml-slo');
  put('singleLogoutServiceBinding', 'pv-saml-slo-binding');
  put('nameIDFormat', 'pv-saml-nameid');
  put('certificate', 'pv-saml-certificate');
  const map = {};
  for (const line of $('pv-saml-attributes').value.split('\n')) {
    const at = line.lastIndexOf('=');
    if (at > 0) map[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  body.attributeMap = map;
  return body;
}

async function saveProvider(evt) {
  evt.preventDefault();
  $('pv-error').textContent = ''; $('pv-status').textContent = '';
  const id = providerId();
  if ($('pv-provider').value === 'saml') {
    try {
      await api('PUT', '/admin/sites/' + encodeURIComponent(state.site.apiKey) + '/providers/' + encodeURIComponent(id), samlBody());
      await loadProviders();
      selectProvider(id);
      $('pv-status').textContent = 'Saved.';
      setRoute(state.site.apiKey, id);
    } catch (e) {
      $('pv-error').textContent = e.message;
    }
    return;
  }
  const body = {
    appId: $('pv-appId').value,
    cnameEnabled: $('pv-cname').checked,
    secureRedirectsOnly: $('pv-secure').checked,
    enabled: $('pv-enabled').checked,
    permissions: $('pv-permissions').value.split(/[\s,;]+/).filter((p) => p),
  };
  if ($('pv-publicKey').value.trim()) body.publicKey = $('pv-publicKey').value.trim();
  if ($('pv-secretKey').value) body.secretKey = $('pv-secretKey').value;
  if ($('pv-provider').value === 'oidc') {
    body.issuer = $('pv-issuer').value.trim();
    // allowedHosts are set through the admin API only: a save here keeps the stored ones.
    const cfg = state.providers.find((p) => p.provider === id);
    if (cfg && cfg.allowedHosts) body.allowedHosts = cfg.allowedHosts;
  }
  try {
    await api('PUT', '/admin/sites/' + encodeURIComponent(state.site.apiKey) + '/providers/' + encodeURIComponent(id), body);
    await loadProviders();
    selectProvider(id);
    $('pv-status').textContent = 'Saved.';
    setRoute(state.site.apiKey, id);
  } catch (e) {
    $('pv-error').textContent = e.message;
  }
}

async function deleteProvider() {
  const id = providerId();
  if (!confirm('Remove the ' + id + ' settings of ' + state.site.name + '?')) return;
  await api('DELETE', '/admin/sites/' + encodeURIComponent(state.site.apiKey) + '/providers/' + encodeURIComponent(id));
  await loadProviders(); fillProviderForm();
}

// ---- application keys ----
async function loadApplications() {
  const apps = (await api('GET', '/admin/sites/' + encodeURIComponent(state.site.apiKey) + '/applications')).applications;
  const rows = $('app-rows'); clear(rows);
  for (const a of apps) {
    const tr = document.createElement('tr');
    tr.dataset.userKey = a.userKey;
    const key = document.createElement('td'); key.appendChild(el('code', a.userKey)); tr.appendChild(key);
    tr.appendChild(el('td', a.name));
    tr.appendChild(el('td', a.permissions.join(', ')));
    const proof = document.createElement('td');
    if (a.keyType === 'rsa') {
      const details = document.createElement('details');
      details.appendChild(el('summary', 'RSA key pair'));
      details.appendChild(el('code', a.publicKey));
      proof.appendChild(details);
    } else {
      proof.textContent = 'secret';
    }
    tr.appendChild(proof);
    const actions = document.createElement('td');
    if (a.keyType === 'rsa') {
      const pair = el('button', 'New key pair', 'link');
      pair.type = 'button';
      pair.addEventListener('click', guard(async () => {
        if (!confirm('Give ' + a.name + ' a new key pair? Its current private key stops working; the userKey stays.')) return;
        const rotated = await api('POST', '/admin/sites/' + encodeURIComponent(state.site.apiKey) + '/applications/' + encodeURIComponent(a.userKey) + '/keyPair');
        showSecret(rotated.userKey, rotated.privateKey, 'userKey', 'Private key');
        await loadApplications();
      }));
      actions.appendChild(pair);
    }
    const del = el('button', 'Delete', 'danger');
    del.type = 'button';
    del.addEventListener('click', guard(async () => {
      if (!confirm('Delete the application key ' + a.name + '? Servers using it will be refused.')) return;
      await api('DELETE', '/admin/sites/' + encodeURIComponent(state.site.apiKey) + '/applications/' + encodeURIComponent(a.userKey));
      await loadApplications();
    }));
    actions.appendChild(del); tr.appendChild(actions);
    rows.appendChild(tr);
  }
}

async function createApplication(evt) {
  evt.preventDefault();
  $('app-error').textContent = '';
  try {
    const type = $('app-key-type').value;
    const body = {
      name: $('app-name').value,
      permissions: $('app-permissions').value.split(/[\s,;]+/).filter((p) => p),
      keyType: type === 'secret' ? 'secret' : 'rsa',
    };
    if (type === 'rsa-own') body.publicKey = $('app-public-key').value;
    const created = await api('POST', '/admin/sites/' + encodeURIComponent(state.site.apiKey) + '/applications', body);
    if (created.secret) showSecret(created.userKey, created.secret, 'userKey');
    else if (created.privateKey) showSecret(created.userKey, created.privateKey, 'userKey', 'Private key');
    $('app-name').value = '';
    $('app-public-key').value = '';
    await loadApplications();
  } catch (e) {
    $('app-error').textContent = e.message;
  }
}

// ---- accounts ----
const accounts = { q: '', next: null };
const enc = encodeURIComponent;
function sitePath() { return '/admin/sites/' + enc(state.site.apiKey); }
function when(t) { return t ? t.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—'; }

async function searchAccounts(evt, more) {
  if (evt) evt.preventDefault();
  $('acct-error').textContent = '';
  const rows = $('acct-rows');
  if (!more) { accounts.q = $('acct-q').value.trim(); accounts.next = null; }
  const p = new URLSearchParams();
  if (accounts.q) p.set('q', accounts.q);
  p.set('limit', '20');
  if (more && accounts.next) p.set('cursor', accounts.next);
  try {
    const r = await api('GET', sitePath() + '/accounts?' + p.toString());
    if (!more) clear(rows);
    for (const a of r.accounts) {
      const tr = document.createElement('tr');
      tr.dataset.uid = a.UID;
      const uid = document.createElement('td'); uid.appendChild(el('code', a.UID)); tr.appendChild(uid);
      tr.appendChild(el('td', (a.nickname || '—') + (a.guest ? ' (guest)' : '')));
      tr.appendChild(el('td', a.email || '—'));
      tr.appendChild(el('td', a.providers.join(', ') || '—'));
      tr.appendChild(el('td', when(a.created)));
      tr.appendChild(el('td', when(a.lastLogin)));
      tr.addEventListener('click', guard(() => openAccount(a.UID)));
      rows.appendChild(tr);
    }
    if (!more && r.accounts.length === 0) {
      const tr = document.createElement('tr');
      const td = el('td', accounts.q ? 'No account matches.' : 'No account yet.', 'muted'); td.colSpan = 6; tr.appendChild(td); rows.appendChild(tr);
    }
    accounts.next = r.next || null;
    show('acct-more', !!accounts.next);
  } catch (e) {
    $('acct-error').textContent = e.message;
  }
}

function accountPath(uid) { return sitePath() + '/accounts/' + enc(uid); }

async function openAccount(uid) {
  const a = await api('GET', accountPath(uid));
  state.account = a;
  $('acct-uid').textContent = a.UID;
  $('acct-kind').textContent = a.guest ? 'guest (connections of one browser, not logged in)' : 'user';
  $('acct-created').textContent = when(a.created);
  $('acct-last-login').textContent = when(a.lastLogin);
  $('acct-login-provider').textContent = a.loginProvider || '—';
  $('acct-status').textContent = ''; $('acct-view-error').textContent = '';
  const rows = $('ident-rows'); clear(rows);
  for (const i of a.identities) {
    const tr = document.createElement('tr');
    tr.dataset.provider = i.provider;
    tr.dataset.providerUid = i.providerUID;
    tr.appendChild(el('td', i.provider));
    const puid = document.createElement('td'); puid.appendChild(el('code', i.providerUID)); tr.appendChild(puid);
    tr.appendChild(el('td', i.nickname || '—'));
    tr.appendChild(el('td', when(i.linkedAt)));
    tr.appendChild(el('td', when(i.lastUsed)));
    tr.appendChild(el('td', i.connected ? when(i.tokenExpires) === '—' ? 'connected' : when(i.tokenExpires) : 'not connected'));
    const actions = document.createElement('td');
    const unlinkButton = el('button', 'Unlink', 'danger');
    unlinkButton.type = 'button';
    unlinkButton.addEventListener('click', guard(() => unlink(i)));
    actions.appendChild(unlinkButton); tr.appendChild(actions);
    rows.appendChild(tr);
  }
  if (a.identities.length === 0) {
    const tr = document.createElement('tr');
    const td = el('td', 'No linked identity.', 'muted'); td.colSpan = 7; tr.appendChild(td); rows.appendChild(tr);
  }
  show('site-detail', false); show('audit-view', false); show('account-view', true);
}

// Unlinks after a confirmation; the last way to log in asks a second time, as the server does.
async function unlink(i) {
  const a = state.account;
  if (!confirm('Unlink the ' + i.provider + ' identity ' + i.providerUID + ' from ' + a.UID + '?')) return;
  // A providerUID may hold '/': its slashes stay as they are (Liberty refuses an encoded one).
  const path = accountPath(a.UID) + '/identities/' + enc(i.provider) + '/'
    + i.providerUID.split('/').map(enc).join('/');
  try {
    await api('DELETE', path);
  } catch (e) {
    if (e.code !== 400030) throw e;
    if (!confirm('This is the last identity this user can log in with. Unlink it anyway?')) return;
    await api('DELETE', path + '?confirm=last');
  }
  await openAccount(a.UID);
  $('acct-status').textContent = 'Unlinked ' + i.provider + ' ' + i.providerUID + '.';
}

async function exportAccount() {
  const a = state.account;
  const data = await api('GET', accountPath(a.UID) + '/export');
  const link = $('acct-export-link');
  if (link.href && link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  link.download = 'account-' + a.UID.replace(/[^A-Za-z0-9_.-]/g, '_') + '.json';
  link.click();
  $('acct-status').textContent = 'Exported the data of ' + a.UID + ' (' + data.identities.length + ' identities).';
}

async function deleteAccount() {
  const a = state.account;
  if (!confirm('Delete the account ' + a.UID + ', its linked identities and its sessions? This cannot be undone.')) return;
  await api('DELETE', accountPath(a.UID));
  state.account = null;
  await selectSite(state.site.apiKey);
  $('acct-error').textContent = '';
}

// ---- audit log ----
const audit = { apiKey: '', next: null };

async function openAudit(apiKey) {
  $('audit-apikey').value = apiKey || '';
  show('site-detail', false); show('account-view', false); show('empty-hint', false); show('audit-view', true);
  await loadAudit(null, false);
}

function describe(v) {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return '[' + v.join(', ') + ']';
  if (typeof v === 'object' && 'to' in v) return describe(v.from) + ' → ' + describe(v.to);
  return String(v);
}

async function loadAudit(evt, more) {
  if (evt) evt.preventDefault();
  $('audit-error').textContent = '';
  if (!more) { audit.apiKey = $('audit-apikey').value.trim(); audit.next = null; }
  const p = new URLSearchParams();
  if (audit.apiKey) p.set('apiKey', audit.apiKey);
  p.set('limit', '50');
  if (more && audit.next) p.set('cursor', audit.next);
  try {
    const r = await api('GET', '/admin/audit?' + p.toString());
    const rows = $('audit-rows');
    if (!more) clear(rows);
    for (const e of r.events) {
      const tr = document.createElement('tr');
      tr.dataset.action = e.action;
      tr.appendChild(el('td', when(e.at)));
      tr.appendChild(el('td', e.actor));
      tr.appendChild(el('td', e.address));
      tr.appendChild(el('td', e.action));
      tr.appendChild(el('td', e.apiKey || '—'));
      tr.appendChild(el('td', e.target || '—'));
      tr.appendChild(el('td', Object.entries(e.changes || {}).map(([k, v]) => k + ': ' + describe(v)).join('; ')));
      rows.appendChild(tr);
    }
    if (!more && r.events.length === 0) {
      const tr = document.createElement('tr');
      const td = el('td', 'No change recorded.', 'muted'); td.colSpan = 7; tr.appendChild(td); rows.appendChild(tr);
    }
    audit.next = r.next || null;
    show('audit-more', !!audit.next);
  } catch (e) {
    $('audit-error').textContent = e.message;
  }
}

function closeAudit() {
  show('audit-view', false);
  if (state.site) show('site-detail', true); else showEmpty();
}

function guard(fn) {
  return (...args) => Promise.resolve(fn(...args)).catch((e) => alert(e.message));
}

document.addEventListener('DOMContentLoaded', () => {
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  $('new-site').addEventListener('click', () => openSiteForm(null));
  $('edit-site').addEventListener('click', () => openSiteForm(state.site));
  $('site-cancel').addEventListener('click', () => { show('site-form', false); if (!state.site) showEmpty(); });
  $('site-form').addEventListener('submit', saveSite);
  $('notice-close').addEventListener('click', () => show('secret-notice', false));
  $('rotate-secret').addEventListener('click', guard(rotateSecret));
  $('delete-site').addEventListener('click', guard(deleteSite));
  $('pv-provider').addEventListener('change', () => { fillProviderForm(); setRoute(state.site.apiKey, providerId()); });
  $('pv-oidc-name').addEventListener('change', fillProviderForm);
  // A name already configured shows its settings; a new one keeps what was typed.
  $('pv-saml-name').addEventListener('change', () => { if (state.providers.some((p) => p.provider === providerId())) fillProviderForm(); });
  $('provider-form').addEventListener('submit', saveProvider);
  $('pv-cname').addEventListener('change', showCallbacks);
  $('pv-secure').addEventListener('change', showCallbacks);
  $('pv-delete').addEventListener('click', guard(deleteProvider));
  $('app-form').addEventListener('submit', createApplication);
  $('app-key-type').addEventListener('change', () => show('app-public-key-box', $('app-key-type').value === 'rsa-own'));
  $('acct-search-form').addEventListener('submit', (e) => searchAccounts(e, false));
  $('acct-more').addEventListener('click', () => searchAccounts(null, true));
  $('acct-back').addEventListener('click', guard(() => selectSite(state.site.apiKey)));
  $('acct-export').addEventListener('click', guard(exportAccount));
  $('acct-delete').addEventListener('click', guard(deleteAccount));
  $('show-audit').addEventListener('click', guard(() => openAudit('')));
  $('site-audit').addEventListener('click', guard(() => openAudit(state.site.apiKey)));
  $('audit-form').addEventListener('submit', (e) => loadAudit(e, false));
  $('audit-more').addEventListener('click', () => loadAudit(null, true));
  $('audit-close').addEventListener('click', closeAudit);
  if (state.auth) start().catch(() => logout());
  else logout();
});
