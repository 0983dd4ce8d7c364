<%@ page session="false" contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fn" uri="jakarta.tags.functions" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<%-- The model page. Request attributes: view (ModelPageView), site (SiteContext). --%>
<t:layout title="${view.title}" description="${view.metaDescription}" canonical="${view.canonicalUrl}"
    robots="index, follow" jsonLd="${view.jsonLd}">
<nav class="breadcrumbs" aria-label="Breadcrumb">
  <ol>
    <li><a href="${fn:escapeXml(view.modelsHref)}">Models</a></li>
    <c:if test="${not empty view.developerHref}">
    <li><a href="${fn:escapeXml(view.developerHref)}"><c:out value="${view.developer}"/></a></li>
    </c:if>
    <li aria-current="page"><c:out value="${view.name}"/></li>
  </ol>
</nav>

<article class="model">
  <header class="model-head">
    <h1><c:out value="${view.name}"/></h1>
    <p class="byline">
      <c:if test="${not empty view.developer}">
      by <a href="${fn:escapeXml(view.developerHref)}"><c:out value="${view.developer}"/></a>
      </c:if>
      <c:if test="${not empty view.created}">
      <span class="dot" aria-hidden="true">&middot;</span>
      released <time datetime="${fn:escapeXml(view.created)}"><c:out value="${view.created}"/></time>
      </c:if>
    </p>
    <div class="model-id">
      <span class="label">Model id</span>
      <code id="model-id"><c:out value="${view.id}"/></code>
      <button type="button" class="copy" data-copy="${fn:escapeXml(view.id)}" aria-label="Copy model id" hidden>Copy</button>
    </div>
  </header>

  <dl class="facts">
    <div class="fact">
      <dt>Context</dt>
      <dd title="${fn:escapeXml(view.contextTitle)}"><c:out value="${view.context}"/></dd>
    </div>
    <div class="fact">
      <dt>Input price</dt>
      <dd class="${view.free ? 'price free' : 'price'}"><c:out value="${view.inputPrice}"/></dd>
    </div>
    <div class="fact">
      <dt>Output price</dt>
      <dd class="${view.free ? 'price free' : 'price'}"><c:out value="${view.outputPrice}"/></dd>
    </div>
    <div class="fact">
      <dt>Modalities</dt>
      <dd class="modalities">
        <span class="visually-hidden">Input:</span>
        <span class="chips">
          <c:forEach items="${view.inputModalities}" var="m"><span class="chip"><c:out value="${m}"/></span></c:forEach>
        </span>
        <span class="arrow" aria-hidden="true">&rarr;</span>
        <span class="visually-hidden">Output:</span>
        <span class="chips">
          <c:forEach items="${view.outputModalities}" var="m"><span class="chip"><c:out value="${m}"/></span></c:forEach>
        </span>
      </dd>
    </div>
  </dl>
  <c:if test="${not empty view.priceGateway}">
  <p class="note">Headline prices are the cheapest offer, from <c:out value="${view.priceGateway}"/>.</p>
  </c:if>

  <c:if test="${not empty view.descriptionHtml}">
  <section class="section" aria-labelledby="about">
    <h2 id="about">About</h2>
    <div class="prose">${view.descriptionHtml}</div>
  </section>
  </c:if>

  <c:if test="${not empty view.offers}">
  <section class="section" aria-labelledby="gateways">
    <h2 id="gateways">Gateways offering this model</h2>
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="gateways">
      <table class="offers">
        <thead>
          <tr>
            <th scope="col">Gateway</th>
            <th scope="col" class="num">Input</th>
            <th scope="col" class="num">Output</th>
            <th scope="col" class="num">Context</th>
            <th scope="col" class="num">Max output</th>
            <th scope="col">Quantization</th>
          </tr>
        </thead>
        <tbody>
          <c:forEach items="${view.offers}" var="offer">
          <tr${offer.cheapest ? ' class="cheapest"' : ''}>
            <th scope="row">
              <a href="${fn:escapeXml(offer.gatewayHref)}"><c:out value="${offer.gateway}"/></a>
              <c:if test="${offer.cheapest}"><span class="badge">Cheapest</span></c:if>
              <c:if test="${not empty offer.listedAs}"><br><small class="listed-as">as <code><c:out value="${offer.listedAs}"/></code></small></c:if>
            </th>
            <td class="num"><c:out value="${offer.inputPrice}"/></td>
            <td class="num"><c:out value="${offer.outputPrice}"/></td>
            <td class="num" title="${fn:escapeXml(offer.contextTitle)}"><c:out value="${offer.context}"/></td>
            <td class="num" title="${fn:escapeXml(offer.maxOutputTitle)}"><c:out value="${offer.maxOutput}"/></td>
            <td><c:out value="${empty offer.quantization ? '—' : offer.quantization}"/></td>
          </tr>
          </c:forEach>
        </tbody>
      </table>
    </div>
    <p class="note">Prices in USD per 1M tokens, cheapest first. Quantization as the gateway's model id states it.</p>
  </section>
  </c:if>

  <c:if test="${not empty view.supportedParameters}">
  <section class="section" aria-labelledby="parameters">
    <h2 id="parameters">Supported parameters</h2>
    <ul class="chips params">
      <c:forEach items="${view.supportedParameters}" var="p"><li><code><c:out value="${p}"/></code></li></c:forEach>
    </ul>
  </section>
  </c:if>

  <section class="section" aria-labelledby="use">
    <h2 id="use">Use this model</h2>
    <p>Call it through the OpenAI-compatible Gatewayz API with your <code>GATEWAYZ_API_KEY</code>.</p>
    <div class="samples" data-tabs>
      <c:forEach items="${view.codeSamples}" var="sample">
      <div class="sample" id="sample-${fn:escapeXml(sample.key)}" data-tab-label="${fn:escapeXml(sample.label)}">
        <div class="sample-head">
          <h3><c:out value="${sample.label}"/></h3>
          <button type="button" class="copy" data-copy-target="code-${fn:escapeXml(sample.key)}" aria-label="Copy ${fn:escapeXml(sample.label)} sample" hidden>Copy</button>
        </div>
        <pre><code id="code-${fn:escapeXml(sample.key)}" class="language-${fn:escapeXml(sample.language)}"><c:out value="${sample.code}"/></code></pre>
      </div>
      </c:forEach>
    </div>
  </section>

  <c:if test="${not empty view.similar}">
  <section class="section" aria-labelledby="similar">
    <h2 id="similar">Similar models</h2>
    <ul class="card-grid">
      <c:forEach items="${view.similar}" var="card"><t:card card="${card}"/></c:forEach>
    </ul>
  </section>
  </c:if>
</article>
</t:layout>
