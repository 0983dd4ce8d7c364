<%@ page session="false" contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<%-- The 503 / 500 page. Request attributes: view (ErrorView), site (SiteContext). --%>
<t:layout title="${view.title}" description="${view.metaDescription}" robots="noindex, nofollow">
<section class="notice">
  <p class="status"><c:out value="${view.status}"/></p>
  <h1><c:out value="${view.heading}"/></h1>
  <p><c:out value="${view.message}"/></p>
  <p class="actions">
    <c:if test="${view.retryable}"><a class="button" href="">Retry now</a></c:if>
    <a href="${fn:escapeXml(view.modelsHref)}">Browse all models</a>
  </p>
</section>
</t:layout>
