<%@ tag body-content="scriptless" pageEncoding="UTF-8" trimDirectiveWhitespaces="true"
    description="The page frame: head with title, meta, canonical, OpenGraph and JSON-LD; header with the search form; footer." %>
<%@ attribute name="title" required="true" %>
<%@ attribute name="description" required="false" %>
<%@ attribute name="canonical" required="false" %>
<%@ attribute name="robots" required="false" %>
<%@ attribute name="jsonLd" required="false" description="Script-safe JSON built in Java; output raw." %>
<%@ attribute name="q" required="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<c:set var="site" value="${requestScope.site}"/>
<c:set var="ctx" value="${fn:escapeXml(site.contextPath)}"/>
<c:set var="ver" value="${fn:escapeXml(site.assetVersion)}"/>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><c:out value="${title}"/></title>
<c:if test="${not empty description}">
<meta name="description" content="${fn:escapeXml(description)}">
</c:if>
<c:if test="${not empty robots}">
<meta name="robots" content="${fn:escapeXml(robots)}">
</c:if>
<c:if test="${not empty canonical}">
<link rel="canonical" href="${fn:escapeXml(canonical)}">
</c:if>
<meta name="color-scheme" content="light dark">
<meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)">
<meta name="theme-color" content="#0f1115" media="(prefers-color-scheme: dark)">
<meta property="og:type" content="website">
<meta property="og:site_name" content="Gatewayz Models">
<meta property="og:title" content="${fn:escapeXml(title)}">
<c:if test="${not empty description}">
<meta property="og:description" content="${fn:escapeXml(description)}">
</c:if>
<c:if test="${not empty canonical}">
<meta property="og:url" content="${fn:escapeXml(canonical)}">
</c:if>
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${fn:escapeXml(title)}">
<c:if test="${not empty description}">
<meta name="twitter:description" content="${fn:escapeXml(description)}">
</c:if>
<link rel="stylesheet" href="${ctx}/assets/site.css?v=${ver}">
<script src="${ctx}/assets/site.js?v=${ver}" defer></script>
<c:if test="${not empty jsonLd}">
<script type="application/ld+json">${jsonLd}</script>
</c:if>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
  <div class="wrap header-row">
    <a class="brand" href="${ctx}/models">Gatewayz <span>Models</span></a>
    <form class="header-search" role="search" method="get" action="${ctx}/models">
      <label class="visually-hidden" for="site-q">Search models</label>
      <input id="site-q" type="search" name="q" value="${fn:escapeXml(q)}" placeholder="Search models" maxlength="100" autocomplete="off">
      <button type="submit">Search</button>
    </form>
  </div>
</header>
<main id="main" class="wrap">
<jsp:doBody/>
</main>
<footer class="site-footer">
  <div class="wrap footer-row">
    <p>Prices are in USD per 1M tokens, as each gateway lists them. Check the gateway before you rely on a price.</p>
    <nav aria-label="Footer">
      <a href="${ctx}/models">All models</a>
      <a href="${ctx}/api/models">JSON API</a>
      <a href="${ctx}/sitemap.xml">Sitemap</a>
    </nav>
  </div>
</footer>
</body>
</html>
