#!/bin/sh
# Example $CATALINA_BASE/bin/setenv.sh for model-pages on Tomcat 10.1 or 11.
# Copy it next to catalina.sh, adjust, and deploy target/model-pages.war as webapps/ROOT.war
# (context root /, so pages live at /models/...).

# Where pages, tag stamps and the durable catalog live. One JVM per directory.
export MODEL_PAGES_DATA_DIR="${MODEL_PAGES_DATA_DIR:-/var/lib/model-pages}"
# The public base URL: canonical links, OpenGraph, JSON-LD and the sitemap use it, never Host.
export MODEL_PAGES_PUBLIC_URL="${MODEL_PAGES_PUBLIC_URL:-https://models.example.com}"
# Admin API (cache invalidation, reports) is off until a token of 16+ characters is set.
# export MODEL_PAGES_ADMIN_TOKEN="change-me-to-a-long-random-string"
# The signed webhook is off until a secret is set (several, comma-separated, for rotation).
# export MODEL_WEBHOOK_SECRET="whsec_..."
# Edge caches that every purge is forwarded to (server-config/varnish for the Varnish side).
# export MODEL_PAGES_EDGE_VARNISH_URLS="http://127.0.0.1:6081"
# export MODEL_PAGES_EDGE_FASTLY_SERVICE_ID="..." MODEL_PAGES_EDGE_FASTLY_TOKEN="..."
# export MODEL_PAGES_EDGE_CLOUDFLARE_ZONE_ID="..." MODEL_PAGES_EDGE_CLOUDFLARE_TOKEN="..."

# Heap for pages in memory plus the JSP compiler; off-heap cache memory is separate.
CATALINA_OPTS="$CATALINA_OPTS -Xms256m -Xmx768m -XX:MaxDirectMemorySize=256m"
export CATALINA_OPTS
