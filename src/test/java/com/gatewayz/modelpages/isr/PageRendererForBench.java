package com.gatewayz.modelpages.isr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Renders model pages shaped like {@code model.jsp} (~20 KB of HTML, ~4-5 KB gzip) for the
 * benchmarks: a shared layout, and per page its own prose, offers, code samples and similar-model
 * cards drawn from a random seeded by the key, so every key renders the same bytes every time. Tags
 * as the real renderer names them: each model shown, each gateway, the detail and site-wide tags.
 */
final class PageRendererForBench implements PageRenderer {

  private static final int SIMILAR = 12;

  private static final String[] VENDORS = {
    "openai", "anthropic", "google", "meta-llama", "mistralai", "qwen", "deepseek", "cohere",
    "microsoft", "nvidia", "x-ai", "amazon", "ai21", "perplexity", "nousresearch", "01-ai",
    "databricks", "ibm-granite", "inflection", "liquid", "moonshotai", "thudm", "z-ai", "baidu"
  };
  private static final String[] FAMILIES = {
    "gpt",
    "claude",
    "gemini",
    "llama",
    "mistral",
    "qwen",
    "deepseek",
    "command",
    "phi",
    "nemotron",
    "grok",
    "nova",
    "jamba",
    "sonar",
    "hermes",
    "yi",
    "dbrx",
    "granite",
    "pi",
    "lfm",
    "kimi",
    "glm"
  };
  private static final String[] VARIANTS = {
    "instruct", "chat", "turbo", "mini", "pro", "flash", "lite", "vision", "coder", "reasoning"
  };
  private static final String[] GATEWAYS = {
    "openrouter",
    "together",
    "fireworks",
    "deepinfra",
    "groq",
    "novita",
    "lambda",
    "hyperbolic",
    "featherless",
    "chutes",
    "cerebras",
    "nebius"
  };
  private static final String[] PARAMETERS = {
    "temperature",
    "top_p",
    "top_k",
    "max_tokens",
    "stop",
    "seed",
    "frequency_penalty",
    "presence_penalty",
    "repetition_penalty",
    "logit_bias",
    "logprobs",
    "top_logprobs",
    "response_format",
    "structured_outputs",
    "tools",
    "tool_choice",
    "min_p",
    "reasoning"
  };
  private static final String[] PRICES = {
    "0", "0.02", "0.04", "0.05", "0.06", "0.07", "0.10", "0.12", "0.15", "0.18", "0.20", "0.25",
    "0.27", "0.30", "0.35", "0.40", "0.50", "0.55", "0.60", "0.80", "0.88", "0.90", "1.00", "1.10",
    "1.20", "1.25", "1.50", "2.00", "2.19", "2.50", "3.00", "4.00", "4.40", "5.00", "8.00", "10.00",
    "12.00", "15.00", "30.00", "60.00", "75.00"
  };
  private static final int[] CONTEXTS = {
    4, 8, 16, 32, 64, 128, 131, 163, 200, 256, 400, 1000, 1048
  };
  private static final String[] WORDS =
      ("model context tokens reasoning instruction tuned multilingual benchmark latency throughput"
              + " training data parameters mixture experts dense sparse attention window retrieval"
              + " coding mathematics agents function calling structured output vision image audio"
              + " release preview stable version improved faster cheaper accurate robust safety"
              + " alignment preference optimisation distilled quantised weights open license commercial"
              + " research evaluation leaderboard chat assistant summarisation translation extraction"
              + " classification embedding long documents conversations developers enterprise"
              + " deployment inference hardware efficient scaling architecture layers heads vocabulary"
              + " the a of and to in for with on by from at as is are was its this that which"
              + " supports handles delivers outperforms matches offers provides achieves designed built")
          .split(" ");

  /** The keys of {@code count} distinct model pages, {@code /models/<vendor>/<name>}. */
  static List<String> keys(int count) {
    List<String> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add("/models/" + modelId(i));
    }
    return keys;
  }

  private static String modelId(int n) {
    return VENDORS[n % VENDORS.length]
        + "/"
        + FAMILIES[(n / VENDORS.length) % FAMILIES.length]
        + "-"
        + (1 + n % 7)
        + "."
        + (n % 3)
        + "-"
        + (7 * (1 + n % 11))
        + "b"
        + "-"
        + VARIANTS[n % VARIANTS.length]
        + "-"
        + n;
  }

  @Override
  public PageKey keyOf(String path, String rawQuery) {
    return path.startsWith("/models/") ? new PageKey(path, true, true) : null;
  }

  @Override
  public RenderedPage render(PageKey pageKey) {
    String key = pageKey.value();
    String id = key.substring("/models/".length());
    SplittableRandom random = new SplittableRandom(key.hashCode());
    Set<String> tags = new LinkedHashSet<>();
    tags.add("model:" + id);
    tags.add("models:detail");
    tags.add("models:all");
    StringBuilder html = new StringBuilder(24_000);
    head(html, id, random);
    html.append("<main id=\"main\">\n<article class=\"model\">\n");
    facts(html, id, random);
    prose(html, random);
    offers(html, random, tags);
    parameters(html, random);
    samples(html, id);
    similar(html, random, tags);
    html.append("</article>\n</main>\n");
    footer(html);
    return RenderedPage.html(200, html.toString().getBytes(StandardCharsets.UTF_8), tags);
  }

  private static void head(StringBuilder html, String id, SplittableRandom random) {
    String name = displayName(id);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(name)
        .append(" \u2014 pricing, context and API | Gatewayz Models</title>\n")
        .append("<meta name=\"description\" content=\"")
        .append(name)
        .append(": compare prices across ")
        .append(2 + random.nextInt(8))
        .append(" gateways, context window, modalities and code samples.\">\n")
        .append("<link rel=\"canonical\" href=\"https://models.gatewayz.ai/models/")
        .append(id)
        .append("\">\n")
        .append("<meta name=\"robots\" content=\"index, follow\">\n")
        .append("<meta property=\"og:title\" content=\"")
        .append(name)
        .append("\">\n")
        .append("<meta property=\"og:url\" content=\"https://models.gatewayz.ai/models/")
        .append(id)
        .append("\">\n")
        .append("<link rel=\"stylesheet\" href=\"/static/site.css?v=3f9a1c\">\n")
        .append("<style>.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem}")
        .append(
            ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}")
        .append(
            ".chips{display:flex;flex-wrap:wrap;gap:.25rem}.chip{padding:.125rem .5rem;border-radius:1rem}")
        .append(
            ".card-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem}")
        .append(
            ".offers .num{text-align:right;font-variant-numeric:tabular-nums}.badge{margin-left:.5rem}</style>\n")
        .append("<script defer src=\"/static/site.js?v=3f9a1c\"></script>\n")
        .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",")
        .append("\"@type\":\"SoftwareApplication\",\"name\":\"")
        .append(name)
        .append("\",\"applicationCategory\":\"AI model\",\"identifier\":\"")
        .append(id)
        .append("\",\"offers\":{\"@type\":\"AggregateOffer\",\"lowPrice\":\"")
        .append(price(random))
        .append("\",\"highPrice\":\"")
        .append(price(random))
        .append("\",\"priceCurrency\":\"USD\"}}</script>\n")
        .append("</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
        .append(
            "<header class=\"site-head\">\n<a class=\"brand\" href=\"/\">Gatewayz <span>Models</span></a>\n")
        .append("<nav aria-label=\"Site\"><ul>\n");
    for (String link :
        new String[] {
          "Models", "Providers", "Gateways", "Compare", "Pricing", "API", "Docs", "Status"
        }) {
      html.append("<li><a href=\"/")
          .append(link.toLowerCase())
          .append("\">")
          .append(link)
          .append("</a></li>\n");
    }
    html.append("</ul></nav>\n<svg class=\"sprite\" aria-hidden=\"true\" hidden>")
        .append(
            "<symbol id=\"i-copy\" viewBox=\"0 0 24 24\"><path d=\"M8 4h10a2 2 0 0 1 2 2v10M4 8h10a2 2 0 0 1 2 2v10H6a2 2 0 0 1-2-2z\"/></symbol>")
        .append(
            "<symbol id=\"i-search\" viewBox=\"0 0 24 24\"><circle cx=\"11\" cy=\"11\" r=\"7\"/><path d=\"m20 20-3.5-3.5\"/></symbol>")
        .append(
            "<symbol id=\"i-arrow\" viewBox=\"0 0 24 24\"><path d=\"M5 12h14m-6-6 6 6-6 6\"/></symbol>")
        .append(
            "<symbol id=\"i-gateway\" viewBox=\"0 0 24 24\"><path d=\"M3 12h4l3-8 4 16 3-8h4\"/></symbol>")
        .append(
            "<symbol id=\"i-menu\" viewBox=\"0 0 24 24\"><path d=\"M4 6h16M4 12h16M4 18h16\"/></symbol>")
        .append("</svg>\n<form class=\"search\" action=\"/models\" role=\"search\">")
        .append("<label for=\"q\" class=\"visually-hidden\">Search models</label>")
        .append(
            "<input id=\"q\" name=\"q\" type=\"search\" placeholder=\"Search 5,000 models\"></form>\n</header>\n");
  }

  private static void facts(StringBuilder html, String id, SplittableRandom random) {
    String vendor = id.substring(0, id.indexOf('/'));
    html.append("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">\n  <ol>\n")
        .append("    <li><a href=\"/models\">Models</a></li>\n")
        .append("    <li><a href=\"/models?developer=")
        .append(vendor)
        .append("\">")
        .append(vendor)
        .append("</a></li>\n")
        .append("    <li aria-current=\"page\">")
        .append(displayName(id))
        .append("</li>\n  </ol>\n</nav>\n")
        .append("<header class=\"model-head\">\n  <h1>")
        .append(displayName(id))
        .append("</h1>\n")
        .append("  <p class=\"byline\">by <a href=\"/models?developer=")
        .append(vendor)
        .append("\">")
        .append(vendor)
        .append(
            "</a> <span class=\"dot\" aria-hidden=\"true\">&middot;</span> released <time datetime=\"")
        .append(date(random))
        .append("\">")
        .append(date(random))
        .append("</time></p>\n")
        .append(
            "  <div class=\"model-id\"><span class=\"label\">Model id</span> <code id=\"model-id\">")
        .append(id)
        .append("</code> <button type=\"button\" class=\"copy\" data-copy=\"")
        .append(id)
        .append("\" aria-label=\"Copy model id\" hidden>Copy</button></div>\n</header>\n")
        .append("<dl class=\"facts\">\n")
        .append("  <div class=\"fact\"><dt>Context</dt><dd title=\"")
        .append(1024 * context(random))
        .append(" tokens\">")
        .append(context(random))
        .append("K</dd></div>\n")
        .append("  <div class=\"fact\"><dt>Input price</dt><dd class=\"price\">$")
        .append(price(random))
        .append("/M</dd></div>\n")
        .append("  <div class=\"fact\"><dt>Output price</dt><dd class=\"price\">$")
        .append(price(random))
        .append("/M</dd></div>\n")
        .append(
            "  <div class=\"fact\"><dt>Modalities</dt><dd class=\"modalities\"><span class=\"chips\">")
        .append("<span class=\"chip\">text</span>")
        .append(random.nextBoolean() ? "<span class=\"chip\">image</span>" : "")
        .append(
            "</span> <span class=\"arrow\" aria-hidden=\"true\">&rarr;</span> <span class=\"chips\">")
        .append("<span class=\"chip\">text</span></span></dd></div>\n</dl>\n");
  }

  private static void prose(StringBuilder html, SplittableRandom random) {
    html.append(
        "<section class=\"section\" aria-labelledby=\"about\">\n<h2 id=\"about\">About</h2>\n<div class=\"prose\">\n");
    int paragraphs = 2 + random.nextInt(3);
    for (int p = 0; p < paragraphs; p++) {
      html.append("<p>");
      int sentences = 3 + random.nextInt(3);
      for (int s = 0; s < sentences; s++) {
        sentence(html, random, 6 + random.nextInt(10));
        html.append(' ');
      }
      html.append("</p>\n");
    }
    html.append("</div>\n</section>\n");
  }

  private static void offers(StringBuilder html, SplittableRandom random, Set<String> tags) {
    html.append(
            "<section class=\"section\" aria-labelledby=\"gateways\">\n<h2 id=\"gateways\">Gateways offering this model</h2>\n")
        .append(
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"gateways\">\n<table class=\"offers\">\n")
        .append(
            "<thead><tr><th scope=\"col\">Gateway</th><th scope=\"col\" class=\"num\">Input</th>")
        .append(
            "<th scope=\"col\" class=\"num\">Output</th><th scope=\"col\" class=\"num\">Context</th>")
        .append("<th scope=\"col\" class=\"num\">Max output</th></tr></thead>\n<tbody>\n");
    int count = 3 + random.nextInt(6);
    int first = random.nextInt(GATEWAYS.length);
    for (int i = 0; i < count; i++) {
      String gateway = GATEWAYS[(first + i) % GATEWAYS.length];
      tags.add("models:gateway:" + gateway);
      int context = context(random);
      html.append("          <tr")
          .append(i == 0 ? " class=\"cheapest\"" : "")
          .append(">\n            <th scope=\"row\"><a href=\"/gateways/")
          .append(gateway)
          .append("\">")
          .append(gateway)
          .append("</a>")
          .append(i == 0 ? " <span class=\"badge\">Cheapest</span>" : "")
          .append("</th>\n")
          .append("            <td class=\"num\">$")
          .append(price(random))
          .append("</td>\n")
          .append("            <td class=\"num\">$")
          .append(price(random))
          .append("</td>\n")
          .append("            <td class=\"num\" title=\"")
          .append(context * 1024)
          .append(" tokens\">")
          .append(context)
          .append("K</td>\n")
          .append("            <td class=\"num\" title=\"")
          .append(1024 * context(random) / 8)
          .append(" tokens\">")
          .append(context(random) / 8)
          .append("K</td>\n          </tr>\n");
    }
    html.append(
        "</tbody>\n</table>\n</div>\n<p class=\"note\">Prices in USD per 1M tokens.</p>\n</section>\n");
  }

  private static void parameters(StringBuilder html, SplittableRandom random) {
    html.append(
        "<section class=\"section\" aria-labelledby=\"parameters\">\n<h2 id=\"parameters\">Supported parameters</h2>\n<ul class=\"chips params\">\n");
    for (String parameter : PARAMETERS) {
      if (random.nextInt(3) > 0) {
        html.append("      <li><code>").append(parameter).append("</code></li>\n");
      }
    }
    html.append("</ul>\n</section>\n");
  }

  private static void samples(StringBuilder html, String id) {
    html.append(
            "<section class=\"section\" aria-labelledby=\"use\">\n<h2 id=\"use\">Use this model</h2>\n")
        .append(
            "<p>Call it through the OpenAI-compatible Gatewayz API with your <code>GATEWAYZ_API_KEY</code>.</p>\n")
        .append("<div class=\"samples\" data-tabs>\n");
    sample(
        html,
        "curl",
        "cURL",
        "bash",
        "curl https://api.gatewayz.ai/v1/chat/completions \\\n  -H &quot;Authorization: Bearer $GATEWAYZ_API_KEY&quot; \\\n"
            + "  -H &quot;Content-Type: application/json&quot; \\\n  -d '{\n    &quot;model&quot;: &quot;"
            + id
            + "&quot;,\n    &quot;messages&quot;: [{&quot;role&quot;: &quot;user&quot;, &quot;content&quot;: &quot;Hello!&quot;}]\n  }'");
    sample(
        html,
        "python",
        "Python",
        "python",
        "from openai import OpenAI\n\nclient = OpenAI(\n    base_url=&quot;https://api.gatewayz.ai/v1&quot;,\n"
            + "    api_key=os.environ[&quot;GATEWAYZ_API_KEY&quot;],\n)\n\ncompletion = client.chat.completions.create(\n"
            + "    model=&quot;"
            + id
            + "&quot;,\n    messages=[{&quot;role&quot;: &quot;user&quot;, &quot;content&quot;: &quot;Hello!&quot;}],\n)\n"
            + "print(completion.choices[0].message.content)");
    sample(
        html,
        "node",
        "Node.js",
        "javascript",
        "import OpenAI from &quot;openai&quot;;\n\nconst client = new OpenAI({\n  baseURL: &quot;https://api.gatewayz.ai/v1&quot;,\n"
            + "  apiKey: process.env.GATEWAYZ_API_KEY,\n});\n\nconst completion = await client.chat.completions.create({\n"
            + "  model: &quot;"
            + id
            + "&quot;,\n  messages: [{ role: &quot;user&quot;, content: &quot;Hello!&quot; }],\n});\n"
            + "console.log(completion.choices[0].message.content);");
    html.append("</div>\n</section>\n");
  }

  private static void sample(
      StringBuilder html, String key, String label, String language, String code) {
    html.append("<div class=\"sample\" id=\"sample-")
        .append(key)
        .append("\" data-tab-label=\"")
        .append(label)
        .append("\">\n")
        .append("  <div class=\"sample-head\"><h3>")
        .append(label)
        .append("</h3><button type=\"button\" class=\"copy\" data-copy-target=\"code-")
        .append(key)
        .append("\" aria-label=\"Copy ")
        .append(label)
        .append(" sample\" hidden>Copy</button></div>\n")
        .append("  <pre><code id=\"code-")
        .append(key)
        .append("\" class=\"language-")
        .append(language)
        .append("\">")
        .append(code)
        .append("</code></pre>\n</div>\n");
  }

  private static void similar(StringBuilder html, SplittableRandom random, Set<String> tags) {
    html.append(
        "<section class=\"section\" aria-labelledby=\"similar\">\n<h2 id=\"similar\">Similar models</h2>\n<ul class=\"card-grid\">\n");
    for (int i = 0; i < SIMILAR; i++) {
      String id = modelId(random.nextInt(5_000));
      tags.add("model:" + id);
      html.append("      <li class=\"card\">\n        <a class=\"card-link\" href=\"/models/")
          .append(id)
          .append("\">\n")
          .append("          <h3 class=\"card-title\">")
          .append(displayName(id))
          .append("</h3>\n")
          .append("          <p class=\"card-id\"><code>")
          .append(id)
          .append("</code></p>\n          <p class=\"card-text\">");
      sentence(html, random, 6 + random.nextInt(8));
      html.append("</p>\n          <dl class=\"card-facts\"><div><dt>Context</dt><dd>")
          .append(context(random))
          .append("K</dd></div><div><dt>Input</dt><dd>$")
          .append(price(random))
          .append("/M</dd></div><div><dt>Output</dt><dd>$")
          .append(price(random))
          .append("/M</dd></div></dl>\n        </a>\n      </li>\n");
    }
    html.append("</ul>\n</section>\n");
  }

  private static void footer(StringBuilder html) {
    html.append("<footer class=\"site-foot\">\n<nav class=\"foot-nav\" aria-label=\"Browse\">\n")
        .append("<h2>Browse by developer</h2>\n<ul class=\"foot-list\">\n");
    for (String vendor : VENDORS) {
      html.append("        <li><a href=\"/models?developer=")
          .append(vendor)
          .append("\">")
          .append(vendor)
          .append(" models</a></li>\n");
    }
    html.append("</ul>\n<h2>Browse by gateway</h2>\n<ul class=\"foot-list\">\n");
    for (String gateway : GATEWAYS) {
      html.append("        <li><a href=\"/gateways/")
          .append(gateway)
          .append("\">Models on ")
          .append(gateway)
          .append("</a></li>\n");
    }
    html.append(
            "</ul>\n</nav>\n<p>Prices and limits come from each gateway's public model list and may lag")
        .append(
            " behind it. Gatewayz is not affiliated with the model developers.</p>\n<ul class=\"foot-links\">")
        .append(
            "<li><a href=\"/about\">About</a></li><li><a href=\"/sitemap.xml\">Sitemap</a></li>")
        .append(
            "<li><a href=\"/privacy\">Privacy</a></li><li><a href=\"/terms\">Terms</a></li></ul>\n")
        .append("</footer>\n</body>\n</html>\n");
  }

  private static void sentence(StringBuilder html, SplittableRandom random, int words) {
    for (int w = 0; w < words; w++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      if (w == 0) {
        html.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      } else {
        html.append(' ').append(word);
      }
    }
    html.append('.');
  }

  private static String displayName(String id) {
    String name = id.substring(id.indexOf('/') + 1).replace('-', ' ');
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String price(SplittableRandom random) {
    return PRICES[random.nextInt(PRICES.length)];
  }

  private static int context(SplittableRandom random) {
    return CONTEXTS[random.nextInt(CONTEXTS.length)];
  }

  private static String date(SplittableRandom random) {
    return String.format(
        Locale.ROOT,
        "20%02d-%02d-%02d",
        23 + random.nextInt(3),
        1 + random.nextInt(12),
        1 + random.nextInt(28));
  }

  @Override
  public RenderedPage renderNotFound(String key) {
    return RenderedPage.html(404, ("not found " + key).getBytes(StandardCharsets.UTF_8), Set.of());
  }

  @Override
  public RenderedPage renderError(int status, String key) {
    return RenderedPage.html(
        status, ("error " + status).getBytes(StandardCharsets.UTF_8), Set.of());
  }
}
