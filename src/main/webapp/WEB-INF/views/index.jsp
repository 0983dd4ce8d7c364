<%@ page session="false" contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<%-- The /models index. Request attributes: view (IndexPageView), site (SiteContext). --%>
<t:layout title="${view.title}" description="${view.metaDescription}" canonical="${view.canonicalUrl}"
    robots="${view.robots}">
<div class="page-head">
  <h1><c:out value="${view.heading}"/></h1>
  <p class="summary"><c:out value="${view.summary}"/></p>
</div>

<%-- Shown by site.js when the live feed announces new models; the page works without it. --%>
<div class="live-banner" id="live-banner" role="status" aria-live="polite" hidden
    data-events="${fn:escapeXml(site.contextPath)}/api/models/events">
  <a class="live-link" href="${fn:escapeXml(site.contextPath)}/models?sort=newest">New models &mdash; show</a>
</div>

<form class="filters" method="get" action="${fn:escapeXml(view.formAction)}">
  <div class="field field-q">
    <label for="f-q">Search</label>
    <input id="f-q" type="search" name="q" value="${fn:escapeXml(view.q)}" placeholder="Name, id or developer" maxlength="100">
  </div>
  <div class="field">
    <label for="f-developer">Developer</label>
    <select id="f-developer" name="developer">
      <c:forEach items="${view.filters.developers}" var="o">
      <option value="${fn:escapeXml(o.value)}"${o.selected ? ' selected' : ''}><c:out value="${o.label}"/></option>
      </c:forEach>
    </select>
  </div>
  <div class="field">
    <label for="f-gateway">Gateway</label>
    <select id="f-gateway" name="gateway">
      <c:forEach items="${view.filters.gateways}" var="o">
      <option value="${fn:escapeXml(o.value)}"${o.selected ? ' selected' : ''}><c:out value="${o.label}"/></option>
      </c:forEach>
    </select>
  </div>
  <div class="field">
    <label for="f-modality">Input</label>
    <select id="f-modality" name="modality">
      <c:forEach items="${view.filters.modalities}" var="o">
      <option value="${fn:escapeXml(o.value)}"${o.selected ? ' selected' : ''}><c:out value="${o.label}"/></option>
      </c:forEach>
    </select>
  </div>
  <div class="field field-check">
    <input id="f-free" type="checkbox" name="free" value="1"${view.filters.free ? ' checked' : ''}>
    <label for="f-free">Free only</label>
  </div>
  <c:if test="${view.filters.sort ne 'popular'}">
  <input type="hidden" name="sort" value="${fn:escapeXml(view.filters.sort)}">
  </c:if>
  <div class="field field-actions">
    <button type="submit">Apply</button>
    <c:if test="${view.filtered}">
    <a class="reset" href="${fn:escapeXml(view.resetHref)}">Reset</a>
    </c:if>
  </div>
</form>

<nav class="sorts" aria-label="Sort order">
  <span class="sorts-label">Sort by</span>
  <ul>
    <c:forEach items="${view.filters.sorts}" var="s">
    <li>
      <c:choose>
        <c:when test="${s.selected}"><span class="current" aria-current="true"><c:out value="${s.label}"/></span></c:when>
        <c:otherwise><a href="${fn:escapeXml(s.href)}"><c:out value="${s.label}"/></a></c:otherwise>
      </c:choose>
    </li>
    </c:forEach>
  </ul>
</nav>

<c:choose>
  <c:when test="${empty view.cards}">
  <div class="empty">
    <p>No models match these filters.</p>
    <p><a href="${fn:escapeXml(view.resetHref)}">Show all models</a></p>
  </div>
  </c:when>
  <c:otherwise>
  <h2 class="visually-hidden">Results</h2>
  <ul class="card-grid">
    <c:forEach items="${view.cards}" var="card"><t:card card="${card}"/></c:forEach>
  </ul>
  </c:otherwise>
</c:choose>

<c:if test="${view.pageCount > 1}">
<nav class="pagination" aria-label="Pagination">
  <c:choose>
    <c:when test="${not empty view.prevHref}"><a class="prev" rel="prev" href="${fn:escapeXml(view.prevHref)}">&larr; Previous</a></c:when>
    <c:otherwise><span class="prev disabled">&larr; Previous</span></c:otherwise>
  </c:choose>
  <ol class="pages">
    <c:forEach items="${view.pages}" var="p">
    <li>
      <c:choose>
        <c:when test="${p.gap}"><span class="gap">&hellip;</span></c:when>
        <c:when test="${p.current}"><span class="current" aria-current="page"><c:out value="${p.number}"/></span></c:when>
        <c:otherwise><a href="${fn:escapeXml(p.href)}" aria-label="Page ${p.number}"><c:out value="${p.number}"/></a></c:otherwise>
      </c:choose>
    </li>
    </c:forEach>
  </ol>
  <c:choose>
    <c:when test="${not empty view.nextHref}"><a class="next" rel="next" href="${fn:escapeXml(view.nextHref)}">Next &rarr;</a></c:when>
    <c:otherwise><span class="next disabled">Next &rarr;</span></c:otherwise>
  </c:choose>
</nav>
</c:if>
</t:layout>
