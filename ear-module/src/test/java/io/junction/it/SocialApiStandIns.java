package io.junction.it;

import static io.junction.it.OkStandIn.query;
import static io.junction.it.OkStandIn.send;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loopback stand-ins of the APIs a user's OpenID Connect access token (issued by the tests' real
 * OIDC server, {@link OidcIT#oidc()}) reaches, each checking the call as the real API does: the
 * token's signature, issuer and expiry, the scope it carries ({@code scope}, or Microsoft's {@code
 * scp}), the method, the path, the parameters and the body, with each API's own error bodies.
 *
 * <ul>
 *   <li>Google People API, {@code GET /google/v1/people/me/connections} (contacts.readonly;
 *       personFields required; pageSize 1-1000; two contacts a page, nextPageToken).
 *   <li>Microsoft Graph, {@code GET /graph/v1.0/me/contacts} (Contacts.Read; $top 1-1000; two
 *       contacts a page, an absolute {@code @odata.nextLink}).
 *   <li>LinkedIn Posts API, {@code POST /linkedin/rest/posts} (w_member_social; LinkedIn-Version
 *       and X-Restli-Protocol-Version 2.0.0; the author must be the member; 201 with the post's URN
 *       in {@code x-restli-id}).
 * </ul>
 */
final class SocialApiStandIns {

  record Contact(String email, String first, String last) {}

  /** The contacts a subject has, at Google and at Microsoft. */
  static final Map<String, List<Contact>> CONTACTS = new ConcurrentHashMap<>();

  /** The posts LinkedIn created: the author, the body and the URN. */
  static final List<String[]> LINKEDIN_POSTS = new CopyOnWriteArrayList<>();

  /** The next call of each API answers an outage (503 or 500) once. */
  static final Set<String> FAIL_NEXT = ConcurrentHashMap.newKeySet();

  /** The query of the last call of each API. */
  static final Map<String, Map<String, String>> LAST = new ConcurrentHashMap<>();

  private static final AtomicBoolean REGISTERED = new AtomicBoolean();
  private static int port;

  private SocialApiStandIns() {}

  static void register(HttpServer server, int serverPort) {
    if (!REGISTERED.compareAndSet(false, true)) {
      return;
    }
    port = serverPort;
    server.createContext("/google/v1/people/me/connections", SocialApiStandIns::people);
    server.createContext("/google/tokeninfo", SocialApiStandIns::tokeninfo);
    server.createContext("/line/oauth2/v2.1/verify", SocialApiStandIns::lineVerify);
    server.createContext("/graph/v1.0/me/contacts", SocialApiStandIns::graphContacts);
    server.createContext("/linkedin/rest/posts", SocialApiStandIns::linkedinPosts);
  }

  /** The claims of the bearer token of a request, if valid for the OIDC server's {@code issuer}. */
  private static JWTClaimsSet claims(HttpExchange x, String issuer) {
    String auth = String.valueOf(x.getRequestHeaders().getFirst("Authorization"));
    if (!auth.startsWith("Bearer ")) {
      return null;
    }
    return claims(auth.substring(7), issuer);
  }

  /** The claims of a valid access token of the OIDC server's {@code issuer}, else null. */
  private static JWTClaimsSet claims(String token, String issuer) {
    if (token == null) {
      return null;
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      JWKSet keys = JWKSet.load(OidcIT.oidc().jwksUrl(issuer).url());
      RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      if (key == null
          || !jwt.verify(new RSASSAVerifier(key))
          || !OidcIT.oidc().issuerUrl(issuer).toString().equals(c.getIssuer())
          || c.getExpirationTime() == null
          || c.getExpirationTime().before(new Date())) {
        return null;
      }
      return c;
    } catch (Exception e) {
      return null;
    }
  }

  private static boolean hasScope(JWTClaimsSet c, String claim, String scope) {
    Object v = c.getClaim(claim);
    return v != null && Arrays.asList(v.toString().split(" ")).contains(scope);
  }

  private static int intParam(Map<String, String> q, String name, int absent) {
    String v = q.get(name);
    if (v == null) {
      return absent;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The claims of the {@code access_token} a token-information request asks about, if valid for the
   * OIDC server's {@code issuer}; the query is kept in {@link #LAST} under {@code api}.
   */
  private static JWTClaimsSet queriedToken(HttpExchange x, String api, String issuer) {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    LAST.put(api, q);
    return claims(q.get("access_token"), issuer);
  }

  /**
   * Google's tokeninfo: for a valid access token, the client it was issued to ({@code aud}, and
   * {@code azp} where the token names one); {@code 400 Invalid Value} for anything else.
   */
  private static void tokeninfo(HttpExchange x) throws IOException {
    JWTClaimsSet c = queriedToken(x, "google-tokeninfo", "google");
    if (c == null) {
      send(x, 400, "application/json", "{\"error_description\":\"Invalid Value\"}");
      return;
    }
    var info =
        Json.createObjectBuilder()
            .add("aud", c.getAudience().isEmpty() ? "" : c.getAudience().get(0))
            .add("sub", c.getSubject());
    if (c.getClaim("azp") != null) {
      info.add("azp", c.getClaim("azp").toString());
    }
    send(x, 200, "application/json", info.build().toString());
  }

  /**
   * LINE's verify: for a valid access token, the channel it was issued to; 400 for anything else.
   */
  private static void lineVerify(HttpExchange x) throws IOException {
    JWTClaimsSet c = queriedToken(x, "line-verify", "line");
    if (c == null) {
      send(
          x,
          400,
          "application/json",
          "{\"error\":\"invalid_request\",\"error_description\":\"access token expired\"}");
      return;
    }
    String channel = c.getAudience().isEmpty() ? "" : c.getAudience().get(0);
    send(
        x,
        200,
        "application/json",
        Json.createObjectBuilder()
            .add("scope", "profile openid")
            .add("client_id", channel)
            .add("expires_in", 3600)
            .build()
            .toString());
  }

  /** Google People API people.connections.list. */
  private static void people(HttpExchange x) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    LAST.put("google", q);
    JWTClaimsSet c = claims(x, "google");
    if (c == null) {
      send(
          x,
          401,
          "application/json; charset=UTF-8",
          "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials."
              + " Expected OAuth 2 access token, login cookie or other valid authentication"
              + " credential.\",\"status\":\"UNAUTHENTICATED\"}}");
      return;
    }
    if (!hasScope(c, "scope", "https://www.googleapis.com/auth/contacts.readonly")
        && !hasScope(c, "scope", "https://www.googleapis.com/auth/contacts")) {
      send(
          x,
          403,
          "application/json; charset=UTF-8",
          "{\"error\":{\"code\":403,\"message\":\"Request had insufficient authentication scopes.\","
              + "\"status\":\"PERMISSION_DENIED\",\"details\":[{\"@type\":"
              + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":"
              + "\"ACCESS_TOKEN_SCOPE_INSUFFICIENT\",\"domain\":\"googleapis.com\",\"metadata\":"
              + "{\"service\":\"people.googleapis.com\",\"method\":"
              + "\"google.people.v1.PeopleService.ListConnections\"}}]}}");
      return;
    }
    int pageSize = intParam(q, "pageSize", 100);
    if (!"GET".equals(x.getRequestMethod())
        || q.get("personFields") == null
        || q.get("personFields").isBlank()
        || pageSize < 1
        || pageSize > 1000) {
      send(
          x,
          400,
          "application/json; charset=UTF-8",
          "{\"error\":{\"code\":400,\"message\":\"personFields mask is required. Please specify one"
              + " or more valid paths.\",\"status\":\"INVALID_ARGUMENT\"}}");
      return;
    }
    if (FAIL_NEXT.remove("google")) {
      send(
          x,
          503,
          "application/json; charset=UTF-8",
          "{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\","
              + "\"status\":\"UNAVAILABLE\"}}");
      return;
    }
    List<Contact> all = CONTACTS.getOrDefault(c.getSubject(), List.of());
    int from = intParam(q, "pageToken", 0);
    int to = Math.min(all.size(), from + Math.min(pageSize, 2));
    JsonArrayBuilder people = Json.createArrayBuilder();
    for (int i = from; i < to; i++) {
      Contact p = all.get(i);
      people.add(
          Json.createObjectBuilder()
              .add("resourceName", "people/c" + i)
              .add("etag", "%Eg" + i)
              .add(
                  "names",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add("displayName", p.first() + " " + p.last())
                              .add("givenName", p.first())
                              .add("familyName", p.last())))
              .add(
                  "emailAddresses",
                  Json.createArrayBuilder()
                      .add(Json.createObjectBuilder().add("value", p.email()))));
    }
    var body = Json.createObjectBuilder().add("connections", people).add("totalPeople", all.size());
    if (to < all.size()) {
      body.add("nextPageToken", String.valueOf(to));
    }
    send(x, 200, "application/json; charset=UTF-8", body.build().toString());
  }

  /** Microsoft Graph GET /me/contacts. */
  private static void graphContacts(HttpExchange x) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    LAST.put("microsoft", q);
    JWTClaimsSet c = claims(x, "microsoft");
    if (c == null) {
      send(
          x,
          401,
          "application/json",
          "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token"
              + " validation failure.\"}}");
      return;
    }
    if (!hasScope(c, "scp", "Contacts.Read") && !hasScope(c, "scp", "Contacts.ReadWrite")) {
      send(
          x,
          403,
          "application/json",
          "{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access is denied. Check"
              + " credentials and try again.\"}}");
      return;
    }
    int top = intParam(q, "$top", 10);
    int skip = intParam(q, "$skip", 0);
    if (!"GET".equals(x.getRequestMethod()) || top < 1 || top > 1000 || skip < 0) {
      send(
          x,
          400,
          "application/json",
          "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Invalid request.\"}}");
      return;
    }
    if (FAIL_NEXT.remove("microsoft")) {
      send(
          x,
          503,
          "application/json",
          "{\"error\":{\"code\":\"ServiceNotAvailable\",\"message\":\"The service is temporarily"
              + " unavailable.\"}}");
      return;
    }
    List<Contact> all = CONTACTS.getOrDefault(c.getSubject(), List.of());
    int to = Math.min(all.size(), skip + Math.min(top, 2));
    JsonArrayBuilder value = Json.createArrayBuilder();
    for (int i = skip; i < to; i++) {
      Contact p = all.get(i);
      value.add(
          Json.createObjectBuilder()
              .add("id", "AAMk" + i)
              .add("displayName", p.first() + " " + p.last())
              .add("givenName", p.first())
              .add("surname", p.last())
              .add(
                  "emailAddresses",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add("name", p.first())
                              .add("address", p.email()))));
    }
    var body =
        Json.createObjectBuilder()
            .add(
                "@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users('me')/contacts")
            .add("value", value);
    if (to < all.size()) {
      String select = q.getOrDefault("$select", "");
      body.add(
          "@odata.nextLink",
          "http://localhost:"
              + port
              + "/graph/v1.0/me/contacts?%24select="
              + OkStandIn.enc(select)
              + "&%24top="
              + top
              + "&%24skip="
              + to);
    }
    send(x, 200, "application/json; odata.metadata=minimal", body.build().toString());
  }

  /** LinkedIn Posts API, POST /rest/posts. */
  private static void linkedinPosts(HttpExchange x) throws IOException {
    byte[] raw = x.getRequestBody().readAllBytes();
    JWTClaimsSet c = claims(x, "linkedin");
    if (c == null) {
      send(
          x,
          401,
          "application/json",
          "{\"status\":401,\"serviceErrorCode\":65600,\"code\":\"INVALID_ACCESS_TOKEN\","
              + "\"message\":\"Invalid access token\"}");
      return;
    }
    String version = x.getRequestHeaders().getFirst("LinkedIn-Version");
    if (version == null || !version.matches("20\\d{2}(0[1-9]|1[0-2])")) {
      send(
          x,
          version == null ? 400 : 426,
          "application/json",
          version == null
              ? "{\"status\":400,\"code\":\"VERSION_MISSING\",\"message\":\"A version must be"
                  + " present. Please specify a version by adding the LinkedIn-Version header.\"}"
              : "{\"status\":426,\"code\":\"NONEXISTENT_VERSION\",\"message\":\"Requested version "
                  + version
                  + " is not active\"}");
      return;
    }
    if (!hasScope(c, "scope", "w_member_social")) {
      send(
          x,
          403,
          "application/json",
          "{\"status\":403,\"serviceErrorCode\":100,\"code\":\"ACCESS_DENIED\",\"message\":\"Not"
              + " enough permissions to access: partnerApiPostsExternal.CREATE.20240501\"}");
      return;
    }
    if (FAIL_NEXT.remove("linkedin")) {
      send(
          x,
          500,
          "application/json",
          "{\"status\":500,\"message\":\"Internal Server Error\",\"serviceErrorCode\":0}");
      return;
    }
    String problem =
        postProblem(
            x.getRequestMethod(),
            x.getRequestHeaders().getFirst("X-Restli-Protocol-Version"),
            x.getRequestHeaders().getFirst("Content-Type"),
            new String(raw, StandardCharsets.UTF_8),
            "urn:li:person:" + c.getSubject());
    if (problem != null) {
      send(
          x,
          422,
          "application/json",
          Json.createObjectBuilder().add("status", 422).add("message", problem).build().toString());
      return;
    }
    String urn = "urn:li:share:" + (7_100_000_000_000_000_000L + LINKEDIN_POSTS.size());
    LINKEDIN_POSTS.add(
        new String[] {
          "urn:li:person:" + c.getSubject(), new String(raw, StandardCharsets.UTF_8), urn
        });
    x.getResponseHeaders().add("x-restli-id", urn);
    x.getResponseHeaders().add("x-linkedin-id", urn);
    send(x, 201, "application/json", "");
  }

  /** What LinkedIn would refuse in a post request, or null. */
  private static String postProblem(
      String method, String protocol, String type, String body, String member) {
    if (!"POST".equals(method)) {
      return "method " + method;
    }
    if (!"2.0.0".equals(protocol)) {
      return "X-Restli-Protocol-Version must be 2.0.0";
    }
    if (type == null || !type.startsWith("application/json")) {
      return "Content-Type must be application/json";
    }
    JsonObject post;
    try {
      post = Json.createReader(new StringReader(body)).readObject();
    } catch (RuntimeException e) {
      return "body is not a JSON object";
    }
    List<String> errors = new ArrayList<>();
    if (!member.equals(string(post, "author"))) {
      errors.add("/author :: must be the member " + member);
    }
    if (string(post, "commentary") == null) {
      errors.add("/commentary :: required");
    }
    if (!List.of("PUBLIC", "CONNECTIONS", "LOGGED_IN").contains(string(post, "visibility"))) {
      errors.add("/visibility :: invalid");
    }
    if (!"PUBLISHED".equals(string(post, "lifecycleState"))) {
      errors.add("/lifecycleState :: must be PUBLISHED");
    }
    if (!(post.get("distribution") instanceof JsonObject d)
        || !List.of("MAIN_FEED", "NONE").contains(string(d, "feedDistribution"))) {
      errors.add("/distribution/feedDistribution :: required");
    }
    if (post.containsKey("content")) {
      if (!(post.get("content") instanceof JsonObject content)
          || !(content.get("article") instanceof JsonObject article)) {
        errors.add("/content :: only an article here");
      } else {
        String source = string(article, "source");
        if (source == null || URI.create(source).getHost() == null) {
          errors.add("/content/article/source :: required, a URL");
        }
        if (string(article, "title") == null) {
          errors.add("/content/article/title :: required");
        }
      }
    }
    for (String[] p : LINKEDIN_POSTS) {
      if (p[0].equals(member) && p[1].equals(body)) {
        errors.add("Content is a duplicate of " + p[2]);
      }
    }
    return errors.isEmpty() ? null : "ERROR :: " + String.join("; ", errors);
  }

  private static String string(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? s.getString() : null;
  }
}
