<%@ page session="false" contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<%-- An admin answer without a form (admin off, request refused). Request attributes: status, heading, message, site. --%>
<t:layout title="${heading} | Gatewayz" robots="noindex, nofollow">
<section class="notice">
  <p class="status"><c:out value="${status}"/></p>
  <h1><c:out value="${heading}"/></h1>
  <p><c:out value="${message}"/></p>
  <p class="actions"><a href="${fn:escapeXml(site.contextPath)}/admin">Admin page</a></p>
</section>
</t:layout>
