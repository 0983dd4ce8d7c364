#!/usr/bin/env python3
"""Measuring clients of bench/run.sh's *scale* phase (issue 18: 100,000 models on one node), and
the rows they give the report. Standard library only; shares bench.py's client and helpers.

Each sub-command prints one JSON object on stdout, as bench.py's do.
"""

import argparse
import json
import os
import random
import re
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import Client, out, page_path, percentile, sign  # noqa: E402


def listing_models(path):
    return json.load(open(path))["data"]


def cmd_hook(a):
    """a.warmup unmeasured, then a.tries measured signed models.updated webhooks, each changing the
    prompt price of one random model of the list: the webhook's own answer time (send → 200). The
    webhook carries the gateway's listing of the model with the new price and the name its adapter
    reads, as a gateway sends it (another name can change which models it merges with: an
    identity change, which takes the whole merge)."""
    rng = random.Random(a.seed)
    models = listing_models(a.list)
    chunk = -(-len(models) // a.parts)
    client = Client(a.base)
    times, failures, hooked = [], [], set()
    for i in range(a.warmup + a.tries):
        at = rng.randrange(len(models))
        m = models[at]
        # The name as the gateway's adapter reads it (OpenRouter's "Developer: " prefix dropped).
        head, colon, rest = m["name"].partition(": ")
        name = rest.strip() if colon and 0 < len(head) <= 40 and rest.strip() else m["name"]
        listing = dict(m, name=name, pricing=dict(m["pricing"], prompt=f"0.000{700 + i:04d}37"))
        body = json.dumps({"gateway": f"scale{at // chunk + 1}", "event_type": "models.updated",
                           "timestamp": int(time.time() * 1000), "models": [listing]}).encode()
        headers = {"Content-Type": "application/json", "x-webhook-signature": sign(a.secret, body)}
        t0 = time.perf_counter()
        status, _, answer = client.request("POST", "/api/webhooks/models-updated", body, headers)
        elapsed = (time.perf_counter() - t0) * 1000
        if status != 200:
            failures.append(f"{m['id']}: {status} {answer[:200]!r}")
            continue
        hooked.add(m["id"])
        if i >= a.warmup:
            times.append(elapsed)
    if a.ids_out:
        with open(a.ids_out, "w") as f:
            f.writelines(i + "\n" for i in sorted(hooked))
    out({"tries": a.tries, "warmup": a.warmup, "ok": len(times), "failures": failures[:5], "models": len(hooked),
         "ms_p50": percentile(times, 50), "ms_p99": percentile(times, 99), "ms_max": max(times) if times else None})


def _timed(client, path, want_miss):
    t0 = time.perf_counter()
    status, headers, _ = client.request("GET", path, headers={"Accept-Encoding": "gzip"})
    elapsed = (time.perf_counter() - t0) * 1000
    if status != 200 or (want_miss and headers.get("x-cache") != "MISS"):
        return None, f"{path} {status} {headers.get('x-cache')}"
    return elapsed, None


def _measure(client, paths, want_miss, warmup):
    for p in paths[:warmup]:
        client.request("GET", p, headers={"Accept-Encoding": "gzip"})
    times, skipped = [], []
    for p in paths[warmup:]:
        ms, why = _timed(client, p, want_miss)
        (times.append(ms) if ms is not None else skipped.append(why))
    return {"requests": len(times), "ms_p50": percentile(times, 50), "ms_p99": percentile(times, 99),
            "ms_max": max(times) if times else None, "skipped": len(skipped), "skipped_first": skipped[:3]}


def cmd_query(a):
    """Uncached answers on the whole catalog: `/api/models?q=` with words of random model names
    (never cached), and index pages filtered by developer, by gateway sorted by price, and by
    developer sorted by price, each key asked once (only `X-Cache: MISS` answers count)."""
    rng = random.Random(a.seed)
    models = listing_models(a.list)
    client = Client(a.base)
    words = []
    for m in rng.sample(models, a.n + a.warmup):
        parts = [w for w in re.split(r"[^A-Za-z0-9.]+", m["name"]) if len(w) >= 2]
        words.append(" ".join(rng.sample(parts, min(len(parts), rng.choice((1, 2))))) or m["id"])
    q_paths = ["/api/models?" + urllib.parse.urlencode({"q": w}) for w in words]
    developers = sorted({m["id"].split("/")[0] for m in models})
    rng.shuffle(developers)
    pages = max(2, len(models) // a.parts // 48)
    index = []
    for i in range(a.n + a.warmup):
        kind = i % 3
        dev = developers[i % len(developers)]
        if kind == 0:
            index.append("/models?" + urllib.parse.urlencode({"developer": dev}))
        elif kind == 1:
            index.append("/models?" + urllib.parse.urlencode(
                {"gateway": f"scale{rng.randrange(a.parts) + 1}", "sort": "price", "page": rng.randrange(1, pages)}))
        else:
            index.append("/models?" + urllib.parse.urlencode({"developer": dev, "sort": "price"}))
    index = list(dict.fromkeys(index))
    out({"api_q": _measure(client, q_paths, False, a.warmup),
         "index": _measure(client, index, True, a.warmup)})


def _links(html):
    found = re.findall(rb'href="(?:https?://[^/"]+)?/models/([^"?#]+)"', html or b"")
    return {urllib.parse.unquote(m.decode("utf-8", "replace")) for m in found}


def _served(client, path):
    """GET path: (x-cache, ETag, when the copy served was rendered: the server's now less Age)."""
    t0 = time.time()
    status, headers, html = client.request("GET", path)
    now = (t0 + time.time()) / 2
    age = headers.get("age")
    rendered = now - int(age) if age is not None and age.isdigit() else None
    return status, headers.get("x-cache"), headers.get("etag"), rendered, html


def _rerendered(before, x_cache, etag, rendered):
    """Whether the copy served now is not the one cached before the refresh. A purge of a popular
    page is followed by its re-render in the background (the engine warms the
    MODEL_PAGES_PRERENDER_LIMIT most popular pages after every purge, and the two views each sampled
    page got make some of them popular), so a purged page can answer HIT with a new copy: other
    bytes, or a render time at least a second later (Age is in whole seconds, so one render's
    estimates differ by less than 1 s and the before phase ends 2 s after its renders)."""
    if x_cache == "MISS" or etag != before["etag"]:
        return True
    return rendered is None or before["rendered"] is None or rendered - before["rendered"] >= 1


def cmd_purgecheck(a):
    """Before a refresh (`--phase before`): caches the pages of a.sample changed and a.sample
    unchanged models and records which models each shows and which copy is cached. After (`--phase
    after`): a page must have been purged (answered MISS, or HIT with a copy rendered after the
    refresh) exactly when it shows a changed model."""
    state_file = a.state
    client = Client(a.base)
    if a.phase == "before":
        rng = random.Random(a.seed)
        changed = [l.strip() for l in open(a.changed) if l.strip()]
        # Models a webhook repriced before the refresh: the refresh lists them at their old price
        # again, so they change too.
        hooked = [l.strip() for l in open(a.hooked) if l.strip()] if a.hooked else []
        changed_set = set(changed) | set(hooked)
        others = [m["id"] for m in listing_models(a.list) if m["id"] not in changed_set]
        ids = rng.sample(changed, min(a.sample, len(changed))) + rng.sample(others, a.sample)
        shows, copies = {}, {}
        for mid in ids:
            client.request("GET", page_path(mid))
            status, x_cache, etag, rendered, html = _served(client, page_path(mid))
            if status == 200 and x_cache == "HIT":
                shows[mid] = sorted(_links(html) | {mid})
                copies[mid] = {"etag": etag, "rendered": rendered}
        time.sleep(2)  # a re-render after this is told from the cached copy by its Age
        json.dump({"shows": shows, "copies": copies, "changed": sorted(changed_set)}, open(state_file, "w"))
        out({"pages": len(shows)})
        return
    state = json.load(open(state_file))
    changed = set(state["changed"])
    wrong_purged, wrong_kept, purged, kept, warmed = [], [], 0, 0, 0
    for mid, shown in state["shows"].items():
        status, x_cache, etag, rendered, _ = _served(client, page_path(mid))
        was_purged = _rerendered(state["copies"][mid], x_cache, etag, rendered)
        expected = any(s in changed for s in shown)
        purged += was_purged
        kept += not was_purged
        warmed += was_purged and x_cache != "MISS"
        if was_purged and not expected:
            wrong_purged.append(mid)
        elif expected and not was_purged:
            wrong_kept.append(mid)
    out({"pages": len(state["shows"]), "expected_changed": len(changed), "purged": purged, "kept": kept, "purged_rerendered_before_asked": warmed,
         "expected_purged": sum(1 for s in state["shows"].values() if any(x in changed for x in s)),
         "wrong_purged": wrong_purged[:5], "wrong_purged_count": len(wrong_purged),
         "wrong_kept": wrong_kept[:5], "wrong_kept_count": len(wrong_kept)})


def cmd_refresh(a):
    """One refresh, timed by the client."""
    t0 = time.perf_counter()
    summary = Client(a.base, a.token, timeout=600).admin("POST", "/api/gateways/refresh")
    summary["client_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    out(summary)


def rows(r, row, fmt):
    """The scale phase's rows of the report (none when the phase did not run)."""
    s = r.get("scale_ready")
    if s is None:
        return
    how = "generated catalog (`bench/lib/gencatalog.py`: shapes of the OpenRouter and models.dev snapshots)"
    n = s.get("catalog", "?")
    ok = s.get("ready_s") is not None and s["ready_s"] <= 10 and not s.get("oom")
    cpu = r.get("scale_start_cpu", {})
    spent = ""
    if cpu.get("cpu_s"):
        parts = ", ".join(f"{k} {fmt(v, 1)}" for k, v in sorted(cpu["cpu_s"].items(), key=lambda kv: -kv[1]))
        spent = (f"; CPU until ready {fmt(cpu['cpu_total_s'], 1)} s on {cpu.get('cores')} cores ({parts}); "
                 f"load average {fmt(cpu.get('load_at_start'), 2)} at the start")
    row(f"scale: start with a stored {n:,}-model catalog to ready, -Xmx512m",
        f"{fmt(s.get('ready_s'), 1)} s (catalog.json {fmt(s.get('catalog_mb'), 1)} MB), OutOfMemoryError: {s.get('oom')}{spent}"
        if s.get("ready_s") is not None else f"not ready: {s.get('error')}",
        "≤ 10 s, no OOM", ok,
        f"{how}; `catalina.sh start` → first 200 of `/health/ready` (top 50 pre-rendered), fresh deploy, "
        "started once the 1-minute load average was below 1.0 or `BENCH_QUIET_WAIT` s had passed (the load "
        "at the start is in the figure); CPU seconds per "
        "thread kind from `/proc/<pid>/task/*/stat` (jit: C1/C2 compiler threads, gc: GC threads, main: "
        "the start's thread)")
    rf, pc = r.get("scale_refresh", {}), r.get("scale_purge", {})
    if rf.get("client_ms") is not None:
        exact = pc.get("wrong_purged_count") == 0 and pc.get("wrong_kept_count") == 0
        row("scale: refresh changing 1% of a 100,000-model list",
            f"{fmt(rf['client_ms'] / 1000, 2)} s ({rf.get('changed')} changed of {rf.get('models')}, "
            f"{pc.get('expected_changed')} expected); "
            f"of {pc.get('pages')} cached pages {pc.get('purged')} purged ({pc.get('purged_rerendered_before_asked')} "
            f"already re-rendered), {pc.get('expected_purged')} expected "
            f"(wrongly purged {pc.get('wrong_purged_count')}, wrongly kept {pc.get('wrong_kept_count')})",
            "≤ 5 s, exactly the changed pages", rf["client_ms"] <= 5000 and exact and rf.get("changed") == pc.get("expected_changed", r.get("scale_change", {}).get("changed")),
            "the gateway's list replaced by a copy with the prompt price of 1% of the models raised (the models the "
            "webhooks repriced before it change back: expected = both); "
            "`POST /api/gateways/refresh` timed by the client; before it, the pages of 100 changed and 100 other models "
            "cached; after it, a page must be purged exactly when it showed a changed model (itself or a link): "
            "it answers MISS, or HIT with a copy rendered after the refresh (a purged popular page is re-rendered "
            "in the background at once: new ETag or Age)")
    else:
        row("scale: refresh changing 1% of a 100,000-model list", "not measured", "≤ 5 s", None, "")
    h = r.get("scale_hook", {})
    if h.get("ms_p50") is not None:
        jl = r.get("scale_journal", {})
        row("scale: webhook changing one model at 100,000",
            f"p50 {fmt(h['ms_p50'], 1)} / p99 {fmt(h['ms_p99'], 1)} ms ({h['ok']} of {h['tries']}; journal "
            f"{fmt(jl.get('bytes_per_line'), 0)} B per line)",
            "p50 ≤ 5 / p99 ≤ 20 ms", h["ms_p50"] <= 5 and h["ms_p99"] <= 20 and h["ok"] == h["tries"],
            f"{h['warmup']} unmeasured, then {h['tries']} signed `models.updated` webhooks, each the gateway's listing with a new price for "
            "one random model; send → 200; journal bytes ÷ lines of `catalog.journal` after them")
    q = r.get("scale_query", {})
    for key, figure in (("api_q", "scale: `/api/models?q=` uncached"),
                        ("index", "scale: filtered index (developer, gateway + sort=price) uncached")):
        x = q.get(key, {})
        if x.get("ms_p99") is not None:
            row(figure, f"p99 {fmt(x['ms_p99'], 1)} ms (p50 {fmt(x['ms_p50'], 1)}; {x['requests']} requests)",
                "p99 ≤ 20 ms", x["ms_p99"] <= 20,
                "one keep-alive client, gzip; q = one or two words of a random model's name (never cached); "
                "index: each key asked once, only `X-Cache: MISS` answers count")
    p = r.get("scale_prerender", {})
    if p.get("found"):
        rate = p["pages"] / p["seconds"] if p["seconds"] else None
        row("scale: pre-render of 10,000 pages at 100,000 models",
            f"{fmt(rate, 0)} pages/s ({p['pages']:,} pages in {fmt(p['seconds'], 1)} s, {p['failed']} failed; "
            f"OutOfMemoryError: {p['oom']})", "≥ 1,000 pages/s", rate is not None and rate >= 1000 and not p["oom"],
            "`[ISR] Pre-render finished` log line of a fresh -Xmx512m start with `MODEL_PAGES_PRERENDER_LIMIT=10000`")
    elif "scale_prerender" in r:
        row("scale: pre-render of 10,000 pages at 100,000 models", "no log line", "≥ 1,000 pages/s", False, "")
    if p.get("page_ms_p50") is not None:
        row("scale: cold render (server side) at 100,000 models",
            f"p50 {fmt(p['page_ms_p50'], 2)} / p99 {fmt(p.get('page_ms_p99'), 2)} ms per page",
            "p50 ≤ 2 / p99 ≤ 10 ms", p["page_ms_p50"] <= 2 and (p.get("page_ms_p99") or 1e9) <= 10,
            "each `[ISR] ● <page> <status> <ms> ms` line of the same pre-render: render and store of one model page "
            "on the server, as the pre-render runs them (the first page, with the JSP compile, left out)")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    base = {"required": True}
    token = {"default": os.environ.get("BENCH_ADMIN_TOKEN")}
    s = sub.add_parser("hook")
    for arg, kw in (("--base", base), ("--list", base), ("--secret", base)):
        s.add_argument(arg, **kw)
    s.add_argument("--tries", type=int, default=200)
    s.add_argument("--warmup", type=int, default=100)
    s.add_argument("--seed", type=int, default=5)
    s.add_argument("--parts", type=int, default=4)
    s.add_argument("--ids-out")
    s.set_defaults(fn=cmd_hook)
    s = sub.add_parser("query")
    s.add_argument("--base", **base)
    s.add_argument("--list", **base)
    s.add_argument("--n", type=int, default=300)
    s.add_argument("--warmup", type=int, default=30)
    s.add_argument("--seed", type=int, default=6)
    s.add_argument("--parts", type=int, default=4)
    s.set_defaults(fn=cmd_query)
    s = sub.add_parser("purgecheck")
    s.add_argument("--base", **base)
    s.add_argument("--phase", choices=("before", "after"), required=True)
    s.add_argument("--state", **base)
    s.add_argument("--list")
    s.add_argument("--changed")
    s.add_argument("--hooked")
    s.add_argument("--sample", type=int, default=100)
    s.add_argument("--seed", type=int, default=7)
    s.set_defaults(fn=cmd_purgecheck)
    s = sub.add_parser("refresh")
    s.add_argument("--base", **base)
    s.add_argument("--token", **token)
    s.set_defaults(fn=cmd_refresh)
    a = p.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
