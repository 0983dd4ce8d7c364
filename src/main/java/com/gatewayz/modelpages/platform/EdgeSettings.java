package com.gatewayz.modelpages.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The caches in front of the application that purges are forwarded to: Varnish instances, a Fastly
 * service, a Cloudflare zone. None configured: nothing is forwarded.
 *
 * @param varnishUrls base URLs of Varnish instances that accept {@code PURGE} with an {@code xkey}
 * @param fastly the Fastly service, when both its id and its token are set
 * @param cloudflare the Cloudflare zone, when both its id and its token are set
 */
public record EdgeSettings(List<URI> varnishUrls, Optional<Api> fastly, Optional<Api> cloudflare) {

  public static final String VARNISH_URLS = "MODEL_PAGES_EDGE_VARNISH_URLS";
  public static final String FASTLY_SERVICE_ID = "MODEL_PAGES_EDGE_FASTLY_SERVICE_ID";
  public static final String FASTLY_TOKEN = "MODEL_PAGES_EDGE_FASTLY_TOKEN";
  public static final String FASTLY_API_URL = "MODEL_PAGES_EDGE_FASTLY_API_URL";
  public static final String CLOUDFLARE_ZONE_ID = "MODEL_PAGES_EDGE_CLOUDFLARE_ZONE_ID";
  public static final String CLOUDFLARE_TOKEN = "MODEL_PAGES_EDGE_CLOUDFLARE_TOKEN";
  public static final String CLOUDFLARE_API_URL = "MODEL_PAGES_EDGE_CLOUDFLARE_API_URL";

  public static final String DEFAULT_FASTLY_API_URL = "https://api.fastly.com";
  public static final String DEFAULT_CLOUDFLARE_API_URL = "https://api.cloudflare.com/client/v4";
  static final int MAX_VARNISH_URLS = 32;

  public static final EdgeSettings NONE =
      new EdgeSettings(List.of(), Optional.empty(), Optional.empty());

  private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{8,1024}");

  /**
   * A CDN's purge API.
   *
   * @param accountId the Fastly service id or the Cloudflare zone id
   * @param token the API token; never printed
   * @param apiUrl the API's base URL, without a trailing slash
   */
  public record Api(String accountId, String token, URI apiUrl) {
    @Override
    public String toString() {
      return "Api[accountId=" + accountId + ", apiUrl=" + apiUrl + "]";
    }
  }

  public EdgeSettings {
    varnishUrls = List.copyOf(varnishUrls);
  }

  public boolean isEmpty() {
    return varnishUrls.isEmpty() && fastly.isEmpty() && cloudflare.isEmpty();
  }

  static EdgeSettings load(SettingSource source) {
    SettingReader read = new SettingReader(source);
    return new EdgeSettings(
        varnishUrls(source),
        api(source, read, FASTLY_SERVICE_ID, FASTLY_TOKEN, FASTLY_API_URL, DEFAULT_FASTLY_API_URL),
        api(
            source,
            read,
            CLOUDFLARE_ZONE_ID,
            CLOUDFLARE_TOKEN,
            CLOUDFLARE_API_URL,
            DEFAULT_CLOUDFLARE_API_URL));
  }

  private static List<URI> varnishUrls(SettingSource source) {
    Optional<String> raw = source.get(VARNISH_URLS);
    List<URI> urls = new ArrayList<>();
    for (String part : raw.map(text -> text.split(",")).orElse(new String[0])) {
      if (!part.isBlank()) {
        URI url = withoutTrailingSlash(SettingReader.absoluteHttp(VARNISH_URLS, part.trim()));
        if (!urls.contains(url)) {
          urls.add(url);
        }
      }
    }
    if (urls.size() > MAX_VARNISH_URLS) {
      throw new InvalidSettingException(
          VARNISH_URLS, raw.orElse(""), "at most " + MAX_VARNISH_URLS + " URLs");
    }
    return urls;
  }

  private static Optional<Api> api(
      SettingSource source,
      SettingReader read,
      String idName,
      String tokenName,
      String urlName,
      String defaultUrl) {
    Optional<String> id = source.get(idName);
    Optional<String> token = source.get(tokenName);
    if (id.isEmpty() && token.isEmpty()) {
      return Optional.empty();
    }
    if (id.isEmpty()) {
      throw new InvalidSettingException(idName, "", "a value: " + tokenName + " is set");
    }
    if (token.isEmpty()) {
      throw InvalidSettingException.secret(tokenName, "a value: " + idName + " is set");
    }
    if (!ACCOUNT_ID.matcher(id.get()).matches()) {
      throw new InvalidSettingException(idName, id.get(), "1 to 64 letters and digits");
    }
    if (!TOKEN.matcher(token.get()).matches()) {
      throw InvalidSettingException.secret(tokenName, "8 to 1024 visible ASCII characters");
    }
    URI url = withoutTrailingSlash(read.httpUrl(urlName).orElse(URI.create(defaultUrl)));
    return Optional.of(new Api(id.get(), token.get(), url));
  }

  private static URI withoutTrailingSlash(URI url) {
    String text = url.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
  }

  @Override
  public String toString() {
    if (isEmpty()) {
      return "none";
    }
    List<String> edges = new ArrayList<>();
    varnishUrls.forEach(url -> edges.add("varnish " + url));
    fastly.ifPresent(api -> edges.add("fastly"));
    cloudflare.ifPresent(api -> edges.add("cloudflare"));
    return String.join(", ", edges);
  }
}
