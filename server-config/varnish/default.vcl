vcl 4.1;

# Varnish in front of model-pages (Tomcat or Payara), with the xkey vmod (Debian: varnish-modules).
# How to run it, and what to change: server-config/varnish/README.md.

import std;
import xkey;

# The application. Change .host and .port to where Tomcat or Payara listens (default 8080).
backend default {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    # /api/models/events (Server-Sent Events) sends a heartbeat every 15 s
    .between_bytes_timeout = 60s;
    # Ready once the application finished pre-rendering; while it fails, pages come from grace.
    .probe = {
        .url = "/health/ready";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# Who may purge: the application's nodes. Add their addresses when they are not on this host.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        call purge_by_xkey;
    }
    if (req.restarts == 0) {
        # only vcl_synth below sets it
        unset req.http.X-Grace-Retry;
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Model pages ignore query strings: one object per model, whatever tracking parameters say.
    if (req.url ~ "^/models/[^?]+\?") {
        set req.url = regsub(req.url, "\?.*$", "");
    }
    # Never cached: the API (JSON, the live feed, the webhook), the admin pages, health, metrics,
    # and searches (q=).
    if (req.url ~ "^/(api|admin|health|metrics)(/|\?|$)" || req.url ~ "[?&]q=") {
        return (pass);
    }
    # Pages read neither cookies nor credentials: one cached copy serves every visitor.
    unset req.http.Cookie;
    unset req.http.Authorization;
    if (req.http.X-Grace-Retry) {
        # the origin could not be reached: any copy within grace beats an error
        set req.grace = 24h;
    } elsif (std.healthy(req.backend_hint)) {
        # The origin is up: an expired or purged page waits for it (one fetch for all waiting
        # clients), so nobody sees the old price after a purge. The origin answers from its own
        # cache, or renders a purged page once.
        set req.grace = 0s;
    }
    # Origin down (probe failing): the object's own grace applies, stale pages are served.
    return (hash);
}

# A soft purge by xkey: purged pages are fetched again, but stay in grace for when the origin is down.
sub purge_by_xkey {
    if (client.ip !~ purgers) {
        return (synth(403, "Forbidden"));
    }
    if (!req.http.xkey) {
        return (synth(400, "xkey header required"));
    }
    set req.http.n-gone = xkey.softpurge(req.http.xkey);
    return (synth(200, "Soft-purged " + req.http.n-gone + " objects"));
}

sub vcl_hash {
    # One site: every host name serves the same pages (absolute URLs come from MODEL_PAGES_PUBLIC_URL).
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_fetch {
    unset bereq.http.X-Grace-Retry;
}

sub vcl_backend_response {
    # The page's cache tags become xkey keys (space-separated, as the application writes them).
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.status >= 500) {
        # An error is never cached, and never answered from an older copy: the origin refuses to
        # serve a purged page it cannot render again, and so does Varnish.
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Kept a day past its TTL: served when the origin is down (see vcl_recv).
    set beresp.grace = 24h;
    set beresp.keep = 1h;
    if (beresp.ttl <= 0s && beresp.http.Surrogate-Key) {
        # The origin served its stale copy (Age past s-maxage) and is rendering a fresh one.
        set beresp.ttl = 5s;
    }
    if (beresp.http.Vary == "Accept-Encoding") {
        # One object for every client: Varnish stores the gzip body and inflates it for clients
        # without gzip. Vary goes back on in vcl_deliver.
        unset beresp.http.Vary;
        set beresp.http.X-Vary-Encoding = "1";
    }
}

sub vcl_backend_error {
    # The origin cannot be reached: the client side tries again from grace (vcl_synth).
    return (abandon);
}

sub vcl_synth {
    if (resp.status == 503 && req.restarts == 0 && !req.http.X-Grace-Retry
        && (req.method == "GET" || req.method == "HEAD")) {
        set req.http.X-Grace-Retry = "1";
        return (restart);
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (resp.http.X-Vary-Encoding) {
        unset resp.http.X-Vary-Encoding;
        set resp.http.Vary = "Accept-Encoding";
    }
}
