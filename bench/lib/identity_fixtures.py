#!/usr/bin/env python3
"""Builds the identity evaluation fixtures of issue 14 from the public snapshots.

Usage: bench/lib/identity_fixtures.py <reference-data dir> <output dir>
       (output: src/test/resources/com/gatewayz/modelpages/catalog/identity)

Writes, from openrouter-models.2026-05.json, models-dev.2026-06.json and groq-models.json:
- openrouter.json  the OpenRouter list with only what identity needs (id, canonical_slug,
                   hugging_face_id, input modalities when not text only)
- models-dev.json.gz  models.dev's api.json with only each model's id (when it differs from its
                   key) and input modalities (when not text only); the providers "openrouter" and
                   "groq" are left out: the evaluation runs the OpenRouter and Groq lists as gateways
                   of their own, and a models.dev provider that is also a gateway is that gateway's
                   own list a second time
- groq.json        Groq's /v1/models with id and owned_by
- hf-pairs.tsv     the pairs joined by Hugging Face id: an OpenRouter model with a hugging_face_id
                   H, and every models.dev offer whose id is H (ignoring case, after the host
                   prefixes "hf:", "Pro/", "@cf/", "workers-ai/@cf/"); one pair per provider
                   and OpenRouter model, since a seller offers a model once
The hand-checked near-miss pairs (near-misses.tsv) are written by hand, not by this script.
Standard library only.
"""

import gzip
import json
import os
import sys

EXCLUDED_PROVIDERS = ("openrouter", "groq")
HOST_PREFIXES = ("workers-ai/@cf/", "@cf/", "hf:", "Pro/")


def text_only(modalities):
    return not modalities or modalities == ["text"]


def trim_openrouter(models):
    out = []
    for m in models:
        entry = {"id": m["id"]}
        if m.get("canonical_slug"):
            entry["canonical_slug"] = m["canonical_slug"]
        if m.get("hugging_face_id"):
            entry["hugging_face_id"] = m["hugging_face_id"]
        inputs = (m.get("architecture") or {}).get("input_modalities") or []
        if not text_only(inputs):
            entry["architecture"] = {"input_modalities": inputs, "output_modalities": ["text"]}
        out.append(entry)
    return out


def trim_models_dev(api):
    out = {}
    for provider, body in api.items():
        if provider in EXCLUDED_PROVIDERS:
            continue
        models = {}
        for key, m in body.get("models", {}).items():
            entry = {}
            if m.get("id", key) != key:
                entry["id"] = m["id"]
            inputs = (m.get("modalities") or {}).get("input") or []
            if not text_only(inputs):
                entry["modalities"] = {"input": inputs, "output": ["text"]}
            models[key] = entry
        out[provider] = {"models": models}
    return out


def strip_host(raw):
    for prefix in HOST_PREFIXES:
        if raw.startswith(prefix):
            return raw[len(prefix):]
    return raw


def listing_id(provider, raw):
    """The catalog id ModelsDevFormat gives an entry: the raw id, prefixed when it has no '/'."""
    return raw if "/" in raw else provider + "/" + raw


def hf_pairs(openrouter, api):
    representative = {}
    for m in openrouter:
        hf = (m.get("hugging_face_id") or "").lower()
        if hf and (hf not in representative or (":" in representative[hf] and ":" not in m["id"])):
            representative[hf] = m["id"]
    pairs = {}
    for provider, body in api.items():
        if provider in EXCLUDED_PROVIDERS:
            continue
        for key, m in body.get("models", {}).items():
            raw = m.get("id", key)
            target = representative.get(strip_host(raw).lower())
            # A seller offers a model once: of its several ids for one repo, the one without a host
            # prefix (SiliconFlow's "Pro/" tier beside the plain id) is the pair.
            if target and ((target, provider) not in pairs or strip_host(raw) == raw):
                pairs[(target, provider)] = listing_id(provider, raw)
    return [(target, provider, lid) for (target, provider), lid in pairs.items()]


def write_json(path, value, one_per_line):
    with open(path, "w", encoding="utf-8") as f:
        if one_per_line == "array":
            f.write("[\n" + ",\n".join(json.dumps(v, ensure_ascii=False) for v in value) + "\n]\n")
        else:
            f.write("{\n")
            providers = list(value.items())
            for i, (provider, body) in enumerate(providers):
                f.write(json.dumps(provider) + ': {"models": {\n')
                models = list(body["models"].items())
                f.write(",\n".join(json.dumps(k, ensure_ascii=False) + ": " + json.dumps(v) for k, v in models))
                f.write("\n}}" + ("," if i < len(providers) - 1 else "") + "\n")
            f.write("}\n")


def main(ref, out):
    openrouter = json.load(open(os.path.join(ref, "openrouter-models.2026-05.json"), encoding="utf-8"))
    if isinstance(openrouter, dict):
        openrouter = openrouter["data"]
    api = json.load(open(os.path.join(ref, "models-dev.2026-06.json"), encoding="utf-8"))
    groq = json.load(open(os.path.join(ref, "groq-models.json"), encoding="utf-8"))
    os.makedirs(out, exist_ok=True)
    write_json(os.path.join(out, "openrouter.json"), trim_openrouter(openrouter), "array")
    plain = os.path.join(out, "models-dev.json")
    write_json(plain, trim_models_dev(api), "providers")
    with open(plain, "rb") as f, gzip.GzipFile(plain + ".gz", "wb", 9, mtime=0) as z:
        z.write(f.read())
    os.remove(plain)
    groq_trimmed = {"object": "list", "data": [{"id": m["id"], "owned_by": m.get("owned_by")} for m in groq["data"]]}
    write_json(os.path.join(out, "groq.json"), groq_trimmed["data"], "array")
    pairs = hf_pairs(openrouter, api)
    with open(os.path.join(out, "hf-pairs.tsv"), "w", encoding="utf-8") as f:
        f.write("# openrouter model\tmodels.dev provider\tcatalog id of the provider's offer"
                " (generated by bench/lib/identity_fixtures.py: same Hugging Face repo id)\n")
        for target, provider, lid in pairs:
            f.write(f"{target}\t{provider}\t{lid}\n")
    print(f"{len(openrouter)} OpenRouter models, {sum(len(b['models']) for b in trim_models_dev(api).values())}"
          f" models.dev offers, {len(groq['data'])} Groq models, {len(pairs)} Hugging Face pairs", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
