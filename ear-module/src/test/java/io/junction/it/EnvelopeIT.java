package io.junction.it;

import static io.junction.it.Junction.HTTP;
import static io.junction.it.Junction.HTTPS;
import static io.junction.it.Junction.get;
import static io.junction.it.Junction.json;
import static io.junction.it.Junction.postForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The Gigya envelope of the public API, against the running server. */
class EnvelopeIT {

  @Test
  void unknownMethodAnswers405001InJsonWithHttp200() {
    HttpResponse<String> r = get(HTTP + "/socialize.noSuchMethod");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    JsonObject body = json(r);
    assertEquals(405001, body.getInt("errorCode"));
    assertEquals(405, body.getInt("statusCode"));
    assertEquals("Invalid API method", body.getString("errorMessage"));
    assertTrue(body.getString("errorDetails").contains("socialize.noSuchMethod"));
    assertEquals("Method Not Allowed", body.getString("statusReason"));
    assertTrue(body.getString("callId").matches("[0-9a-f]{32}"), body.getString("callId"));
    assertTrue(
        body.getString("time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
        body.getString("time"));
    assertEquals(body.getString("callId"), r.headers().firstValue("X-Call-Id").orElseThrow());
  }

  @Test
  void everyCallHasItsOwnCallId() {
    String a = json(get(HTTP + "/socialize.noSuchMethod")).getString("callId");
    String b = json(get(HTTP + "/socialize.noSuchMethod")).getString("callId");
    assertNotEquals(a, b);
  }

  @Test
  void realStatusCodesWhenAsked() {
    HttpResponse<String> r = get(HTTP + "/socialize.noSuchMethod?httpStatusCodes=true");
    assertEquals(405, r.statusCode());
    assertEquals(405001, json(r).getInt("errorCode"));
  }

  @Test
  void contextIsEchoed() {
    JsonObject body = json(get(HTTP + "/accounts.nothing?context=my%20ctx%3D1"));
    assertEquals("my ctx=1", body.getString("context"));
    assertFalse(json(get(HTTP + "/accounts.nothing")).containsKey("context"));
  }

  @Test
  void xmlEnvelopeHasTheMethodRootInTheGigyaNamespace() throws Exception {
    HttpResponse<String> r = get(HTTP + "/socialize.noSuchMethod?format=xml&context=c1");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/xml"));
    Element root = parseXml(r.body()).getDocumentElement();
    assertEquals("socialize.noSuchMethodResponse", root.getLocalName());
    assertEquals("urn:com:gigya:api", root.getNamespaceURI());
    assertEquals("405001", text(root, "errorCode"));
    assertEquals("405", text(root, "statusCode"));
    assertEquals("Invalid API method", text(root, "errorMessage"));
    assertEquals("c1", text(root, "context"));
    assertTrue(text(root, "callId").matches("[0-9a-f]{32}"));
  }

  @Test
  void formPostParametersCountLikeQueryParameters() throws Exception {
    HttpResponse<String> r =
        postForm(
            HTTP + "/socialize.noSuchMethod",
            "format=xml&httpStatusCodes=true&context=%C3%A9t%C3%A9");
    assertEquals(405, r.statusCode());
    Element root = parseXml(r.body()).getDocumentElement();
    assertEquals("405001", text(root, "errorCode"));
    assertEquals("été", text(root, "context"));
  }

  @Test
  void badEnvelopeOptionsAreRefusedWith400006() {
    JsonObject format = json(get(HTTP + "/socialize.noSuchMethod?format=yaml"));
    assertEquals(400006, format.getInt("errorCode"));
    assertTrue(format.getString("errorDetails").contains("format"));
    JsonObject status = json(get(HTTP + "/socialize.noSuchMethod?httpStatusCodes=maybe"));
    assertEquals(400006, status.getInt("errorCode"));
    assertTrue(status.getString("errorDetails").contains("httpStatusCodes"));
  }

  @Test
  void malformedFormBodyIs400001() {
    JsonObject body = json(postForm(HTTP + "/socialize.noSuchMethod", "a=%zz"));
    assertEquals(400001, body.getInt("errorCode"));
  }

  @Test
  void oversizedBodyIs413001() {
    String big = "x=" + "a".repeat(70_000);
    HttpResponse<String> r = postForm(HTTP + "/socialize.noSuchMethod?httpStatusCodes=true", big);
    assertEquals(413, r.statusCode());
    assertEquals(413001, json(r).getInt("errorCode"));
  }

  @Test
  void everyAnswerCarriesOneRfc1123DateHeader() {
    for (String url :
        new String[] {
          HTTP + "/socialize.noSuchMethod", HTTPS + "/socialize.x", HTTP + "/nowhere"
        }) {
      HttpResponse<String> r = get(url);
      var dates = r.headers().allValues("Date");
      assertEquals(1, dates.size(), url + " " + dates);
      ZonedDateTime date = ZonedDateTime.parse(dates.get(0), DateTimeFormatter.RFC_1123_DATE_TIME);
      assertTrue(Math.abs(date.toEpochSecond() - System.currentTimeMillis() / 1000) < 120);
    }
  }

  @Test
  void unknownPathsAndVerbsAreEnvelopedToo() {
    HttpResponse<String> missing = get(HTTP + "/nowhere/at/all");
    assertEquals(404, missing.statusCode());
    assertEquals(404000, json(missing).getInt("errorCode"));
    HttpResponse<String> verb =
        Junction.send(
            HttpRequest.newBuilder(
                    URI.create(HTTP + "/socialize.noSuchMethod?httpStatusCodes=true"))
                .DELETE());
    assertEquals(405, verb.statusCode());
    assertEquals(400001, json(verb).getInt("errorCode"));
    assertFalse(verb.body().contains("Exception"));
  }

  @Test
  void httpsServesTheSameApi() {
    HttpResponse<String> r = get(HTTPS + "/socialize.noSuchMethod");
    assertEquals(405001, json(r).getInt("errorCode"));
  }

  static Document parseXml(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static String text(Element root, String name) {
    var nodes = root.getElementsByTagNameNS("urn:com:gigya:api", name);
    assertEquals(1, nodes.getLength(), "one <" + name + "> in " + root.getTagName());
    return nodes.item(0).getTextContent();
  }
}
