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
  show('site-detail', false);
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

function showSecret(apiKey, secret, label) {
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
  show('empty-hint', false); show('site-detail', true);
  await loadProviders();
  await loadApplications();
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
    tr.appendChild(el('td', p.appId));
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
  return v === 'oidc' ? 'oidc-' + $('pv-oidc-name').value.trim().toLowerCase() : v;
}

function selectProvider(id) {
  if (id && id.startsWith('oidc-')) {
    $('pv-provider').value = 'oidc';
    $('pv-oidc-name').value = id.slice(5);
  } else {
    $('pv-provider').value = id;
  }
  fillProviderForm();
}

function fillProviderForm() {
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

async function saveProvider(evt) {
  evt.preventDefault();
  $('pv-error').textContent = ''; $('pv-status').textContent = '';
  const id = providerId();
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
    const actions = document.createElement('td');
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
    const created = await api('POST', '/admin/sites/' + encodeURIComponent(state.site.apiKey) + '/applications', {
      name: $('app-name').value,
      permissions: $('app-permissions').value.split(/[\s,;]+/).filter((p) => p),
    });
    showSecret(created.userKey, created.secret, 'userKey');
    $('app-name').value = '';
    await loadApplications();
  } catch (e) {
    $('app-error').textContent = e.message;
  }
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
  $('provider-form').addEventListener('submit', saveProvider);
  $('pv-cname').addEventListener('change', showCallbacks);
  $('pv-secure').addEventListener('change', showCallbacks);
  $('pv-delete').addEventListener('click', guard(deleteProvider));
  $('app-form').addEventListener('submit', createApplication);
  if (state.auth) start().catch(() => logout());
  else logout();
});
