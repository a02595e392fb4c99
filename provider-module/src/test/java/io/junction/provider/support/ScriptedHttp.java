package io.junction.provider.support;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider that answers a connector's calls in order from a script, without a network: a call
 * past the end of the script, or to what is no http(s) URL, is a provider that cannot be reached,
 * as {@link ProviderHttp} reports it.
 *
 * <p>A script is the answers' bodies separated by lines of {@value #SEPARATOR_LINE}; a body that
 * begins with three digits and a line end has that HTTP status, any other 200.
 */
public final class ScriptedHttp extends ProviderHttp {

  public static final String SEPARATOR_LINE = "~~~";
  private static final Pattern STATUS = Pattern.compile("^(\\d{3})\\r?\\n", Pattern.DOTALL);

  private final Deque<Answer> answers;
  private final List<String> urls = new ArrayList<>();
  private final List<Map<String, String>> forms = new ArrayList<>();
  private final List<byte[]> bodies = new ArrayList<>();

  public ScriptedHttp(List<Answer> answers) {
    this.answers = new ArrayDeque<>(answers);
  }

  /** The answers a script holds. */
  public static List<Answer> answers(String script) {
    List<Answer> out = new ArrayList<>();
    for (String part : script.split("\\n" + SEPARATOR_LINE + "\\n", -1)) {
      Matcher m = STATUS.matcher(part);
      if (m.find()) {
        out.add(
            new Answer(Integer.parseInt(m.group(1)), "application/json", part.substring(m.end())));
      } else {
        out.add(new Answer(200, "application/json", part));
      }
    }
    return out;
  }

  /** Makes {@code connector} call this stand-in instead of the network. */
  public void install(OAuth2Connector connector) {
    connector.http = this;
  }

  /** The URLs called so far, in order. */
  public List<String> urls() {
    return urls;
  }

  /** The forms (or GET queries) sent so far, in order; a body-only call adds an empty one. */
  public List<Map<String, String>> forms() {
    return forms;
  }

  /** The bodies of JSON and file posts so far, in order. */
  public List<byte[]> bodies() {
    return bodies;
  }

  @Override
  public Answer postForm(
      String provider, String url, Map<String, String> form, String authorization) {
    forms.add(Map.copyOf(form));
    return next(provider, url);
  }

  @Override
  public Answer postJson(
      String provider, String url, String json, String authorization, Map<String, String> headers) {
    forms.add(Map.of());
    bodies.add(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return next(provider, url);
  }

  @Override
  public Answer postFile(
      String provider, String url, String field, String fileName, String type, byte[] data) {
    forms.add(Map.of("field", field, "fileName", fileName, "type", type));
    bodies.add(data);
    return next(provider, url);
  }

  @Override
  public Answer get(String provider, String url, Map<String, String> query, String authorization) {
    forms.add(Map.copyOf(query));
    return next(provider, url);
  }

  private Answer next(String provider, String url) {
    ProviderHttp.target(provider, url); // what ProviderHttp refuses before sending
    urls.add(url);
    Answer a = answers.poll();
    if (a == null) {
      throw new ProviderException(
          provider, ErrorCode.NETWORK_ERROR, provider + " could not be reached");
    }
    return a;
  }
}
