package io.junction.it;

import static io.junction.it.Junction.HTTP;
import static io.junction.it.Junction.HTTPS;
import static io.junction.it.Junction.get;
import static io.junction.it.Junction.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Health, OpenAPI and the console page's delivery. */
class OperationsIT {

  @Test
  void readyMeansTheDatabaseAnswers() {
    HttpResponse<String> r = get(HTTP + "/health/ready");
    assertEquals(200, r.statusCode(), r.body());
    JsonObject body = json(r);
    assertEquals("UP", body.getString("status"));
    JsonObject check = check(body, "database");
    assertEquals(
        "postgres".equals(System.getProperty("junction.db.kind")) ? "PostgreSQL" : "Apache Derby",
        check.getJsonObject("data").getString("product"));
    // This node's junction.secret-key is the one the data was encrypted with.
    assertEquals("UP", check(body, "secret-key").getString("status"));
  }

  private static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> name.equals(c.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
  }

  @Test
  void live() {
    HttpResponse<String> r = get(HTTP + "/health/live");
    assertEquals(200, r.statusCode());
    assertEquals("UP", json(r).getString("status"));
  }

  @Test
  void openApiDocumentsTheAdminApi() {
    HttpResponse<String> doc = get(HTTP + "/openapi");
    assertEquals(200, doc.statusCode());
    assertTrue(doc.body().contains("/admin/sites/{apiKey}/providers/{provider}"), doc.body());
    assertTrue(doc.body().contains("title: Junction"));
    assertEquals(200, get(HTTP + "/openapi/ui/").statusCode());
  }

  @Test
  void consoleIsServedWithAStrictPolicy() {
    HttpResponse<String> page = get(HTTPS + "/console");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<title>Junction console</title>"));
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("default-src 'self'"), csp);
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
    assertEquals(200, get(HTTPS + "/console/console.js").statusCode());
    assertEquals(404, get(HTTPS + "/console/secret.key").statusCode());
    HttpResponse<String> root = get(HTTP + "/");
    assertEquals(303, root.statusCode());
    assertTrue(root.headers().firstValue("Location").orElseThrow().endsWith("/console"));
  }
}
