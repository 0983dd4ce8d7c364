<%@ page session="false" contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<%-- The admin sign-in form. Request attributes: failed (boolean), flash (AdminFlash or null),
     retryAfter (seconds, when this address is locked out after too many wrong tokens), site. --%>
<t:layout title="Admin sign-in | Gatewayz" robots="noindex, nofollow">
<section class="notice admin-login">
  <h1>Admin sign-in</h1>
  <c:if test="${failed}"><p class="flash flash-error" role="alert">Sign-in failed.</p></c:if>
  <c:if test="${not empty retryAfter}"><p class="flash flash-error" role="alert">Too many wrong tokens from your address: try again in <c:out value="${retryAfter}"/> seconds.</p></c:if>
  <c:if test="${not empty flash}"><p class="flash" role="status"><c:out value="${flash.message}"/></p></c:if>
  <form class="search-box" method="post" action="${fn:escapeXml(site.contextPath)}/admin/login">
    <label for="admin-token">Admin token</label>
    <div class="search-row">
      <input id="admin-token" type="password" name="token" required autocomplete="current-password">
      <button type="submit">Sign in</button>
    </div>
  </form>
  <p class="note">The value of <code>MODEL_PAGES_ADMIN_TOKEN</code>. Signing in sets a cookie for this page that lasts 8 hours.</p>
</section>
</t:layout>
