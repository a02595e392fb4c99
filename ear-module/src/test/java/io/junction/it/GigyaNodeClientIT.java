package io.junction.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The published Gigya SDK for Node.js (npm {@code gigya} 3.0.1), installed by this test, drives
 * Junction unchanged: partner secret, application key signatures, oauth_token, errors.
 */
class GigyaNodeClientIT {

  private static final Path SOURCE = Path.of("src", "test", "node");
  private static final Path WORK = Path.of("target", "gigya-node");

  static String run(List<String> command, Path dir, java.util.Map<String, String> env, int minutes)
      throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(minutes, TimeUnit.MINUTES), "timed out: " + command);
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), command + " failed:\n" + text);
    return text;
  }

  @Test
  void theNodeSdkDrivesJunction() throws Exception {
    Files.createDirectories(WORK);
    for (String f : List.of("package.json", "gigya-scenario.js")) {
      Files.copy(SOURCE.resolve(f), WORK.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(WORK.resolve("node_modules").resolve("gigya"))) {
      run(
          List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"),
          WORK,
          java.util.Map.of(),
          8);
    }

    Sites.Site site = Sites.withOdnoklassniki();
    var created =
        Junction.admin(
            "POST",
            "/admin/sites/" + site.apiKey() + "/applications",
            "{\"name\":\"node\",\"permissions\":[\"socialize.getUserInfo\",\"socialize.exchangeUIDSignature\"]}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject app = Junction.json(created);

    String output =
        run(
            List.of("node", "gigya-scenario.js"),
            WORK,
            java.util.Map.of(
                "JUNCTION_BASE", Junction.HTTPS,
                "API_KEY", site.apiKey(),
                "SITE_SECRET", site.secret(),
                "USER_KEY", app.getString("userKey"),
                "APP_SECRET", app.getString("secret")),
            2);
    String last = output.strip().lines().reduce((a, b) -> b).orElseThrow();
    JsonObject r = Json.createReader(new StringReader(last)).readObject();
    String uid = r.getString("uid");
    assertEquals(uid, r.getString("loginUID"));
    assertEquals(uid, r.getString("infoUID"));
    assertEquals(uid, r.getString("signedUID"));
    assertEquals(uid, r.getString("oauthUID"));
    assertTrue(r.getBoolean("loginSignatureValid"), "the SDK verifies notifyLogin's UIDSignature");
    assertTrue(r.getBoolean("infoSignatureValid"), "the SDK verifies getUserInfo's UIDSignature");
    assertTrue(
        r.getBoolean("exchangedSignatureValid"),
        "the SDK verifies the exchanged signature with the application secret");
    assertEquals(403005, r.getInt("unknownUserCode"));
    assertEquals(403003, r.getInt("forgedCode"));
    assertEquals(403025, r.getInt("afterLogoutCode"));
    assertEquals(403005, r.getInt("afterDeleteCode"));
  }
}
