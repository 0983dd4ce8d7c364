<%@ page session="false" contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<%-- The admin page. Request attributes: view (AdminView), site (SiteContext). Live, never cached. --%>
<c:set var="ctx" value="${fn:escapeXml(site.contextPath)}"/>
<c:set var="csrf" value="${fn:escapeXml(view.csrf)}"/>
<t:layout title="Admin | Gatewayz" robots="noindex, nofollow">
<div class="page-head">
  <h1>Admin</h1>
  <c:if test="${not empty view.csrf}">
  <form class="admin-inline" method="post" action="${ctx}/admin/logout">
    <button type="submit" class="secondary">Sign out</button>
  </form>
  </c:if>
</div>
<c:if test="${not empty view.flash}">
<p class="flash${view.flash.error ? ' flash-error' : ''}" role="status"><c:out value="${view.flash.message}"/></p>
</c:if>

<section class="section" id="cache" aria-labelledby="cache-h">
  <h2 id="cache-h">Cache</h2>
  <dl class="facts">
    <div class="fact"><dt>Entries</dt><dd><c:out value="${view.entries}"/></dd></div>
    <div class="fact"><dt>Hit ratio</dt><dd><c:out value="${view.hitRatio}"/></dd></div>
    <div class="fact"><dt>Hits</dt><dd><c:out value="${view.hits}"/></dd></div>
    <div class="fact"><dt>Stales</dt><dd><c:out value="${view.stales}"/></dd></div>
    <div class="fact"><dt>Misses</dt><dd><c:out value="${view.misses}"/></dd></div>
    <div class="fact"><dt>Renders</dt><dd><c:out value="${view.renders}"/></dd></div>
    <div class="fact"><dt>Render errors</dt><dd><c:out value="${view.renderErrors}"/></dd></div>
    <div class="fact"><dt>Render p50</dt><dd><c:out value="${view.renderP50}"/></dd></div>
    <div class="fact"><dt>Render p99</dt><dd><c:out value="${view.renderP99}"/></dd></div>
    <div class="fact"><dt>Stamped tags</dt><dd><c:out value="${view.stamped}"/></dd></div>
  </dl>
</section>

<section class="section" id="actions" aria-labelledby="actions-h">
  <h2 id="actions-h">Actions</h2>
  <div class="admin-actions">
    <form class="admin-form" method="post" action="${ctx}/admin/purge-model">
      <input type="hidden" name="csrf" value="${csrf}">
      <label for="a-model">Purge a model</label>
      <div class="search-row">
        <input id="a-model" type="text" name="model" required maxlength="256" placeholder="openai/gpt-4o" autocomplete="off" spellcheck="false">
        <button type="submit">Purge</button>
      </div>
    </form>
    <form class="admin-form" method="post" action="${ctx}/admin/purge-tag">
      <input type="hidden" name="csrf" value="${csrf}">
      <label for="a-tag">Purge a tag</label>
      <div class="search-row">
        <input id="a-tag" type="text" name="tag" required maxlength="300" placeholder="models:list" autocomplete="off" spellcheck="false">
        <button type="submit">Purge</button>
      </div>
    </form>
    <form class="admin-form" method="post" action="${ctx}/admin/refresh">
      <input type="hidden" name="csrf" value="${csrf}">
      <label for="a-refresh">Gateways</label>
      <div class="search-row">
        <button id="a-refresh" type="submit">Refresh now</button>
      </div>
    </form>
  </div>
</section>

<section class="section" id="prerendered" aria-labelledby="prerendered-h">
  <h2 id="prerendered-h">Pre-rendered pages (<c:out value="${fn:length(view.prerendered)}"/>)</h2>
  <c:choose>
    <c:when test="${empty view.prerendered}"><p class="note">No page was pre-rendered.</p></c:when>
    <c:otherwise>
    <ul class="admin-list">
      <c:forEach items="${view.prerendered}" var="key">
      <li><a href="${ctx}${fn:escapeXml(key)}"><code><c:out value="${key}"/></code></a></li>
      </c:forEach>
    </ul>
    </c:otherwise>
  </c:choose>
</section>

<section class="section" id="gateways" aria-labelledby="gateways-h">
  <h2 id="gateways-h">Gateways</h2>
  <div class="table-wrap">
  <table>
    <thead><tr><th scope="col">Gateway</th><th scope="col">Enabled</th><th scope="col">Last attempt</th>
      <th scope="col">Last success</th><th scope="col" class="num">Models</th><th scope="col">Circuit</th><th scope="col">Last error</th></tr></thead>
    <tbody>
    <c:forEach items="${view.gateways}" var="g">
    <tr>
      <th scope="row"><c:out value="${g.id}"/></th>
      <td><c:out value="${g.enabled ? 'yes' : 'no'}"/></td>
      <td><c:out value="${g.last_attempt}"/></td>
      <td><c:out value="${g.last_success}"/></td>
      <td class="num"><c:out value="${g.model_count}"/></td>
      <td><c:out value="${g.circuit_state}"/></td>
      <td class="admin-wrap"><c:out value="${not empty g.last_error_detail ? g.last_error_detail : g.skipped_reason}"/></td>
    </tr>
    </c:forEach>
    </tbody>
  </table>
  </div>
</section>

<c:if test="${not empty view.edges}">
<section class="section" id="edges" aria-labelledby="edges-h">
  <h2 id="edges-h">Edges</h2>
  <p class="note">Caches in front of this node; every purge made here is forwarded to each, through the outbox.</p>
  <div class="table-wrap">
  <table>
    <thead><tr><th scope="col">Edge</th><th scope="col">Target</th><th scope="col">Circuit</th><th scope="col" class="num">Pending</th>
      <th scope="col" class="num">Lag</th><th scope="col" class="num">Delivered</th><th scope="col" class="num">Failed</th>
      <th scope="col">Last success</th><th scope="col">Last error</th></tr></thead>
    <tbody>
    <c:forEach items="${view.edges}" var="e">
    <tr>
      <th scope="row"><c:out value="${e.name}"/></th>
      <td class="admin-wrap"><c:out value="${e.target}"/></td>
      <td><c:out value="${e.circuit}"/></td>
      <td class="num"><c:out value="${e.pending}"/></td>
      <td class="num"><c:out value="${e.lag}"/></td>
      <td class="num"><c:out value="${e.delivered}"/></td>
      <td class="num"><c:out value="${e.failed}"/></td>
      <td><c:out value="${e.last_success}"/></td>
      <td class="admin-wrap"><c:out value="${e.last_error}"/></td>
    </tr>
    </c:forEach>
    </tbody>
  </table>
  </div>
</section>
</c:if>

<section class="section" id="audit" aria-labelledby="audit-h">
  <h2 id="audit-h">Audit log</h2>
  <p class="note">The last 100 webhooks, purges, refresh runs and refused admin tokens on this node, newest first.</p>
  <c:choose>
    <c:when test="${empty view.audit}"><p class="note">Nothing happened yet.</p></c:when>
    <c:otherwise>
    <div class="table-wrap">
    <table class="audit">
      <thead><tr><th scope="col">Time (UTC)</th><th scope="col">Kind</th><th scope="col">Outcome</th><th scope="col">Detail</th></tr></thead>
      <tbody>
      <c:forEach items="${view.audit}" var="e">
      <tr>
        <td><c:out value="${e.time}"/></td>
        <td><c:out value="${e.kind}"/></td>
        <td><c:out value="${e.outcome}"/></td>
        <td class="admin-wrap"><c:out value="${e.detail}"/></td>
      </tr>
      </c:forEach>
      </tbody>
    </table>
    </div>
    </c:otherwise>
  </c:choose>
</section>
</t:layout>
