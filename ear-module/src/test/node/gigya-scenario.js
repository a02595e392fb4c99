'use strict';
// Drives Junction with the published Gigya SDK for Node.js (npm "gigya"), unchanged: it signs as it
// would for Gigya (host socialize.<dc>.gigya.com, millisecond timestamps); only its HTTP-request
// hook sends the request to Junction instead. Prints one JSON line of results.
const { Gigya } = require('gigya');
const https = require('https');
const querystring = require('querystring');

const base = process.env.JUNCTION_BASE;
const apiKey = process.env.API_KEY;
const secret = process.env.SITE_SECRET;
const userKey = process.env.USER_KEY;
const appSecret = process.env.APP_SECRET;

// The SDK's own hook signature: (endpoint, host, params, headers) -> parsed JSON answer.
function toJunction(endpoint, host, params, headers) {
  return new Promise((resolve, reject) => {
    const body = querystring.stringify(params);
    const req = https.request(`${base}/${endpoint}`, {
      method: 'POST',
      rejectUnauthorized: false, // the test server's self-signed certificate
      headers: Object.assign({}, headers, {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': Buffer.byteLength(body),
      }),
    }, (res) => {
      let data = '';
      res.on('data', (c) => { data += c; });
      res.on('end', () => { try { resolve(JSON.parse(data)); } catch (e) { reject(e); } });
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main() {
  const out = {};
  const uid = 'node-' + Date.now();

  // 1. Partner secret (sent over HTTPS): notifyLogin, getUserInfo, setUID.
  const partner = new Gigya(apiKey, 'us1', secret);
  partner.httpRequest = toJunction;
  const login = await partner.socialize.notifyLogin({ siteUID: uid });
  out.loginUID = login.UID;
  out.loginSignatureValid = partner.sigUtils.validateUserSignature(login.UID, login.signatureTimestamp, login.UIDSignature, secret);
  const info = await partner.socialize.getUserInfo({ UID: uid });
  out.infoUID = info.UID;
  out.infoSignatureValid = partner.sigUtils.validateUserSignature(info.UID, info.signatureTimestamp, info.UIDSignature, secret);

  // 2. Application key and secret: signed requests (CredentialsSigner).
  const app = new Gigya(apiKey, 'us1', userKey, appSecret);
  app.httpRequest = toJunction;
  const signed = await app.socialize.getUserInfo({ UID: uid });
  out.signedUID = signed.UID;
  const exchanged = await app.socialize.exchangeUIDSignature({
    UID: uid, UIDSignature: info.UIDSignature, signatureTimestamp: info.signatureTimestamp });
  out.exchangedSignatureValid = app.sigUtils.validateUserSignature(uid, exchanged.signatureTimestamp, exchanged.UIDSignature, appSecret);

  // 3. An OAuth token (the browser cookie value of notifyLogin) works as oauth_token.
  const oauth = await partner.socialize.getUserInfo({ oauth_token: login.cookieValue });
  out.oauthUID = oauth.UID;

  // 4. Refusals arrive as the SDK's GigyaError with Gigya's codes.
  try {
    await app.socialize.getUserInfo({ UID: 'nobody-' + Date.now() });
    out.unknownUserCode = 0;
  } catch (e) {
    out.unknownUserCode = e.errorCode;
  }
  const forged = new Gigya(apiKey, 'us1', userKey, Buffer.from('not the secret').toString('base64'));
  forged.httpRequest = toJunction;
  try {
    await forged.socialize.getUserInfo({ UID: uid });
    out.forgedCode = 0;
  } catch (e) {
    out.forgedCode = e.errorCode;
  }

  // 5. logout and deleteAccount with the partner secret.
  await partner.socialize.logout({ UID: uid });
  try {
    await partner.socialize.getUserInfo({ oauth_token: login.cookieValue });
    out.afterLogoutCode = 0;
  } catch (e) {
    out.afterLogoutCode = e.errorCode;
  }
  await partner.socialize.deleteAccount({ UID: uid });
  try {
    await partner.socialize.getUserInfo({ UID: uid });
    out.afterDeleteCode = 0;
  } catch (e) {
    out.afterDeleteCode = e.errorCode;
  }
  out.uid = uid;
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
