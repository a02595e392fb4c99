package io.junction.provider.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reading the JSON that providers send: objects, and their values as text. */
final class JsonBodies {

  /** Looking the JSON provider up is a service-loader scan: once, not per call. */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private JsonBodies() {}

  /**
   * The JSON object a text holds.
   *
   * @throws RuntimeException (a {@code jakarta.json.JsonException} or {@code
   *     IllegalStateException}) when it holds none
   */
  static JsonObject object(String text) {
    try (JsonReader r = READERS.createReader(new StringReader(text))) {
      return r.readObject();
    }
  }

  /** Any JSON value a text holds, failing as {@link #object(String)} does. */
  static JsonValue value(String text) {
    try (JsonReader r = READERS.createReader(new StringReader(text))) {
      return r.readValue();
    }
  }

  /** The JSON object of UTF-8 bytes, failing as {@link #object(String)} does. */
  static JsonObject object(byte[] utf8) {
    return object(new String(utf8, StandardCharsets.UTF_8));
  }

  /** A JSON value as text: strings unquoted, numbers and booleans as written, null as null. */
  static String text(JsonValue v) {
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    return v instanceof JsonString s ? s.getString() : v.toString();
  }
}
