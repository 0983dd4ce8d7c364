#!/usr/bin/env python3
"""Generates an OpenRouter-format model list of any size for the *scale* phase (issue 18).

The shapes (description, context, prices, modalities, parameters, dates) are drawn from the real
OpenRouter and models.dev snapshots the other phases use; ids and names are new, so every
generated model is a page of its own. Developers follow the long tail of an aggregator that lists
Hugging Face organisations: the real developers of both snapshots plus `--orgs` generated ones,
drawn with Zipf(s=1). Deterministic for a seed. Standard library only.

    gencatalog.py list   --openrouter OR.json --models-dev MD.json --count 100000 --output L.json
    gencatalog.py change --input L.json --percent 1 --output L2.json --ids changed.txt

With `--parts K` (4 by default) each also writes L.1.json ... L.K.json: the list cut into K
contiguous parts, one per gateway (a gateway list is read up to 32 MiB), model i in part
i // ceil(count / K) + 1.

`change` raises the prompt price of `--percent` of the models (a seeded choice) and writes their
ids, one a line, so the harness can check that exactly those pages were purged.
"""

import argparse
import json
import random
import re
import sys


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "model"


def openrouter_shapes(path):
    data = json.load(open(path))
    data = data["data"] if isinstance(data, dict) else data
    shapes = []
    for m in data:
        if ":" in m["id"] or m["id"].startswith("~") or "/" not in m["id"]:
            continue
        shapes.append({
            "developer": m["id"].split("/")[0],
            "stem": slug(m["id"].split("/", 1)[1]),
            "name": m.get("name") or m["id"],
            "description": m.get("description") or "",
            "context_length": m.get("context_length") or 8192,
            "pricing": {k: m["pricing"][k] for k in ("prompt", "completion") if k in m.get("pricing", {})},
            "architecture": m.get("architecture") or {},
            "supported_parameters": m.get("supported_parameters") or [],
            "created": m.get("created") or 1700000000,
        })
    return shapes


def per_token(usd_per_million):
    return format(float(usd_per_million) / 1_000_000, ".12f").rstrip("0").rstrip(".") or "0"


def models_dev_shapes(path):
    shapes = []
    for provider, body in sorted(json.load(open(path)).items()):
        for mid, m in sorted(body.get("models", {}).items()):
            cost = m.get("cost") or {}
            if "input" not in cost or "output" not in cost:
                continue
            modalities = m.get("modalities") or {}
            params = ["max_tokens", "temperature"] + (["tools", "tool_choice"] if m.get("tool_call") else []) \
                + (["reasoning"] if m.get("reasoning") else [])
            shapes.append({
                "developer": slug(provider),
                "stem": slug(mid.split("/")[-1]),
                "name": m.get("name") or mid,
                "description": f"{m.get('name') or mid} ({m.get('family') or provider}), "
                               f"released {m.get('release_date') or 'unknown'}.",
                "context_length": (m.get("limit") or {}).get("context") or 8192,
                "pricing": {"prompt": per_token(cost["input"]), "completion": per_token(cost["output"])},
                "architecture": {"input_modalities": modalities.get("input") or ["text"],
                                 "output_modalities": modalities.get("output") or ["text"]},
                "supported_parameters": params,
                "created": 1700000000,
            })
    return shapes


def zipf_chooser(rng, items):
    cumulative, total = [], 0.0
    for rank in range(len(items)):
        total += 1.0 / (rank + 1)
        cumulative.append(total)
    return lambda: rng.choices(items, cum_weights=cumulative)[0]


def write(path, models, parts):
    with open(path, "w") as f:
        json.dump({"data": models}, f, separators=(",", ":"))
    chunk = -(-len(models) // parts)
    for part in range(parts):
        with open(f"{path[:-5]}.{part + 1}.json", "w") as f:
            json.dump({"data": models[part * chunk:(part + 1) * chunk]}, f, separators=(",", ":"))


def cmd_list(a):
    rng = random.Random(a.seed)
    shapes = openrouter_shapes(a.openrouter) + models_dev_shapes(a.models_dev)
    real_devs = sorted({s["developer"] for s in shapes})
    orgs = real_devs + [f"hf-org-{n:05d}" for n in range(a.orgs)]
    rng.shuffle(orgs)
    developer = zipf_chooser(rng, orgs)
    models, seen = [], set()
    for i in range(a.count):
        shape = shapes[i % len(shapes)]
        copy = i // len(shapes)
        dev = shape["developer"] if copy == 0 else developer()
        mid = f"{dev}/{shape['stem']}" if copy == 0 else f"{dev}/{shape['stem']}-g{copy}"
        n = 1
        while mid in seen:
            n += 1
            mid = f"{dev}/{shape['stem']}-g{copy}-{n}"
        seen.add(mid)
        models.append({
            "id": mid,
            "canonical_slug": mid,
            "name": shape["name"] if copy == 0 else f"{shape['name']} G{copy}",
            "description": shape["description"],
            "context_length": shape["context_length"],
            "created": shape["created"] + copy,
            "architecture": shape["architecture"],
            "pricing": shape["pricing"],
            "supported_parameters": shape["supported_parameters"],
        })
    write(a.output, models, a.parts)
    json.dump({"models": len(models), "shapes": len(shapes), "developers": len({m["id"].split("/")[0] for m in models})},
              sys.stdout)
    sys.stdout.write("\n")


def cmd_change(a):
    rng = random.Random(a.seed)
    listing = json.load(open(a.input))
    models = listing["data"]
    chosen = sorted(rng.sample(range(len(models)), round(len(models) * a.percent / 100)))
    for i in chosen:
        prompt = models[i].get("pricing", {}).get("prompt") or "0"
        models[i]["pricing"] = dict(models[i].get("pricing", {}), prompt=str(float(prompt) + 0.000001234))
    write(a.output, models, a.parts)
    with open(a.ids, "w") as f:
        f.writelines(models[i]["id"] + "\n" for i in chosen)
    json.dump({"models": len(models), "changed": len(chosen)}, sys.stdout)
    sys.stdout.write("\n")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("list")
    s.add_argument("--openrouter", required=True)
    s.add_argument("--models-dev", required=True)
    s.add_argument("--count", type=int, default=100_000)
    s.add_argument("--orgs", type=int, default=3000)
    s.add_argument("--seed", type=int, default=18)
    s.add_argument("--output", required=True)
    s.add_argument("--parts", type=int, default=4)
    s.set_defaults(fn=cmd_list)
    s = sub.add_parser("change")
    s.add_argument("--input", required=True)
    s.add_argument("--percent", type=float, default=1.0)
    s.add_argument("--seed", type=int, default=19)
    s.add_argument("--output", required=True)
    s.add_argument("--ids", required=True)
    s.add_argument("--parts", type=int, default=4)
    s.set_defaults(fn=cmd_change)
    a = p.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
