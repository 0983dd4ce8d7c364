<%@ tag body-content="empty" pageEncoding="UTF-8" trimDirectiveWhitespaces="true"
    description="One model as a card: a list item for a ul.card-grid." %>
<%@ attribute name="card" required="true" type="com.gatewayz.modelpages.pages.view.ModelCard" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<li class="card">
  <h3 class="card-title"><a href="${fn:escapeXml(card.href)}"><c:out value="${card.name}"/></a></h3>
  <c:if test="${not empty card.developer}">
  <p class="card-dev"><c:out value="${card.developer}"/></p>
  </c:if>
  <p class="card-id"><c:out value="${card.id}"/></p>
  <dl class="card-facts">
    <div><dt>Context</dt><dd title="${fn:escapeXml(card.contextTitle)}"><c:out value="${card.context}"/></dd></div>
    <div><dt>Input</dt><dd class="${card.free ? 'price free' : 'price'}"><c:out value="${card.inputPrice}"/></dd></div>
  </dl>
</li>
