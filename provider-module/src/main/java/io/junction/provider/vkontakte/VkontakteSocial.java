package io.junction.provider.vkontakte;

import io.junction.api.Album;
import io.junction.api.ErrorCode;
import io.junction.api.Photo;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderSession;
import io.junction.api.SocialProfile;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VKontakte's social graph and status on its API ({@code <method-url><name>}, the API version and
 * the access token with every call): {@code friends.get} with the profile fields, {@code
 * status.set}, {@code photos.getAlbums} and {@code photos.get}. wall.post is left out: VK allows it
 * only to standalone apps of the implicit flow, which a server is not.
 */
final class VkontakteSocial {

  /** VK's error codes that mean the user did not grant the permission the call needs. */
  private static final List<String> NO_PERMISSION = List.of("7", "15", "200", "203");

  /** VK's error code of a token that is no longer valid. */
  private static final String AUTH_FAILED = "5";

  private final VkontakteConnector vk;

  VkontakteSocial(VkontakteConnector vk) {
    this.vk = vk;
  }

  List<SocialProfile> friends(ProviderApp app, ProviderSession session) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("user_id", session.providerUid());
    q.put("order", "hints");
    q.put("count", "5000");
    q.put("fields", VkontakteConnector.FIELDS);
    JsonObject response = object(call(session, "friends.get", q), "friends.get");
    List<SocialProfile> out = new ArrayList<>();
    if (response.get("items") instanceof JsonArray items) {
      for (JsonValue v : items) {
        if (v instanceof JsonObject user && VkontakteConnector.str(user.get("id")) != null) {
          out.add(vk.user(user, null, "friends.get"));
        }
      }
    }
    return out;
  }

  String setStatus(ProviderApp app, ProviderSession session, String status) {
    JsonValue r = call(session, "status.set", Map.of("text", status));
    if (!"1".equals(VkontakteConnector.str(r))) {
      throw unreadable("status.set");
    }
    return null;
  }

  List<Album> albums(ProviderApp app, ProviderSession session) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("owner_id", session.providerUid());
    q.put("need_covers", "1");
    JsonObject response = object(call(session, "photos.getAlbums", q), "photos.getAlbums");
    List<Album> out = new ArrayList<>();
    if (response.get("items") instanceof JsonArray items) {
      for (JsonValue v : items) {
        if (v instanceof JsonObject a && VkontakteConnector.str(a.get("id")) != null) {
          String id = VkontakteConnector.str(a.get("id"));
          Boolean open = null;
          if (a.get("privacy_view") instanceof JsonObject privacy) {
            open = "all".equals(VkontakteConnector.str(privacy.get("category")));
          }
          out.add(
              new Album(
                  id,
                  VkontakteConnector.str(a.get("title")),
                  VkontakteConnector.str(a.get("description")),
                  a.get("size") instanceof JsonNumber n ? n.intValue() : null,
                  VkontakteConnector.str(a.get("thumb_src")),
                  "https://vk.com/album" + session.providerUid() + "_" + id,
                  open));
        }
      }
    }
    return out;
  }

  List<Photo> photos(ProviderApp app, ProviderSession session, String albumId) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("owner_id", session.providerUid());
    q.put("album_id", albumId);
    q.put("count", "1000");
    JsonObject response = object(call(session, "photos.get", q), "photos.get");
    List<Photo> out = new ArrayList<>();
    if (response.get("items") instanceof JsonArray items) {
      for (JsonValue v : items) {
        if (!(v instanceof JsonObject p) || VkontakteConnector.str(p.get("id")) == null) {
          continue;
        }
        JsonObject largest = null;
        JsonObject smallest = null;
        if (p.get("sizes") instanceof JsonArray sizes) {
          for (JsonValue s : sizes) {
            if (s instanceof JsonObject size && size.get("width") instanceof JsonNumber w) {
              if (largest == null || w.intValue() > largest.getInt("width")) {
                largest = size;
              }
              if (smallest == null || w.intValue() < smallest.getInt("width")) {
                smallest = size;
              }
            }
          }
        }
        out.add(
            new Photo(
                VkontakteConnector.str(p.get("id")),
                albumId,
                VkontakteConnector.str(p.get("text")),
                smallest == null ? null : VkontakteConnector.str(smallest.get("url")),
                largest == null ? null : VkontakteConnector.str(largest.get("url")),
                largest == null ? null : largest.getInt("width"),
                largest == null || !(largest.get("height") instanceof JsonNumber h)
                    ? null
                    : h.intValue()));
      }
    }
    return out;
  }

  /** One API call: its {@code response}, or the error VK answered (with HTTP 200). */
  private JsonValue call(ProviderSession session, String method, Map<String, String> params) {
    Map<String, String> q = new LinkedHashMap<>(params);
    q.put("access_token", session.accessToken());
    q.put("v", vk.version());
    JsonValue body = vk.answerValue(method, vk.methodCall(method, q));
    if (!(body instanceof JsonObject o)) {
      throw unreadable(method);
    }
    if (o.get("error") instanceof JsonObject error) {
      String code = VkontakteConnector.str(error.get("error_code"));
      ErrorCode gigya =
          code != null && NO_PERMISSION.contains(code) // List.of's contains refuses null
              ? ErrorCode.NO_USER_PERMISSION
              : AUTH_FAILED.equals(code)
                  ? ErrorCode.PROVIDER_SESSION_EXPIRED
                  : ErrorCode.PROVIDER_ERROR;
      throw new ProviderException(
          VkontakteConnector.INFO.id(),
          gigya,
          method + " failed: " + VkontakteConnector.errors(error));
    }
    JsonValue response = o.get("response");
    if (response == null) {
      throw unreadable(method);
    }
    return response;
  }

  private JsonObject object(JsonValue v, String method) {
    if (v instanceof JsonObject o) {
      return o;
    }
    throw unreadable(method);
  }

  private static ProviderException unreadable(String method) {
    return new ProviderException(
        VkontakteConnector.INFO.id(),
        ErrorCode.PROVIDER_ERROR,
        method + " answered something that cannot be read");
  }
}
