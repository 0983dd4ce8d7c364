<%@ page session="false" contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<%-- The 410 page of a removed model. Request attributes: view (RetiredView), site (SiteContext). --%>
<t:layout title="${view.title}" description="${view.metaDescription}" robots="noindex, follow">
<section class="notice">
  <p class="status">410</p>
  <h1>This model was retired</h1>
  <p>
    <strong><c:out value="${view.name}"/></strong>
    <c:if test="${not empty view.developer}"> by <c:out value="${view.developer}"/></c:if>
    (<code><c:out value="${view.id}"/></code>) is no longer offered by any gateway<c:if test="${not empty view.retiredOn}"> since <time datetime="${fn:escapeXml(view.retiredOn)}"><c:out value="${view.retiredOn}"/></time></c:if>.
  </p>
  <p class="actions">
    <a class="button" href="${fn:escapeXml(view.searchHref)}">Search for <c:out value="${view.name}"/></a>
    <a href="${fn:escapeXml(view.modelsHref)}">Browse all models</a>
  </p>
</section>

<c:if test="${not empty view.similar}">
<section class="section" aria-labelledby="similar">
  <h2 id="similar">Similar models still offered</h2>
  <ul class="card-grid">
    <c:forEach items="${view.similar}" var="card"><t:card card="${card}"/></c:forEach>
  </ul>
</section>
</c:if>
</t:layout>
