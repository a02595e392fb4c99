package io.junction.provider.odnoklassniki;

import io.junction.api.Album;
import io.junction.api.ErrorCode;
import io.junction.api.Photo;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderSession;
import io.junction.api.SocialProfile;
import io.junction.api.UserAction;
import io.junction.provider.support.ProviderHttp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Odnoklassniki's social graph and actions on the REST API, every call signed as {@link
 * OdnoklassnikiSignature} says: friends ({@code friends.get}, then {@code users.getInfo} 100 at a
 * time), a status or a user action as a topic ({@code mediatopic.post}; {@code users.setStatus} no
 * longer works), photos uploaded for a topic ({@code photosV2.getUploadUrl}, a multipart upload,
 * the photo's token in the topic), albums and photos ({@code photos.getAlbums}, {@code
 * photos.getPhotos}).
 */
final class OdnoklassnikiSocial {

  /** users.getInfo takes at most this many uids per call. */
  static final int USERS_PER_CALL = 100;

  static final String FRIEND_FIELDS =
      "uid,name,first_name,last_name,gender,birthday,locale,pic_1,pic_3,location";
  static final String ALBUM_FIELDS =
      "album.aid,album.title,album.description,album.photos_count,album.type";
  static final String PHOTO_FIELDS =
      "photo.id,photo.album_id,photo.text,photo.pic180min,photo.pic_max,"
          + "photo.standard_width,photo.standard_height";

  private final OdnoklassnikiConnector ok;

  OdnoklassnikiSocial(OdnoklassnikiConnector ok) {
    this.ok = ok;
  }

  List<SocialProfile> friends(ProviderApp app, ProviderSession session) {
    JsonValue ids = call(app, session, "friends.get", Map.of());
    if (!(ids instanceof JsonArray list)) {
      throw unreadable("friends.get");
    }
    List<String> uids = new ArrayList<>();
    for (JsonValue v : list) {
      String uid = OdnoklassnikiConnector.str(v);
      if (uid != null && !uid.isEmpty()) {
        uids.add(uid);
      }
    }
    List<SocialProfile> out = new ArrayList<>();
    for (int from = 0; from < uids.size(); from += USERS_PER_CALL) {
      List<String> batch = uids.subList(from, Math.min(uids.size(), from + USERS_PER_CALL));
      Map<String, String> params = new LinkedHashMap<>();
      params.put("uids", String.join(",", batch));
      params.put("fields", FRIEND_FIELDS);
      params.put("emptyPictures", "false");
      JsonValue users = call(app, session, "users.getInfo", params);
      if (!(users instanceof JsonArray userList)) {
        throw unreadable("users.getInfo");
      }
      for (JsonValue u : userList) {
        if (u instanceof JsonObject user && OdnoklassnikiConnector.str(user.get("uid")) != null) {
          out.add(ok.profile(user));
        }
      }
    }
    return out;
  }

  /** A status: a topic of the user's with set_status (SET_STATUS). */
  String setStatus(ProviderApp app, ProviderSession session, String status) {
    JsonArrayBuilder media = Json.createArrayBuilder();
    media.add(Json.createObjectBuilder().add("type", "text").add("text", status));
    return topic(app, session, media.build(), true);
  }

  /** A user action: a topic with its text, its link and its images, uploaded first. */
  String publish(ProviderApp app, ProviderSession session, UserAction action) {
    JsonArrayBuilder media = Json.createArrayBuilder();
    String text = action.text();
    if (!text.isEmpty()) {
      media.add(Json.createObjectBuilder().add("type", "text").add("text", text));
    }
    if (action.linkBack() != null) {
      media.add(Json.createObjectBuilder().add("type", "link").add("url", action.linkBack()));
    }
    if (!action.images().isEmpty()) {
      JsonArrayBuilder photos = Json.createArrayBuilder();
      for (UserAction.Image image : action.images()) {
        photos.add(Json.createObjectBuilder().add("id", upload(app, session, image)));
      }
      media.add(Json.createObjectBuilder().add("type", "photo").add("list", photos));
    }
    return topic(app, session, media.build(), false);
  }

  private String topic(ProviderApp app, ProviderSession session, JsonArray media, boolean status) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("type", "USER");
    params.put("attachment", Json.createObjectBuilder().add("media", media).build().toString());
    if (status) {
      params.put("set_status", "true");
    }
    JsonValue id = call(app, session, "mediatopic.post", params);
    String topic = OdnoklassnikiConnector.str(id);
    if (topic == null || topic.isEmpty() || id.getValueType() == JsonValue.ValueType.OBJECT) {
      throw unreadable("mediatopic.post");
    }
    return topic;
  }

  /**
   * Uploads one image for a topic: an upload address for one photo, the file to it, and the token
   * the topic names the photo by.
   */
  String upload(ProviderApp app, ProviderSession session, UserAction.Image image) {
    JsonValue target = call(app, session, "photosV2.getUploadUrl", Map.of("count", "1"));
    if (!(target instanceof JsonObject t)
        || !(t.get("upload_url") instanceof JsonString url)
        || !(t.get("photo_ids") instanceof JsonArray ids)
        || ids.isEmpty()) {
      throw unreadable("photosV2.getUploadUrl");
    }
    String photoId = OdnoklassnikiConnector.str(ids.get(0));
    ProviderHttp.Answer answer =
        ok.http()
            .postFile(
                OdnoklassnikiConnector.INFO.id(),
                url.getString(),
                "pic1",
                image.fileName(),
                image.contentType(),
                image.data());
    JsonValue uploaded = ok.answerValue("photo upload", answer);
    if (uploaded instanceof JsonObject u
        && u.get("photos") instanceof JsonObject photos
        && photos.get(photoId) instanceof JsonObject photo
        && photo.get("token") instanceof JsonString token
        && !token.getString().isEmpty()) {
      return token.getString();
    }
    throw unreadable("the photo upload");
  }

  List<Album> albums(ProviderApp app, ProviderSession session) {
    JsonValue answer = call(app, session, "photos.getAlbums", Map.of("fields", ALBUM_FIELDS));
    if (!(answer instanceof JsonObject o)) {
      throw unreadable("photos.getAlbums");
    }
    List<Album> out = new ArrayList<>();
    if (o.get("albums") instanceof JsonArray albums) {
      for (JsonValue v : albums) {
        if (v instanceof JsonObject a && OdnoklassnikiConnector.str(a.get("aid")) != null) {
          String aid = OdnoklassnikiConnector.str(a.get("aid"));
          String type = OdnoklassnikiConnector.str(a.get("type"));
          out.add(
              new Album(
                  aid,
                  OdnoklassnikiConnector.str(a.get("title")),
                  OdnoklassnikiConnector.str(a.get("description")),
                  number(a.get("photos_count")),
                  null,
                  "https://ok.ru/profile/" + session.providerUid() + "/album/" + aid,
                  type == null ? null : type.equalsIgnoreCase("PUBLIC")));
        }
      }
    }
    return out;
  }

  List<Photo> photos(ProviderApp app, ProviderSession session, String albumId) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("aid", albumId);
    params.put("count", "100");
    params.put("fields", PHOTO_FIELDS);
    JsonValue answer = call(app, session, "photos.getPhotos", params);
    if (!(answer instanceof JsonObject o)) {
      throw unreadable("photos.getPhotos");
    }
    List<Photo> out = new ArrayList<>();
    if (o.get("photos") instanceof JsonArray photos) {
      for (JsonValue v : photos) {
        if (v instanceof JsonObject p && OdnoklassnikiConnector.str(p.get("id")) != null) {
          String album = OdnoklassnikiConnector.str(p.get("album_id"));
          out.add(
              new Photo(
                  OdnoklassnikiConnector.str(p.get("id")),
                  album == null ? albumId : album,
                  OdnoklassnikiConnector.str(p.get("text")),
                  OdnoklassnikiConnector.str(p.get("pic180min")),
                  OdnoklassnikiConnector.str(p.get("pic_max")),
                  number(p.get("standard_width")),
                  number(p.get("standard_height"))));
        }
      }
    }
    return out;
  }

  /** One signed REST call; ok.ru answers errors with HTTP 200 and error_code. */
  private JsonValue call(
      ProviderApp app, ProviderSession session, String method, Map<String, String> extra) {
    return ok.answerValue(method, ok.signedCall(app, session.accessToken(), method, extra));
  }

  private ProviderException unreadable(String call) {
    return new ProviderException(
        OdnoklassnikiConnector.INFO.id(),
        ErrorCode.PROVIDER_ERROR,
        call + " answered something that cannot be read");
  }

  private static Integer number(JsonValue v) {
    String s = OdnoklassnikiConnector.str(v);
    if (s == null) {
      return null;
    }
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
