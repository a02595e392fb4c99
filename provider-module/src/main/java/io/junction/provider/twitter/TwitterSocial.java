package io.junction.provider.twitter;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import io.junction.api.ProviderSession;
import io.junction.api.SocialProfile;
import io.junction.api.UserAction;
import io.junction.provider.support.ProviderHttp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * X's social graph and posts on API v2 with the user's Bearer token: a status or a user action is a
 * post ({@code POST /2/tweets}, at most 280 characters, a link counted as 23), friends are the
 * accounts the user follows that follow back ({@code /2/users/:id/following} and {@code
 * /followers}).
 */
final class TwitterSocial {

  /** The most characters of a post. */
  static final int MAX_POST = 280;

  /** What X counts for any link (t.co). */
  static final int LINK_LENGTH = 23;

  private final TwitterConnector x;

  TwitterSocial(TwitterConnector x) {
    this.x = x;
  }

  String post(ProviderSession session, String text) {
    String body = Json.createObjectBuilder().add("text", text).build().toString();
    ProviderHttp.Answer answer =
        x.http()
            .postJson(
                TwitterConnector.INFO.id(),
                x.endpoint("tweets", "https://api.x.com/2/tweets"),
                body,
                "Bearer " + session.accessToken(),
                Map.of());
    JsonObject o = object("tweets", answer);
    if (answer.ok()
        && o.get("data") instanceof JsonObject data
        && data.get("id") instanceof JsonString id) {
      return id.getString();
    }
    throw error("tweets", answer, o);
  }

  /** The post of a user action: its text, clipped so that the link fits, then the link. */
  static String text(UserAction action) {
    String link = action.linkBack();
    int room = link == null ? MAX_POST : MAX_POST - LINK_LENGTH - 1;
    String text = action.text();
    if (text.codePointCount(0, text.length()) > room) {
      text = text.substring(0, text.offsetByCodePoints(0, room - 1)).strip() + "…";
    }
    if (link == null) {
      return text;
    }
    return text.isEmpty() ? link : text + " " + link;
  }

  /** The accounts the user follows that follow the user back. */
  List<SocialProfile> friends(ProviderSession session) {
    Map<String, SocialProfile> following = users(session, "following");
    Set<String> followers = users(session, "followers").keySet();
    List<SocialProfile> out = new ArrayList<>();
    for (Map.Entry<String, SocialProfile> e : following.entrySet()) {
      if (followers.contains(e.getKey())) {
        out.add(e.getValue());
      }
    }
    return out;
  }

  private Map<String, SocialProfile> users(ProviderSession session, String relation) {
    Map<String, SocialProfile> out = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    String next = null;
    String base =
        x.endpoint("users", "https://api.x.com/2/users/") + session.providerUid() + "/" + relation;
    for (int page = 0; page < 15; page++) {
      Map<String, String> q = new LinkedHashMap<>();
      q.put("max_results", "1000");
      q.put("user.fields", "profile_image_url,name,username");
      if (next != null) {
        q.put("pagination_token", next);
      }
      ProviderHttp.Answer answer =
          x.http().get(TwitterConnector.INFO.id(), base, q, "Bearer " + session.accessToken());
      JsonObject o = object(relation, answer);
      if (!answer.ok()) {
        throw error(relation, answer, o);
      }
      if (o.get("data") instanceof JsonArray data) {
        for (JsonValue v : data) {
          if (v instanceof JsonObject u && u.get("id") instanceof JsonString id) {
            out.put(id.getString(), x.profile(u));
          }
        }
      }
      next =
          o.get("meta") instanceof JsonObject meta && meta.get("next_token") instanceof JsonString t
              ? t.getString()
              : null;
      if (next == null || !seen.add(next)) {
        break;
      }
    }
    return out;
  }

  /** The JSON object of an answer; an answer without one is an error (of its status). */
  private static JsonObject object(String call, ProviderHttp.Answer answer) {
    if (TwitterConnector.body(answer) instanceof JsonObject o) {
      return o;
    }
    throw error(call, answer, JsonValue.EMPTY_JSON_OBJECT);
  }

  /** X's error answer: 401 an ended session, 403 or another status a provider error. */
  private static ProviderException error(String call, ProviderHttp.Answer answer, JsonObject o) {
    String detail = TwitterConnector.fields(o, "title", "detail");
    return new ProviderException(
        TwitterConnector.INFO.id(),
        answer.status() == 401 ? ErrorCode.PROVIDER_SESSION_EXPIRED : ErrorCode.PROVIDER_ERROR,
        call + " failed: HTTP " + answer.status() + (detail.isEmpty() ? "" : ", " + detail));
  }
}
