package io.junction.web.social;

import io.junction.api.Album;
import io.junction.api.Capability;
import io.junction.api.Contact;
import io.junction.api.ContactsReader;
import io.junction.api.FriendsReader;
import io.junction.api.Photo;
import io.junction.api.PhotoReader;
import io.junction.api.SocialProfile;
import io.junction.api.StatusPublisher;
import io.junction.api.UserActionPublisher;
import io.junction.web.account.Account;
import io.junction.web.account.AccountService;
import io.junction.web.caller.Caller;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.envelope.Parameters;
import io.junction.web.security.GigyaSignature;
import io.junction.web.security.Hashes;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Socialize methods of the social graph and actions, each over the user's connected providers
 * ({@link FanOut}): getFriendsInfo, getContacts, setStatus, publishUserAction, getAlbums and
 * getPhotos, answering Gigya's fields.
 */
@ApplicationScoped
public class SocialMethods {

  /** The longest status accepted. */
  static final int MAX_STATUS = 5000;

  @Inject FanOut fanOut;
  @Inject AccountService accounts;
  @Inject SiteService sites;
  @Inject UserActions userActions;
  @Inject FriendsCache friendsCache;

  /** socialize.getFriendsInfo. */
  public Map<String, Object> friendsInfo(ApiCall call, Caller caller) {
    String detail = call.paramOrNull("detailLevel");
    boolean extended = false;
    if (detail != null) {
      switch (detail.toLowerCase(Locale.ROOT)) {
        case "basic" -> extended = false;
        case "extended" -> extended = true;
        default -> throw GigyaException.invalid("detailLevel", "must be basic or extended");
      }
    }
    boolean siteUsersOnly = Parameters.bool(call, "siteUsersOnly");
    boolean signIds = Parameters.bool(call, "signIDs");
    Set<String> onlyUids = list(call.paramOrNull("UIDs"));
    FanOut.Results<List<SocialProfile>> results =
        fanOut.runFor(
            call,
            caller.site(),
            caller.account().id(),
            Capability.FRIENDS,
            null,
            (c, app, s, identity) ->
                friendsCache.friends(
                    identity.id(),
                    Hashes.sha256Hex(s.accessToken()),
                    () -> ((FriendsReader) c).friends(app, s)));

    String apiKey = caller.site().apiKey();
    Map<String, Map<String, Object>> byUid = new LinkedHashMap<>();
    for (Map.Entry<String, List<SocialProfile>> e : results.byProvider().entrySet()) {
      String provider = e.getKey();
      Map<String, Account> users =
          accounts.siteUsers(
              apiKey, provider, e.getValue().stream().map(SocialProfile::providerUid).toList());
      for (SocialProfile f : e.getValue()) {
        Account user = users.get(f.providerUid());
        if (user != null && user.id().equals(caller.account().id())) {
          continue;
        }
        String uid = user != null ? user.uid() : friendUid(apiKey, provider, f.providerUid());
        Map<String, Object> friend =
            byUid.computeIfAbsent(uid, u -> newFriend(u, user != null, user));
        fill(friend, f, extended);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> identities = (List<Map<String, Object>>) friend.get("identities");
        identities.add(identity(provider, f, extended));
      }
    }
    String secret = signIds ? sites.secretOf(caller.site()) : null;
    long now = Instant.now().getEpochSecond();
    List<Map<String, Object>> friends = new ArrayList<>();
    for (Map<String, Object> f : byUid.values()) {
      if (siteUsersOnly && !Boolean.TRUE.equals(f.get("isSiteUser"))) {
        continue;
      }
      if (onlyUids != null && !onlyUids.contains((String) f.get("UID"))) {
        continue;
      }
      if (signIds) {
        f.put(
            "friendshipSignature",
            GigyaSignature.hmac(secret, now + "_" + f.get("UID") + "_" + caller.account().uid()));
        f.put("signatureTimestamp", Long.toString(now));
      }
      friends.add(f);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("friends", friends);
    results.addFailures(data);
    return data;
  }

  /**
   * The UID Junction gives a friend who is no user of the site: stable per site, provider and
   * provider UID, revealing none of them.
   */
  static String friendUid(String apiKey, String provider, String providerUid) {
    return "_gid_"
        + Hashes.sha256Hex(apiKey + "\n" + provider + "\n" + providerUid).substring(0, 32);
  }

  private static Map<String, Object> newFriend(String uid, boolean siteUser, Account user) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("UID", uid);
    f.put("isSiteUser", siteUser);
    f.put("isSiteUID", siteUser && !user.uid().startsWith("_guid_"));
    f.put("identities", new ArrayList<Map<String, Object>>());
    return f;
  }

  private static void fill(Map<String, Object> friend, SocialProfile p, boolean extended) {
    friend.putIfAbsent("nickname", p.nickname());
    friend.putIfAbsent("photoURL", p.photoUrl());
    friend.putIfAbsent("thumbnailURL", p.thumbnailUrl());
    if (extended) {
      friend.putIfAbsent("firstName", p.firstName());
      friend.putIfAbsent("lastName", p.lastName());
      friend.putIfAbsent("gender", p.gender());
      friend.putIfAbsent("profileURL", p.profileUrl());
    }
    friend.values().removeIf(v -> v == null);
  }

  private static Map<String, Object> identity(String provider, SocialProfile p, boolean extended) {
    Map<String, Object> i = new LinkedHashMap<>();
    i.put("provider", provider);
    i.put("providerUID", p.providerUid());
    i.put("nickname", p.nickname());
    i.put("photoURL", p.photoUrl());
    i.put("thumbnailURL", p.thumbnailUrl());
    i.put("profileURL", p.profileUrl());
    if (extended) {
      i.put("firstName", p.firstName());
      i.put("lastName", p.lastName());
      i.put("gender", p.gender());
      i.put("email", p.email());
      i.put("birthday", p.birthday());
    }
    i.values().removeIf(v -> v == null);
    return i;
  }

  /** socialize.getContacts. */
  public Map<String, Object> contacts(ApiCall call, Caller caller) {
    FanOut.Results<List<Contact>> results =
        fanOut.run(
            call,
            caller.site(),
            caller.account().id(),
            Capability.CONTACTS,
            null,
            (c, app, s) -> ((ContactsReader) c).contacts(app, s));
    List<Map<String, Object>> contacts = new ArrayList<>();
    results
        .byProvider()
        .forEach(
            (provider, list) -> {
              for (Contact c : list) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("provider", provider);
                m.put("email", c.email());
                m.put("firstName", c.firstName());
                m.put("lastName", c.lastName());
                m.put("nickname", c.nickname());
                m.put("photoURL", c.photoUrl());
                m.values().removeIf(v -> v == null);
                contacts.add(m);
              }
            });
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("contacts", contacts);
    results.addFailures(data);
    return data;
  }

  /** socialize.setStatus. */
  public Map<String, Object> setStatus(ApiCall call, Caller caller) {
    FanOut.requireSwitch(caller.site(), Capability.STATUS);
    String status = Parameters.required(call, "status");
    if (status.length() > MAX_STATUS) {
      throw GigyaException.invalid("status", "at most " + MAX_STATUS + " characters");
    }
    FanOut.Results<String> results =
        fanOut.run(
            call,
            caller.site(),
            caller.account().id(),
            Capability.STATUS,
            null,
            (c, app, s) -> ((StatusPublisher) c).setStatus(app, s, status));
    return posted(results);
  }

  /** socialize.publishUserAction. */
  public Map<String, Object> publishUserAction(ApiCall call, Caller caller) {
    FanOut.requireSwitch(caller.site(), Capability.USER_ACTIONS);
    UserActions.Parsed parsed = userActions.read(call);
    FanOut.Results<String> results =
        fanOut.run(
            call,
            caller.site(),
            caller.account().id(),
            Capability.USER_ACTIONS,
            null,
            (c, app, s) ->
                ((UserActionPublisher) c).publish(app, s, parsed.forProvider(c.info().id())));
    return posted(results);
  }

  private static Map<String, Object> posted(FanOut.Results<String> results) {
    Map<String, Object> ids = new LinkedHashMap<>();
    results.byProvider().forEach((p, id) -> ids.put(p, id == null ? "" : id));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("providerPostIDs", ids);
    results.addFailures(data);
    return data;
  }

  /** socialize.getAlbums. */
  public Map<String, Object> albums(ApiCall call, Caller caller) {
    FanOut.Results<List<Album>> results =
        fanOut.run(
            call,
            caller.site(),
            caller.account().id(),
            Capability.PHOTOS,
            null,
            (c, app, s) -> ((PhotoReader) c).albums(app, s));
    List<Map<String, Object>> albums = new ArrayList<>();
    results
        .byProvider()
        .forEach(
            (provider, list) -> {
              for (Album a : list) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("albumID", provider + ":" + a.providerAlbumId());
                m.put("name", a.name());
                m.put("description", a.description());
                m.put("count", a.count());
                m.put("thumbnail", a.thumbnailUrl());
                m.put("URL", a.url());
                m.put(
                    "privacyLevel",
                    a.publicAlbum() == null ? null : a.publicAlbum() ? "public" : "private");
                m.put("provider", provider);
                m.put("providerAlbumID", a.providerAlbumId());
                m.values().removeIf(v -> v == null);
                albums.add(m);
              }
            });
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("albums", albums);
    results.addFailures(data);
    return data;
  }

  /** socialize.getPhotos: the photos of the albums {@code albumIDs} names (getAlbums' ids). */
  public Map<String, Object> photos(ApiCall call, Caller caller) {
    FanOut.requireSwitch(caller.site(), Capability.PHOTOS);
    Set<String> ids = list(call.paramOrNull("albumIDs"));
    if (ids == null || ids.isEmpty()) {
      throw GigyaException.missing("albumIDs");
    }
    if (ids.size() > 50) {
      throw GigyaException.invalid("albumIDs", "at most 50 albums");
    }
    Map<String, List<String>> byProvider = new LinkedHashMap<>();
    for (String id : ids) {
      int colon = id.indexOf(':');
      if (colon <= 0 || colon == id.length() - 1 || id.length() > 300) {
        throw GigyaException.invalid("albumIDs", "'" + id + "' is not an albumID of getAlbums");
      }
      byProvider
          .computeIfAbsent(id.substring(0, colon), p -> new ArrayList<>())
          .add(id.substring(colon + 1));
    }
    FanOut.Results<List<Photo>> results =
        fanOut.run(
            call,
            caller.site(),
            caller.account().id(),
            Capability.PHOTOS,
            byProvider.keySet(),
            (c, app, s) -> {
              List<Photo> all = new ArrayList<>();
              for (String album : byProvider.get(c.info().id())) {
                all.addAll(((PhotoReader) c).photos(app, s, album));
              }
              return all;
            });
    List<Map<String, Object>> photos = new ArrayList<>();
    results
        .byProvider()
        .forEach(
            (provider, list) -> {
              for (Photo p : list) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("photoID", provider + ":" + p.providerPhotoId());
                m.put("albumID", provider + ":" + p.providerAlbumId());
                m.put("caption", p.caption());
                m.put("thumbnailURL", p.thumbnailUrl());
                m.put("URL", p.url());
                m.put("width", p.width());
                m.put("height", p.height());
                m.put("provider", provider);
                m.put("providerPhotoID", p.providerPhotoId());
                m.values().removeIf(v -> v == null);
                photos.add(m);
              }
            });
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("photos", photos);
    results.addFailures(data);
    return data;
  }

  /** A comma-separated list, without blanks; null when absent. */
  private static Set<String> list(String raw) {
    if (raw == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String s : raw.split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }
}
