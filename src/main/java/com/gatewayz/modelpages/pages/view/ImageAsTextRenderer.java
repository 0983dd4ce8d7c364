package com.gatewayz.modelpages.pages.view;

import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;

/**
 * Renders a Markdown image as its alt text: pages show no images from gateways (tracking pixels,
 * mixed content), but the words of the alt text still belong to the sentence.
 */
final class ImageAsTextRenderer implements NodeRenderer {

  private final HtmlNodeRendererContext context;

  ImageAsTextRenderer(HtmlNodeRendererContext context) {
    this.context = context;
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Image.class);
  }

  @Override
  public void render(Node node) {
    StringBuilder alt = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            alt.append(text.getLiteral());
          }
        });
    context.getWriter().text(alt.toString());
  }
}
