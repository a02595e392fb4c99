package io.junction.web.rest.admin;

import io.junction.api.ErrorCode;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.JsonInput;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an admin request body: one JSON object with known fields, each of the expected type. Every
 * refusal names the field: 400004 for a body that is not a JSON object (or not valid UTF-8, nested
 * too deep, holding a lone surrogate: see {@link JsonInput}), 400002 for a missing field, 400006
 * for a wrong value or an unknown field.
 */
final class AdminJson {

  private final JsonObject object;

  private AdminJson(JsonObject object) {
    this.object = object;
  }

  static AdminJson parse(byte[] body, Set<String> allowed) {
    JsonValue value = JsonInput.body(body);
    if (!(value instanceof JsonObject object)) {
      throw new GigyaException(
          ErrorCode.INVALID_PARAMETER_FORMAT, "The request body must be a JSON object", 400);
    }
    Set<String> unknown = new TreeSet<>(object.keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw GigyaException.invalid(
          String.join(", ", unknown), "unknown field; the fields are " + new TreeSet<>(allowed));
    }
    return new AdminJson(object);
  }

  boolean has(String name) {
    return object.containsKey(name) && object.get(name) != JsonValue.NULL;
  }

  /** A string field: required ones must be present and not blank. Returned trimmed. */
  String string(String name, boolean required, int maxLength) {
    return string(name, required, maxLength, false);
  }

  /**
   * A string field of several lines (a PEM certificate, an XML document): as {@link #string}, but
   * line feeds, carriage returns and tabs are allowed.
   */
  String text(String name, boolean required, int maxLength) {
    return string(name, required, maxLength, true);
  }

  private String string(String name, boolean required, int maxLength, boolean lines) {
    if (!has(name)) {
      if (required) {
        throw GigyaException.missing(name);
      }
      return null;
    }
    if (!(object.get(name) instanceof JsonString s)) {
      throw GigyaException.invalid(name, "must be a string");
    }
    String v = s.getString().trim();
    if (v.isEmpty()) {
      if (required) {
        throw GigyaException.missing(name);
      }
      return null;
    }
    if (v.length() > maxLength) {
      throw GigyaException.invalid(name, "longer than " + maxLength + " characters");
    }
    if (v.chars()
        .anyMatch(
            c -> Character.isISOControl(c) && !(lines && (c == '\n' || c == '\r' || c == '\t')))) {
      throw GigyaException.invalid(name, "contains control characters");
    }
    return v;
  }

  /**
   * A string field that may span lines (a PEM key): like {@link #string}, optional, but line breaks
   * and tabs are allowed; other control characters are not.
   */
  String multiline(String name, int maxLength) {
    if (!has(name)) {
      return null;
    }
    if (!(object.get(name) instanceof JsonString s)) {
      throw GigyaException.invalid(name, "must be a string");
    }
    String v = s.getString().strip();
    if (v.isEmpty()) {
      return null;
    }
    if (v.length() > maxLength) {
      throw GigyaException.invalid(name, "longer than " + maxLength + " characters");
    }
    if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      throw GigyaException.invalid(name, "contains control characters");
    }
    return v;
  }

  boolean bool(String name, boolean defaultValue) {
    if (!has(name)) {
      return defaultValue;
    }
    JsonValue v = object.get(name);
    if (v == JsonValue.TRUE) {
      return true;
    }
    if (v == JsonValue.FALSE) {
      return false;
    }
    throw GigyaException.invalid(name, "must be true or false");
  }

  /** An array of strings; null when absent. */
  List<String> strings(String name, int maxItems, int maxLength) {
    if (!has(name)) {
      return null;
    }
    if (!(object.get(name) instanceof JsonArray array)) {
      throw GigyaException.invalid(name, "must be an array of strings");
    }
    if (array.size() > maxItems) {
      throw GigyaException.invalid(name, "more than " + maxItems + " entries");
    }
    List<String> out = new ArrayList<>();
    for (JsonValue item : array) {
      if (!(item instanceof JsonString s)) {
        throw GigyaException.invalid(name, "must be an array of strings");
      }
      String v = s.getString().trim();
      if (v.length() > maxLength) {
        throw GigyaException.invalid(name, "an entry is longer than " + maxLength + " characters");
      }
      out.add(v);
    }
    return out;
  }

  /**
   * An object of strings to strings, in the body's order; null when absent. Keys and values are
   * trimmed and may be neither empty nor longer than {@code maxLength}.
   */
  Map<String, String> stringMap(String name, int maxEntries, int maxLength) {
    if (!has(name)) {
      return null;
    }
    if (!(object.get(name) instanceof JsonObject map)) {
      throw GigyaException.invalid(name, "must be an object of strings");
    }
    if (map.size() > maxEntries) {
      throw GigyaException.invalid(name, "more than " + maxEntries + " entries");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : map.entrySet()) {
      if (!(e.getValue() instanceof JsonString s)) {
        throw GigyaException.invalid(name, "must be an object of strings");
      }
      String key = e.getKey().trim();
      String value = s.getString().trim();
      if (key.isEmpty() || value.isEmpty()) {
        throw GigyaException.invalid(name, "holds an empty name or value");
      }
      if (key.length() > maxLength || value.length() > maxLength) {
        throw GigyaException.invalid(name, "an entry is longer than " + maxLength + " characters");
      }
      if (key.chars().anyMatch(Character::isISOControl)
          || value.chars().anyMatch(Character::isISOControl)) {
        throw GigyaException.invalid(name, "contains control characters");
      }
      out.put(key, value);
    }
    return out;
  }
}
