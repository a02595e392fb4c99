package io.junction.web.envelope;

import io.junction.api.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * JSON from callers, read strictly: UTF-8 that is not valid, a string holding a lone surrogate (an
 * escaped {@code \ud800} without its pair) and nesting deeper than {@link #MAX_DEPTH} are refused,
 * never replaced or left to exhaust the parser. A request body that fails is 400004; a parameter
 * that fails is 400006 naming the parameter.
 */
public final class JsonInput {

  /** The deepest nesting of objects and arrays accepted. */
  public static final int MAX_DEPTH = 32;

  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private JsonInput() {}

  /** Why a text is not acceptable JSON. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String why) {
      super(why, null, false, false);
    }
  }

  /** A request body: one JSON value in UTF-8. 400004 (HTTP 400) when it is not acceptable. */
  public static JsonValue body(byte[] body) {
    if (body.length == 0) {
      throw bodyRefused("The request body is empty; a JSON object is expected");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw bodyRefused("The request body is not valid UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try {
      return parse(text);
    } catch (Refused e) {
      throw bodyRefused("The request body " + e.getMessage());
    }
  }

  /**
   * A parameter that must hold a JSON object (for example notifyLogin's {@code userInfo}): null
   * when absent or blank, otherwise the object; 400006 naming the parameter when it is not valid
   * JSON, not an object, nested too deep or holds a lone surrogate.
   */
  public static JsonObject objectParameter(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    JsonValue parsed;
    try {
      parsed = parse(value);
    } catch (Refused e) {
      throw GigyaException.invalid(name, e.getMessage());
    }
    if (!(parsed instanceof JsonObject object)) {
      throw GigyaException.invalid(name, "must be a JSON object");
    }
    return object;
  }

  /**
   * A JSON object read from a text that is neither a request body nor a parameter (a JWT's header
   * or claims), by the same rules: empty when it is not one acceptable JSON object.
   */
  public static Optional<JsonObject> object(String text) {
    try {
      return parse(text) instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    } catch (Refused e) {
      return Optional.empty();
    }
  }

  /**
   * Parses {@code text} as one JSON value, after a streaming pass that bounds the nesting and
   * checks every string, so the tree is built only for input within the limits.
   */
  static JsonValue parse(String text) throws Refused {
    try (JsonParser p = PARSERS.createParser(new StringReader(text))) {
      int depth = 0;
      while (p.hasNext()) {
        switch (p.next()) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > MAX_DEPTH) {
              throw new Refused("is nested deeper than " + MAX_DEPTH + " levels");
            }
          }
          case END_OBJECT, END_ARRAY -> depth--;
          case KEY_NAME, VALUE_STRING -> {
            if (!pairedSurrogates(p.getString())) {
              throw new Refused("holds a lone surrogate in a string");
            }
          }
          default -> {
            // numbers, true, false, null
          }
        }
      }
    } catch (JsonParsingException e) {
      throw new Refused(
          "is not valid JSON (line "
              + e.getLocation().getLineNumber()
              + ", column "
              + e.getLocation().getColumnNumber()
              + ")");
    } catch (RuntimeException e) {
      throw new Refused("is not valid JSON");
    }
    try (JsonReader reader = READERS.createReader(new StringReader(text))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      throw new Refused("is not valid JSON");
    }
  }

  /** Whether every surrogate in {@code s} is half of a pair. */
  static boolean pairedSurrogates(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return false;
        }
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static GigyaException bodyRefused(String why) {
    return new GigyaException(ErrorCode.INVALID_PARAMETER_FORMAT, why, 400);
  }
}
