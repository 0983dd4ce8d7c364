package com.gatewayz.modelpages.pages.view;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders Markdown headings two levels down (# → h3, capped at h6): a description sits under the
 * page's h1 and section h2s, so its own headings must not compete with them.
 */
final class ShiftedHeadingRenderer implements NodeRenderer {

  private final HtmlNodeRendererContext context;

  ShiftedHeadingRenderer(HtmlNodeRendererContext context) {
    this.context = context;
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Heading.class);
  }

  @Override
  public void render(Node node) {
    String tag = "h" + Math.min(6, ((Heading) node).getLevel() + 2);
    HtmlWriter html = context.getWriter();
    html.line();
    html.tag(tag, Map.of());
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      context.render(child);
    }
    html.tag("/" + tag);
    html.line();
  }
}
