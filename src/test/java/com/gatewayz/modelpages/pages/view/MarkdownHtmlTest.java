package com.gatewayz.modelpages.pages.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownHtmlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "Hello <script>alert(1)</script> world",
        "<img src=x onerror=alert(1)>",
        "text <img src=x onerror=alert(1)> more",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](java\tscript:alert(1))",
        "<javascript:alert(1)>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](vbscript:msgbox(1))",
        "<div onclick=\"alert(1)\">block</div>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<style>body{display:none}</style>",
        "<a href=\"javascript:alert(1)\">raw link</a>",
        "![alt](javascript:alert(1))",
        "![pixel](https://tracker.example/p.gif)",
        "[x](https://ok.example \"t\" onmouseover=alert(1))",
        "<svg onload=alert(1)>",
        "<!-- <script>alert(1)</script> -->",
        "```html\n<script>alert(1)</script>\n```"
      })
  void hostileInputIsInert(String markdown) {
    String html = MarkdownHtml.render(markdown);

    Element body = Jsoup.parseBodyFragment(html).body();
    assertThat(body.select("script, img, iframe, style, svg, div, object, embed")).isEmpty();
    for (Element element : body.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        assertThat(attribute.getKey()).isIn("href", "rel", "start");
      }
    }
    for (Element link : body.select("a[href]")) {
      assertThat(link.attr("href")).matches("(?i)(https?|mailto):.*");
    }
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContainPattern("(?i)<[a-z][^>]*=\"\\s*(javascript|data):");
  }

  @Test
  void rawHtmlIsShownAsText() {
    assertThat(MarkdownHtml.render("<script>alert(1)</script>"))
        .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    assertThat(MarkdownHtml.render("a <img src=x onerror=alert(1)>"))
        .isEqualTo("<p>a &lt;img src=x onerror=alert(1)&gt;</p>");
  }

  @Test
  void scriptLinksLoseTheirTarget() {
    assertThat(MarkdownHtml.render("[x](javascript:alert(1))"))
        .isEqualTo("<p><a rel=\"nofollow noopener noreferrer\">x</a></p>");
  }

  @Test
  void webLinksGetRelAttributes() {
    assertThat(MarkdownHtml.render("See [Blog Post](https://mistral.ai/news/codestral-25-08)."))
        .isEqualTo(
            "<p>See <a href=\"https://mistral.ai/news/codestral-25-08\""
                + " rel=\"nofollow noopener noreferrer\">Blog Post</a>.</p>");
    assertThat(MarkdownHtml.render("[mail](mailto:a@example.com)"))
        .contains("href=\"mailto:a@example.com\"");
  }

  @Test
  void imagesBecomeTheirAltText() {
    assertThat(MarkdownHtml.render("A ![chart of *scores*](https://x.example/c.png) here"))
        .isEqualTo("<p>A chart of scores here</p>");
  }

  @Test
  void keepsTheAllowedFormatting() {
    String html =
        MarkdownHtml.render(
            "# Title\n\n## Sub\n\n*em* **strong** `code`\n\n- one\n- two\n\n3. three\n\n> quote\n\n"
                + "```\nx < 1\n```");

    assertThat(html)
        .contains("<h3>Title</h3>", "<h4>Sub</h4>", "<em>em</em>", "<strong>strong</strong>")
        .contains("<code>code</code>", "<ul>", "<li>one</li>", "<ol start=\"3\">")
        .contains("<blockquote>", "<pre><code>x &lt; 1\n</code></pre>");
  }

  @Test
  void nullAndBlankGiveNothing() {
    assertThat(MarkdownHtml.render(null)).isEmpty();
    assertThat(MarkdownHtml.render("  \n ")).isEmpty();
    assertThat(MarkdownHtml.plainText(null)).isEmpty();
  }

  @Test
  void boundsTheInput() {
    String html = MarkdownHtml.render("a".repeat(MarkdownHtml.MAX_INPUT + 5_000));

    assertThat(html).isEqualTo("<p>" + "a".repeat(MarkdownHtml.MAX_INPUT) + "</p>");
  }

  @Test
  void plainTextDropsMarkup() {
    assertThat(MarkdownHtml.plainText("**Fast** model. See [docs](https://x.example) <b>now</b>"))
        .isEqualTo("Fast model. See docs <b>now</b>");
  }

  @Test
  void outputPassesTheAllowList() {
    String html = MarkdownHtml.render("[a](https://x.example) *b* <i>c</i>\n\n# d");

    assertThat(MarkdownHtml.isSafe(html)).isTrue();
  }

  // The text comes from the cleaned document itself; it must be what a reader of the HTML sees,
  // as when it was taken by parsing the rendered HTML again.
  @Test
  void theTextIsTheTextOfTheRenderedHtml() {
    String[] pieces = {
      "**",
      "_",
      "`",
      "# ",
      "\n\n",
      "\n",
      "- ",
      "1. ",
      "> ",
      "<b>",
      "</b>",
      "<script>",
      "&amp;",
      "&lt;",
      "[x](https://a.example)",
      "[y](javascript:z)",
      "  ",
      "\t",
      "word",
      "é",
      "日本",
      "e.g.",
      "!",
      "<p>",
      "```",
      "---",
      "\\",
      "&#x26;",
      "\u00a0",
      "*"
    };
    Random random = new Random(18);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder markdown = new StringBuilder();
      for (int n = random.nextInt(20); n > 0; n--) {
        markdown.append(pieces[random.nextInt(pieces.length)]);
      }
      MarkdownHtml.Rendered rendered = MarkdownHtml.rendered(markdown.toString());

      String reparsed =
          rendered.html().isEmpty() ? "" : Jsoup.parseBodyFragment(rendered.html()).text();
      assertThat(rendered.text()).as("markdown %s", markdown).isEqualTo(reparsed);
      assertThat(MarkdownHtml.render(markdown.toString())).isEqualTo(rendered.html());
    }
  }
}
