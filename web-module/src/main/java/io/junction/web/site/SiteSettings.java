package io.junction.web.site;

import java.util.List;

/**
 * What an administrator sets on a site, already validated and normalised.
 *
 * @param name a label for people
 * @param domains host names (lower case, ASCII) the site may redirect to, with their subdomains
 * @param cname the site's own host name for Junction's endpoints, or null
 * @param dataCenter the data center the site lives in
 * @param retrieveContacts seed 000's "Enable retrieving user contacts" permission
 */
public record SiteSettings(
    String name, List<String> domains, String cname, String dataCenter, boolean retrieveContacts) {

  public SiteSettings {
    domains = List.copyOf(domains);
  }
}
