package com.gatewayz.modelpages.pages.view;

import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Model descriptions from gateways (untrusted Markdown) as HTML that is safe to output raw:
 * rendered by commonmark with raw HTML escaped, then cleaned by a jsoup allow-list (paragraphs,
 * emphasis, code, lists, quotes, headings h3–h6, links to http/https/mailto only with {@code
 * rel="nofollow noopener noreferrer"}). No images, no attributes beyond a link's {@code href}.
 * Input beyond {@value #MAX_INPUT} characters is cut. Thread-safe.
 */
public final class MarkdownHtml {

  public static final int MAX_INPUT = 20_000;
  private static final List<String> PROTOCOLS = List.of("http", "https", "mailto");

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .urlSanitizer(new DefaultUrlSanitizer(PROTOCOLS))
          .nodeRendererFactory(ShiftedHeadingRenderer::new)
          .nodeRendererFactory(ImageAsTextRenderer::new)
          .build();
  private static final Safelist SAFELIST = safelist();

  private MarkdownHtml() {}

  /** Safe HTML for {@code markdown}; empty for null or blank input. */
  public static String render(String markdown) {
    return rendered(markdown).html();
  }

  /** The text a reader sees, without markup, whitespace collapsed; empty for null input. */
  public static String plainText(String markdown) {
    return rendered(markdown).text();
  }

  /** {@link #render} and {@link #plainText} of {@code markdown}. */
  public record Rendered(String html, String text) {
    static final Rendered NOTHING = new Rendered("", "");
  }

  /**
   * The safe HTML and its text from one cleaned document: a page needs both (the description and
   * its meta summary), and parsing the HTML again for its text cost as much as the cleaning.
   */
  public static Rendered rendered(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return Rendered.NOTHING;
    }
    String html = RENDERER.render(PARSER.parse(bounded(markdown)));
    // What Jsoup.clean does, keeping the document for its text.
    Document clean = new Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(html, ""));
    clean.outputSettings(new Document.OutputSettings().prettyPrint(false));
    return new Rendered(clean.body().html().strip(), clean.text());
  }

  /** True when {@code html} passes the allow-list unchanged, as {@link #render} output does. */
  static boolean isSafe(String html) {
    return new Cleaner(SAFELIST).isValidBodyHtml(html);
  }

  private static String bounded(String markdown) {
    if (markdown.length() <= MAX_INPUT) {
      return markdown;
    }
    int end = Character.isHighSurrogate(markdown.charAt(MAX_INPUT - 1)) ? MAX_INPUT - 1 : MAX_INPUT;
    return markdown.substring(0, end);
  }

  private static Safelist safelist() {
    return new Safelist()
        .addTags("p", "br", "em", "strong", "code", "pre", "blockquote", "hr")
        .addTags("ul", "ol", "li", "h3", "h4", "h5", "h6", "a")
        .addAttributes("a", "href")
        .addAttributes("ol", "start")
        .addProtocols("a", "href", PROTOCOLS.toArray(String[]::new))
        .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");
  }
}
