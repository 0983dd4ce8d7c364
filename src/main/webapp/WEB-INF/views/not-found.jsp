<%@ page session="false" contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<%-- The 404 page. Request attributes: view (NotFoundView), site (SiteContext). --%>
<t:layout title="${view.title}" description="${view.metaDescription}" robots="noindex, follow">
<section class="notice">
  <p class="status">404</p>
  <h1><c:out value="${view.heading}"/></h1>
  <c:choose>
    <c:when test="${not empty view.requestedId}">
    <p>No model in the catalog has the id <code class="requested"><c:out value="${view.requestedId}"/></code>.</p>
    </c:when>
    <c:otherwise>
    <p>This page does not exist.</p>
    </c:otherwise>
  </c:choose>
  <form class="search-box" role="search" method="get" action="${fn:escapeXml(view.formAction)}">
    <label for="nf-q">Search the catalog</label>
    <div class="search-row">
      <input id="nf-q" type="search" name="q" value="${fn:escapeXml(view.searchQuery)}" maxlength="100">
      <button type="submit">Search</button>
    </div>
  </form>
  <p><a href="${fn:escapeXml(view.modelsHref)}">Browse all models</a></p>
</section>

<c:if test="${not empty view.suggestions}">
<section class="section" aria-labelledby="suggestions">
  <h2 id="suggestions">Perhaps one of these</h2>
  <ul class="card-grid">
    <c:forEach items="${view.suggestions}" var="card"><t:card card="${card}"/></c:forEach>
  </ul>
</section>
</c:if>
</t:layout>
