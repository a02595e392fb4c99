package io.junction.web.audit;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a change did, field by field, as the audit log keeps it: a value set at creation, {@code
 * {"from": ..., "to": ...}} for a value replaced, {@code "rotated"} for a secret (never the secret
 * itself). Values are strings, booleans, numbers, lists of strings or null.
 */
public final class Changes {

  /** What a secret becomes in the log. */
  public static final String ROTATED = "rotated";

  /** The longest {@link #json()} kept; a longer one keeps only the names of the fields. */
  static final int MAX_JSON = 8000;

  private final Map<String, Object> fields = new LinkedHashMap<>();

  public static Changes none() {
    return new Changes();
  }

  /** A value as it was set (at creation, or a fact of the change). */
  public Changes set(String field, Object value) {
    fields.put(field, value);
    return this;
  }

  /** A secret written: recorded as {@code "rotated"}. */
  public Changes rotated(String field) {
    fields.put(field, ROTATED);
    return this;
  }

  /** Each field of {@code after} whose value differs from {@code before}, with both values. */
  public Changes diff(Map<String, ?> before, Map<String, ?> after) {
    for (Map.Entry<String, ?> e : after.entrySet()) {
      Object old = before.get(e.getKey());
      if (!Objects.equals(old, e.getValue())) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("from", old);
        pair.put("to", e.getValue());
        fields.put(e.getKey(), pair);
      }
    }
    return this;
  }

  /** Every field of a snapshot, as set at creation. */
  public Changes all(Map<String, ?> values) {
    fields.putAll(values);
    return this;
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** The changes as a JSON object, cut to the field names when longer than {@value #MAX_JSON}. */
  public String json() {
    JsonObjectBuilder o = Json.createObjectBuilder();
    fields.forEach((k, v) -> o.add(k, value(v)));
    String json = o.build().toString();
    if (json.length() <= MAX_JSON) {
      return json;
    }
    JsonArrayBuilder names = Json.createArrayBuilder();
    int length = 0;
    for (String name : fields.keySet()) {
      length += name.length() + 3;
      if (length > MAX_JSON - 100) {
        break;
      }
      names.add(name);
    }
    return Json.createObjectBuilder()
        .add("truncated", true)
        .add("fields", names)
        .build()
        .toString();
  }

  private static JsonValue value(Object v) {
    if (v == null) {
      return JsonValue.NULL;
    }
    if (v instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (v instanceof Integer || v instanceof Long) {
      return Json.createValue(((Number) v).longValue());
    }
    if (v instanceof Collection<?> c) {
      JsonArrayBuilder a = Json.createArrayBuilder();
      c.forEach(item -> a.add(value(item)));
      return a.build();
    }
    if (v instanceof Map<?, ?> m) {
      JsonObjectBuilder o = Json.createObjectBuilder();
      m.forEach((k, item) -> o.add(String.valueOf(k), value(item)));
      return o.build();
    }
    return Json.createValue(String.valueOf(v));
  }
}
