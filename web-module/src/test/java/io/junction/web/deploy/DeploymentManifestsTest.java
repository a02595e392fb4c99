package io.junction.web.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Containerfile and the Kubernetes manifests under deploy/, read as a cluster would read them
 * (no container engine runs here): the image, the replicas, the probes on MicroProfile Health,
 * every secret from a Secret, TLS at the ingress with the trusted proxies set.
 */
class DeploymentManifestsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path DEPLOY = ROOT.resolve("deploy");

  /** The variables whose values are secrets: each must come from a Secret, never in clear. */
  private static final Set<String> SECRET_ENV =
      Set.of(
          "JUNCTION_SECRET_KEY",
          "JUNCTION_ADMIN_PASSWORD",
          "JUNCTION_METRICS_PASSWORD",
          "KEYSTORE_PASSWORD",
          "DB_PASSWORD",
          "DB_USER",
          "DB_HOST");

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> documents(Path file) throws IOException {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object doc : yaml.loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
      if (doc != null) {
        out.add((Map<String, Object>) doc);
      }
    }
    return out;
  }

  private static Map<String, Object> only(Path file, String kind) throws IOException {
    List<Map<String, Object>> of =
        documents(file).stream().filter(d -> kind.equals(d.get("kind"))).toList();
    assertEquals(1, of.size(), "one " + kind + " in " + file);
    return of.get(0);
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, String... path) {
    Object n = node;
    for (String p : path) {
      if (n instanceof List<?> list) {
        n = list.get(Integer.parseInt(p));
      } else {
        assertTrue(n instanceof Map, "no " + p + " in " + n);
        n = ((Map<String, Object>) n).get(p);
      }
      assertNotNull(n, "missing " + String.join(".", path));
    }
    return (T) n;
  }

  /** The liberty.runtime.version the build pins. */
  private static String libertyVersion() throws IOException {
    Matcher m =
        Pattern.compile("<liberty.runtime.version>([^<]+)</liberty.runtime.version>")
            .matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertTrue(m.find());
    return m.group(1);
  }

  @Test
  void containerfileStartsFromTheOfficialOpenLibertyUbiImageOfTheBuildsVersion()
      throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("Containerfile"));
    List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
    assertEquals(1, from.size(), from.toString());
    String image = from.get(0).substring(5).trim();
    assertTrue(image.startsWith("icr.io/appcafe/open-liberty:" + libertyVersion() + "-"), image);
    assertTrue(image.contains("-java17-") && image.contains("-ubi"), image);
    String text = String.join("\n", lines);
    assertTrue(text.contains("features.sh"), "installs the features server.xml lists");
    assertTrue(text.contains("configure.sh"));
    assertTrue(text.contains("ear-module/target/junction.ear"));
    assertTrue(text.contains("jdbc"), "carries the JDBC drivers");
    // Junction's user feature (server.xml lists usr:junction-paths-1.0) is in the runtime's
    // usr/extension before features.sh resolves the features server.xml lists.
    int extension =
        text.indexOf(
            "COPY --chown=1001:0 server-config/target/extension/ /opt/ol/wlp/usr/extension/");
    assertTrue(extension >= 0 && extension < text.indexOf("RUN features.sh"), text);
    assertTrue(
        Files.readString(ROOT.resolve("server-config/src/main/liberty/config/server.xml"))
            .contains("<feature>usr:junction-paths-1.0</feature>"));
    assertTrue(
        Files.exists(
            ROOT.resolve(
                "server-config/src/main/liberty/extension/lib/features/junction-paths-1.0.mf")));
    assertFalse(
        Pattern.compile("(?i)(PASSWORD|SECRET_KEY)=\\S").matcher(text).find(),
        "no secret baked into the image");
    // The application configuration copied in names the EAR the build makes.
    assertTrue(
        Files.readString(DEPLOY.resolve("container/junction-app.xml"))
            .contains("location=\"junction.ear\""));
  }

  /** The container's environment, by name: each a value or a secretKeyRef. */
  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> env(List<Map<String, Object>> env) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    for (Map<String, Object> e : env) {
      out.put((String) e.get("name"), e);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void checkEnv(List<Map<String, Object>> list, Set<String> secretNames) {
    Map<String, Map<String, Object>> env = env(list);
    for (String name : SECRET_ENV) {
      Map<String, Object> e = env.get(name);
      assertNotNull(e, name + " is set");
      assertFalse(e.containsKey("value"), name + " is never in clear");
      Map<String, Object> ref = at(e, "valueFrom", "secretKeyRef");
      assertTrue(secretNames.contains(ref.get("name")), name + " from a Secret of secret.yaml");
      assertNotNull(ref.get("key"));
    }
    assertEquals("postgres", at(env.get("DB_KIND"), "value"));
    assertTrue(((String) at(env.get("JUNCTION_PUBLIC_URL"), "value")).startsWith("https://"));
    assertFalse(((String) at(env.get("JUNCTION_TRUSTED_PROXIES"), "value")).isBlank());
    assertEquals("true", at(env.get("OTEL_SDK_DISABLED"), "value"), "tracing off by default");
  }

  private static void checkProbe(Map<String, Object> probe, String path) {
    assertEquals(path, at(probe, "httpGet", "path"));
    assertEquals(9080, (int) at(probe, "httpGet", "port"));
  }

  private Set<String> secretNames() throws IOException {
    Set<String> names = new java.util.HashSet<>();
    for (Map<String, Object> d : documents(DEPLOY.resolve("kubernetes/secret.yaml"))) {
      assertEquals("Secret", d.get("kind"));
      names.add(at(d, "metadata", "name"));
    }
    return names;
  }

  @Test
  @SuppressWarnings("unchecked")
  void plainDeploymentRunsTwoReplicasOnPostgresWithProbesAndSecrets() throws IOException {
    Map<String, Object> deployment =
        only(DEPLOY.resolve("kubernetes/deployment.yaml"), "Deployment");
    assertTrue((int) at(deployment, "spec", "replicas") >= 2);
    List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
    assertEquals(1, containers.size());
    Map<String, Object> c = containers.get(0);
    assertTrue(((String) c.get("image")).contains("junction"));
    checkProbe(at(c, "readinessProbe"), "/health/ready");
    checkProbe(at(c, "livenessProbe"), "/health/live");
    checkProbe(at(c, "startupProbe"), "/health/started");
    checkEnv(at(c, "env"), secretNames());

    Map<String, Object> selector = at(deployment, "spec", "selector", "matchLabels");
    Map<String, Object> service = only(DEPLOY.resolve("kubernetes/service.yaml"), "Service");
    assertEquals(selector, at(service, "spec", "selector"), "the Service selects the pods");
    assertEquals(selector, at(deployment, "spec", "template", "metadata", "labels"));

    Map<String, Object> ingress = only(DEPLOY.resolve("kubernetes/ingress.yaml"), "Ingress");
    List<Map<String, Object>> tls = at(ingress, "spec", "tls");
    assertFalse(tls.isEmpty(), "TLS ends at the ingress");
    assertEquals(
        (String) at(service, "metadata", "name"),
        (String)
            at(ingress, "spec", "rules", "0", "http", "paths", "0", "backend", "service", "name"));
  }

  @Test
  void operatorApplicationMatchesThePlainDeployment() throws IOException {
    Map<String, Object> app =
        only(DEPLOY.resolve("operator/openlibertyapplication.yaml"), "OpenLibertyApplication");
    assertTrue(((String) app.get("apiVersion")).startsWith("apps.openliberty.io/"));
    Map<String, Object> deployment =
        only(DEPLOY.resolve("kubernetes/deployment.yaml"), "Deployment");
    assertEquals(
        (String) at(deployment, "spec", "template", "spec", "containers", "0", "image"),
        (String) at(app, "spec", "applicationImage"));
    assertTrue((int) at(app, "spec", "replicas") >= 2);
    checkProbe(at(app, "spec", "probes", "readiness"), "/health/ready");
    checkProbe(at(app, "spec", "probes", "liveness"), "/health/live");
    checkProbe(at(app, "spec", "probes", "startup"), "/health/started");
    checkEnv(at(app, "spec", "env"), secretNames());
  }
}
