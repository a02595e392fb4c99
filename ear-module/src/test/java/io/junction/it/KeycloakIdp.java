package io.junction.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real SAML identity provider for the tests: Keycloak, from the distribution the build unpacked
 * into target/, started once for the whole test JVM (on the first use) in development mode with an
 * in-memory database and HTTPS on loopback (a certificate made here), and stopped when the JVM
 * ends, also after a failure. Configured through its admin REST API: a realm whose user profile
 * accepts further attributes, a user with a profile, and a SAML client per service provider.
 */
final class KeycloakIdp {

  static final String REALM = "junction";
  static final String USER = "alice";
  static final String PASSWORD = "alice-pw-1";
  private static final String ADMIN_PASSWORD = "it-keycloak-admin-7c2e";

  private static KeycloakIdp started;

  final String base;
  final Duration startTime;
  private final Process process;
  private final HttpClient http =
      HttpClient.newBuilder()
          .sslContext(Junction.trustAll())
          .sslParameters(Junction.noHostnameCheck())
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** The suite's Keycloak, started on the first call. */
  static synchronized KeycloakIdp get() {
    if (started == null) {
      started = start();
    }
    return started;
  }

  private KeycloakIdp(String base, Process process, Duration startTime) {
    this.base = base;
    this.process = process;
    this.startTime = startTime;
  }

  /** The realm's entity ID (the Issuer of its messages). */
  String entityId() {
    return base + "/realms/" + REALM;
  }

  /** The realm's single sign-on URL (both bindings). */
  String ssoUrl() {
    return entityId() + "/protocol/saml";
  }

  private static KeycloakIdp start() {
    String home = System.getProperty("junction.keycloak.home");
    int port = Integer.parseInt(System.getProperty("junction.keycloak.port", "19095"));
    Path dir = Path.of(home);
    if (!Files.isExecutable(dir.resolve("bin/kc.sh"))) {
      throw new IllegalStateException("no Keycloak distribution at " + home);
    }
    Path target = dir.getParent();
    Path pidFile = target.resolve("keycloak-it.pid");
    Path log = target.resolve("keycloak-it.log");
    stopLeftover(pidFile);
    try {
      long t0 = System.nanoTime();
      // Keycloak's build step (Quarkus augmentation, a minute on a busy machine) runs once per
      // unpacked distribution; later runs start the built server directly, on the database file
      // the earlier runs left under target/ (the realm is made anew below).
      Path built = target.resolve("keycloak-it.built");
      if (!Files.exists(built)) {
        deleteTree(dir.resolve("data"));
        Process build = keycloak(dir, log, List.of("build", "--db=dev-file")).start();
        if (!build.waitFor(600, java.util.concurrent.TimeUnit.SECONDS) || build.exitValue() != 0) {
          build.destroyForcibly();
          throw new IllegalStateException("kc.sh build failed: see " + log);
        }
        Files.writeString(built, "built");
      }
      KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
      Path cert = target.resolve("keycloak-it-cert.pem");
      Path key = target.resolve("keycloak-it-key.pem");
      Files.writeString(cert, SelfSigned.pem(keys, "localhost"));
      Files.writeString(
          key,
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n");
      ProcessBuilder pb =
          keycloak(
              dir,
              log,
              List.of(
                  "start",
                  "--optimized",
                  "--http-enabled=false",
                  "--https-port=" + port,
                  "--https-certificate-file=" + cert,
                  "--https-certificate-key-file=" + key,
                  "--hostname=https://localhost:" + port,
                  "--http-host=127.0.0.1",
                  "--cache=local"));
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Process p = pb.start();
      Files.writeString(pidFile, Long.toString(p.pid()));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(p, pidFile)));
      String base = "https://localhost:" + port;
      KeycloakIdp kc = new KeycloakIdp(base, p, Duration.ZERO);
      long deadline = System.currentTimeMillis() + 300_000;
      while (true) {
        if (!p.isAlive()) {
          throw new IllegalStateException("Keycloak ended at start: see " + log);
        }
        try {
          if (kc.send(HttpRequest.newBuilder(URI.create(base + "/realms/master"))).statusCode()
              == 200) {
            break;
          }
        } catch (IllegalStateException notYet) {
          // not listening yet
        }
        if (System.currentTimeMillis() > deadline) {
          stop(p, pidFile);
          throw new IllegalStateException("Keycloak did not start in 300 s: see " + log);
        }
        Thread.sleep(250);
      }
      kc = new KeycloakIdp(base, p, Duration.ofNanos(System.nanoTime() - t0));
      System.out.println("Keycloak ready in " + kc.startTime.toMillis() + " ms");
      kc.setUpRealm();
      return kc;
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static ProcessBuilder keycloak(Path dir, Path log, List<String> args) {
    List<String> command = new java.util.ArrayList<>();
    command.add(dir.resolve("bin/kc.sh").toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    // The administrator is made once, with the database; loopback only, for the tests.
    pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return pb;
  }

  /** A Keycloak a killed test JVM left behind (its pid file names it), if it is still ours. */
  private static void stopLeftover(Path pidFile) {
    try {
      if (!Files.exists(pidFile)) {
        return;
      }
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid)
          .filter(h -> h.info().commandLine().orElse("").contains("keycloak"))
          .ifPresent(
              h -> {
                h.destroy();
                h.onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
              });
      Files.deleteIfExists(pidFile);
    } catch (Exception e) {
      // nothing left to stop
    }
  }

  private static void stop(Process p, Path pidFile) {
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    try {
      if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      Files.deleteIfExists(pidFile);
    } catch (Exception e) {
      p.destroyForcibly();
    }
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String adminToken() {
    String form =
        "grant_type=password&client_id=admin-cli&username=admin&password="
            + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(
                    URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    check(r, 200);
    return json(r.body()).getString("access_token");
  }

  /** An admin REST call; the answer's body. */
  String admin(String method, String path, String body, int expected) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/admin/realms" + path))
            .header("Authorization", "Bearer " + adminToken())
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = send(b);
    check(r, expected);
    return r.body();
  }

  private static void check(HttpResponse<String> r, int expected) {
    if (r.statusCode() != expected) {
      throw new IllegalStateException(
          "Keycloak answered " + r.statusCode() + " to " + r.request().uri() + ": " + r.body());
    }
  }

  static JsonObject json(String s) {
    return Json.createReader(new StringReader(s)).readObject();
  }

  private void setUpRealm() {
    // The realm an earlier run left in the database file goes first.
    HttpResponse<String> gone =
        send(
            HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + REALM))
                .header("Authorization", "Bearer " + adminToken())
                .DELETE());
    if (gone.statusCode() != 204 && gone.statusCode() != 404) {
      check(gone, 204);
    }
    admin(
        "POST",
        "",
        "{\"realm\":\"" + REALM + "\",\"enabled\":true,\"sslRequired\":\"external\"}",
        201);
    // Keycloak's declarative user profile: let the user carry country, city, zip and more.
    JsonObject profile = json(admin("GET", "/" + REALM + "/users/profile", null, 200));
    admin(
        "PUT",
        "/" + REALM + "/users/profile",
        Json.createObjectBuilder(profile)
            .add("unmanagedAttributePolicy", "ENABLED")
            .build()
            .toString(),
        200);
    admin(
        "POST",
        "/" + REALM + "/users",
        Json.createObjectBuilder()
            .add("username", USER)
            .add("enabled", true)
            .add("email", "alice@corp.test")
            .add("emailVerified", true)
            .add("firstName", "Alice")
            .add("lastName", "Tester")
            .add(
                "attributes",
                Json.createObjectBuilder()
                    .add("country", Json.createArrayBuilder().add("DE"))
                    .add("city", Json.createArrayBuilder().add("Berlin"))
                    .add("zip", Json.createArrayBuilder().add("10115"))
                    .add("gender", Json.createArrayBuilder().add("female"))
                    .add("department", Json.createArrayBuilder().add("sales").add("support")))
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", PASSWORD)
                            .add("temporary", false)))
            .build()
            .toString(),
        201);
  }

  /** The realm's SAML metadata (an EntityDescriptor with its signing certificate). */
  String metadata() {
    HttpResponse<String> r =
        send(HttpRequest.newBuilder(URI.create(ssoUrl() + "/descriptor")).GET());
    check(r, 200);
    return r.body();
  }

  /**
   * A SAML client for a service provider: its entity ID, its assertion consumer service, the
   * certificate that signs its AuthnRequests (checked), assertions and responses signed with
   * RSA-SHA256 and exclusive c14n, attributes email, firstName, lastName, country, city, zip,
   * gender, department (two values) and Role (one Attribute element per role); {@code
   * idpInitiatedName} names its IdP-initiated login URL, if not null.
   */
  void addSamlClient(String spEntityId, String acs, String spCertificate, String idpInitiatedName) {
    addSamlClient(spEntityId, acs, spCertificate, idpInitiatedName, Map.of());
  }

  /**
   * A SAML client as {@link #addSamlClient(String, String, String, String)} makes it, with further
   * client attributes (such as {@code saml.assertion.lifespan}, in seconds).
   */
  void addSamlClient(
      String spEntityId,
      String acs,
      String spCertificate,
      String idpInitiatedName,
      Map<String, String> more) {
    JsonObjectBuilder attributes =
        Json.createObjectBuilder()
            .add("saml.assertion.signature", "true")
            .add("saml.server.signature", "true")
            .add("saml.signature.algorithm", "RSA_SHA256")
            .add(
                "saml_signature_canonicalization_method", "http://www.w3.org/2001/10/xml-exc-c14n#")
            .add("saml.client.signature", spCertificate == null ? "false" : "true")
            .add("saml_assertion_consumer_url_post", acs)
            .add("saml_name_id_format", "username")
            .add("saml.authnstatement", "true")
            .add("saml.encrypt", "false")
            .add("saml_force_name_id_format", "true");
    if (spCertificate != null) {
      attributes.add("saml.signing.certificate", spCertificate);
    }
    if (idpInitiatedName != null) {
      attributes.add("saml_idp_initiated_sso_url_name", idpInitiatedName);
    }
    more.forEach(attributes::add);
    var mappers = Json.createArrayBuilder();
    for (String p : List.of("email", "firstName", "lastName")) {
      mappers.add(mapper(p, "saml-user-property-mapper", Map.of("user.attribute", p)));
    }
    for (String a : List.of("country", "city", "zip", "gender", "department")) {
      mappers.add(
          mapper(
              a,
              "saml-user-attribute-mapper",
              Map.of("user.attribute", a, "aggregate.attrs", "true")));
    }
    mappers.add(mapper("Role", "saml-role-list-mapper", Map.of("single", "false")));
    admin(
        "POST",
        "/" + REALM + "/clients",
        Json.createObjectBuilder()
            .add("clientId", spEntityId)
            .add("protocol", "saml")
            .add("enabled", true)
            .add("redirectUris", Json.createArrayBuilder().add(acs))
            .add("attributes", attributes)
            .add("protocolMappers", mappers)
            .build()
            .toString(),
        201);
  }

  private static JsonObjectBuilder mapper(String name, String type, Map<String, String> config) {
    JsonObjectBuilder c =
        Json.createObjectBuilder().add("attribute.name", name).add("attribute.nameformat", "Basic");
    config.forEach(c::add);
    return Json.createObjectBuilder()
        .add("name", name)
        .add("protocol", "saml")
        .add("protocolMapper", type)
        .add("config", c);
  }

  /** The login form's action on a Keycloak page. */
  static String formAction(String html) {
    var m = java.util.regex.Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no form on the page: " + html);
    }
    return unescape(m.group(1));
  }

  /** The value of a hidden input on a page. */
  static String input(String html, String name) {
    var m =
        java.util.regex.Pattern.compile("name=\"" + name + "\"\\s+value=\"([^\"]*)\"")
            .matcher(html);
    if (!m.find()) {
      return null;
    }
    return unescape(m.group(1));
  }

  static String unescape(String s) {
    return s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#x3D;", "=")
        .replace("&#61;", "=")
        .replace("&#x2F;", "/")
        .replace("&#43;", "+")
        .replace("&#x2B;", "+")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
  }
}
