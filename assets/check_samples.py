#!/usr/bin/python3
"""Checks the bundled sample coalitions and the candidate registry, and prints network facts.

Usage:  /usr/bin/python3 assets/check_samples.py [--today YYYY-MM-DD] [FILE.json ...] [REGISTRY.csv]
        (no files: assets/laak.json, assets/zuidwest.json, assets/registry_den_haag.csv)

What it checks (DOMAIN.md, "Data model"): format "wijknet/1"; unique theme and node ids; node
kinds and sectors from DOMAIN.md; theme references; ISO dates (YYYY-MM-DD, YYYY-MM, YYYY) with
since < until; every edge endpoint exists and the edge does not start before its endpoints;
edge kinds with their attributes (participates: actor -> project with role lead/member/volunteer;
funds: -> project with amount > 0; tie: directed with trust and value 1-4; collaborates: actor -
actor); every project has integer effort and impact 1-5; every resident says whether it is a
person or a group (attrs.resident); a top-level "source" that marks the
sample illustrative; no e-mail addresses anywhere (people appear only by role). The registry:
header `name,sector,themes,ties`, known sectors, theme ids that a sample defines, tie ids that a
sample has.

What it prints (networkx 2.8 defaults, the conventions of DOMAIN.md): the undirected simple graph
of all nodes and ties over the whole history (direction dropped, parallel ties merged), its
components, articulation points and top betweenness, the same with the designated broker removed
(or, without a broker, with the top-betweenness node removed), and the actor projection
(actors tied by shared projects, as weighted_projected_graph, plus direct ties).

Exit status: 0 when every file passes, 1 when any check fails, 2 on a usage error.
Needs Debian's python3 with networkx (`/usr/bin/python3`).
"""
import csv
import datetime as dt
import json
import os
import re
import sys
from collections import Counter, defaultdict

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"partner", "resident", "project"}
SECTORS = {"municipality", "housing", "education", "welfare", "health", "business", "civil_society",
           "residents", "safety", "culture", "funder"}
EDGE_KINDS = {"collaborates", "participates", "funds", "tie"}
ROLES = {"lead", "member", "volunteer"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


class Problems:
    def __init__(self, path):
        self.path = path
        self.errors = []
        self.warnings = []

    def error(self, where, what):
        self.errors.append(f"{os.path.basename(self.path)}: {where}: {what}")

    def warn(self, where, what):
        self.warnings.append(f"{os.path.basename(self.path)}: {where}: {what}")


def parse_date(text):
    """ISO date (YYYY-MM-DD, YYYY-MM or YYYY) -> datetime.date (first day of a partial date), or None."""
    if not isinstance(text, str) or not DATE_RE.match(text):
        return None
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        return dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def check_dates(obj, where, p, keys=("since", "until")):
    out = {}
    for k in keys:
        v = obj.get(k)
        if v is None:
            out[k] = None
            continue
        d = parse_date(v)
        if d is None:
            p.error(where, f"{k} {v!r} is not an ISO date")
        out[k] = d
    if out.get("since") and out.get("until") and not out["since"] < out["until"]:
        p.error(where, f"since {obj['since']} is not before until {obj['until']}")
    return out


def walk_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from walk_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from walk_strings(v)


def is_int_in(value, lo, hi):
    return isinstance(value, int) and not isinstance(value, bool) and lo <= value <= hi


def check_document(path, today):
    p = Problems(path)
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        p.error("file", "starts with a UTF-8 byte order mark")
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        p.error("file", f"not UTF-8 JSON: {exc}")
        return p, None
    if doc.get("format") != "wijknet/1":
        p.error("format", f"expected 'wijknet/1', found {doc.get('format')!r}")
    for k in ("name", "area"):
        if not isinstance(doc.get(k), str) or not doc[k]:
            p.error(k, "missing or empty")
    src = doc.get("source")
    if not isinstance(src, dict) or src.get("illustrative") is not True or not src.get("documents"):
        p.error("source", "missing, or does not mark the sample illustrative with its documents")
    if "layout" in doc:
        p.warn("layout", "present; the samples leave layout to the tool")
    for s in walk_strings(doc):
        if EMAIL_RE.search(s):
            p.error("privacy", f"e-mail address in {s!r}")

    theme_ids = set()
    for i, t in enumerate(doc.get("themes", [])):
        tid = t.get("id")
        if not tid or not t.get("label"):
            p.error(f"themes[{i}]", "needs id and label")
        if tid in theme_ids:
            p.error(f"themes[{i}]", f"duplicate theme id {tid!r}")
        theme_ids.add(tid)

    nodes = {}
    for i, n in enumerate(doc.get("nodes", [])):
        nid = n.get("id")
        where = f"nodes[{i}] {nid!r}"
        if not isinstance(nid, str) or not nid:
            p.error(where, "needs a string id")
            continue
        if nid in nodes:
            p.error(where, "duplicate node id")
        if not n.get("label"):
            p.error(where, "needs a label")
        kind = n.get("kind")
        if kind not in KINDS:
            p.error(where, f"kind {kind!r} is not one of {sorted(KINDS)}")
        sector = n.get("sector")
        if kind in ("partner", "resident") and sector not in SECTORS:
            p.error(where, f"sector {sector!r} is not one of DOMAIN.md's sectors")
        if kind == "project" and sector is not None:
            p.error(where, "a project has no sector")
        if n.get("role") not in (None, "broker"):
            p.error(where, f"role {n.get('role')!r}: only null or 'broker'")
        for t in n.get("themes", []):
            if t not in theme_ids:
                p.error(where, f"theme {t!r} is not defined under themes")
        dates = check_dates(n, where, p)
        attrs = n.get("attrs", {})
        if not isinstance(attrs, dict):
            p.error(where, "attrs must be an object")
            attrs = {}
        for k, v in attrs.items():
            if isinstance(v, (dict, list)):
                p.error(where, f"attrs.{k} is not a scalar (exports carry scalars only)")
        for k in ("committed_until", "planned_until"):
            if k in attrs and parse_date(attrs[k]) is None:
                p.error(where, f"attrs.{k} {attrs[k]!r} is not an ISO date")
        if kind == "resident" and attrs.get("resident") not in ("person", "group"):
            # A person is personal data, a group an organisation: the samples say which (README).
            p.error(where, f"attrs.resident must be 'person' or 'group', found {attrs.get('resident')!r}")
        if kind == "project":
            for k in ("effort", "impact"):
                if not is_int_in(attrs.get(k), 1, 5):
                    p.error(where, f"attrs.{k} must be an integer 1-5, found {attrs.get(k)!r}")
            if not isinstance(attrs.get("budget"), (int, float)) or attrs.get("budget") < 0:
                p.error(where, "attrs.budget must be a number >= 0 (euro)")
            if not isinstance(attrs.get("status"), str):
                p.error(where, "attrs.status missing")
        nodes[nid] = (n, dates)

    for i, e in enumerate(doc.get("edges", [])):
        s, t, kind = e.get("source"), e.get("target"), e.get("kind")
        where = f"edges[{i}] {s}->{t} ({kind})"
        if s not in nodes or t not in nodes:
            p.error(where, "endpoint does not exist")
            continue
        if s == t:
            p.error(where, "self-tie")
        if kind not in EDGE_KINDS:
            p.error(where, f"kind {kind!r} is not one of {sorted(EDGE_KINDS)}")
        w = e.get("weight", 1.0)
        if not isinstance(w, (int, float)) or isinstance(w, bool) or w <= 0:
            p.error(where, f"weight {w!r} must be a positive number")
        if not isinstance(e.get("directed", False), bool):
            p.error(where, "directed must be true or false")
        dates = check_dates(e, where, p)
        for end in (s, t):
            nd = nodes[end][1]
            if dates.get("since") and nd.get("since") and dates["since"] < nd["since"]:
                p.error(where, f"starts {e['since']} before {end} exists ({nodes[end][0]['since']})")
            if nd.get("until") and (dates.get("until") is None or dates["until"] > nd["until"]):
                p.error(where, f"outlives {end} (until {nodes[end][0]['until']})")
        sk, tk = nodes[s][0].get("kind"), nodes[t][0].get("kind")
        attrs = e.get("attrs", {}) or {}
        if kind == "participates":
            if sk == "project" or tk != "project":
                p.error(where, "participates runs actor -> project")
            if attrs.get("role") not in ROLES:
                p.error(where, f"attrs.role {attrs.get('role')!r} is not lead/member/volunteer")
        elif kind == "funds":
            if sk == "project" or tk != "project":
                p.error(where, "funds runs actor -> project")
            if not isinstance(attrs.get("amount"), (int, float)) or attrs.get("amount") <= 0:
                p.error(where, "attrs.amount must be a positive number (euro)")
        elif kind == "tie":
            if e.get("directed") is not True:
                p.error(where, "a survey tie is directed")
            for k in ("trust", "value"):
                if not is_int_in(attrs.get(k), 1, 4):
                    p.error(where, f"attrs.{k} must be an integer 1-4")
        elif kind == "collaborates":
            if sk == "project" or tk == "project":
                p.error(where, "collaborates ties two actors")

    for nid, (n, _) in nodes.items():
        if n.get("kind") == "project":
            leads = [e for e in doc.get("edges", []) if e.get("target") == nid and e.get("kind") == "participates"
                     and (e.get("attrs") or {}).get("role") == "lead"]
            if len(leads) != 1:
                p.warn(f"project {nid!r}", f"{len(leads)} leads")
    return p, doc


def full_graph(doc):
    g = nx.Graph()
    for n in doc["nodes"]:
        g.add_node(n["id"])
    for e in doc["edges"]:
        if e["source"] != e["target"]:
            g.add_edge(e["source"], e["target"])
    return g


def actor_projection(doc):
    kind = {n["id"]: n["kind"] for n in doc["nodes"]}
    b = nx.Graph()
    actors = [n for n in kind if kind[n] != "project"]
    b.add_nodes_from(actors, bipartite=0)
    b.add_nodes_from([n for n in kind if kind[n] == "project"], bipartite=1)
    direct = []
    for e in doc["edges"]:
        s, t = e["source"], e["target"]
        if (kind[s] == "project") != (kind[t] == "project"):
            b.add_edge(s, t)
        elif kind[s] != "project" and s != t:
            direct.append((s, t))
    g = nx.bipartite.weighted_projected_graph(b, actors)
    g.add_edges_from(direct)
    return g


def describe(g, labels, title, top=5):
    comps = sorted(nx.connected_components(g), key=len, reverse=True)
    print(f"  {title}: {g.number_of_nodes()} nodes, {g.number_of_edges()} ties, {len(comps)} component(s)"
          + (f" of sizes {[len(c) for c in comps]}" if len(comps) > 1 else ""))
    for c in comps[1:]:
        print(f"    cut off: {', '.join(sorted(labels.get(v, v) for v in c))}")
    arts = sorted(nx.articulation_points(g))
    print(f"    articulation points: {', '.join(labels.get(v, v) for v in arts) or 'none'}")
    bc = nx.betweenness_centrality(g)
    best = sorted(bc.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    print("    top betweenness: " + ", ".join(f"{labels.get(v, v)} {x:.3f}" for v, x in best))
    return comps, arts, bc


def report(doc, today):
    labels = {n["id"]: n["label"] for n in doc["nodes"]}
    kinds = Counter(n["kind"] for n in doc["nodes"])
    ekinds = Counter(e["kind"] for e in doc["edges"])
    print(f"{doc['name']} ({doc['area']})")
    print(f"  document: {len(doc['nodes'])} nodes ({dict(kinds)}), {len(doc['edges'])} edges ({dict(ekinds)})")
    sectors = Counter(n.get("sector") for n in doc["nodes"] if n["kind"] == "partner")
    missing = sorted(SECTORS - set(sectors) - {"residents"} - ({"funder"} if not sectors.get("funder") else set()))
    print(f"  partner sectors: {dict(sorted(sectors.items()))}; absent: {', '.join(missing) or 'none'}")
    money = defaultdict(float)
    for e in doc["edges"]:
        if e["kind"] == "funds":
            money[labels[e["source"]]] += e["attrs"]["amount"]
    total = sum(money.values())
    if total:
        print("  funding (all history): " + ", ".join(
            f"{k} EUR {v:,.0f} ({100 * v / total:.0f}%)" for k, v in sorted(money.items(), key=lambda kv: -kv[1])))
    soon, none_ = [], []
    for n in doc["nodes"]:
        if n["kind"] != "partner" or n["sector"] == "funder":
            continue
        c = n.get("attrs", {}).get("committed_until")
        if c is None:
            none_.append(n["label"])
        elif parse_date(c) <= today + dt.timedelta(days=365):
            soon.append(f"{n['label']} {c}")
    print(f"  commitments ending within 12 months of {today}: {', '.join(soon) or 'none'}; "
          f"none recorded: {', '.join(none_) or 'none'}")
    quad = defaultdict(list)
    for n in doc["nodes"]:
        if n["kind"] == "project":
            a = n["attrs"]
            # Informative only: impact >= 4 is high, effort >= 4 is high; the tool's own portfolio
            # indicator decides what to continue, investigate or stop.
            hi_i, hi_e = a["impact"] >= 4, a["effort"] >= 4
            if hi_i:
                key = "high impact, several themes (pearl?)" if len(n["themes"]) >= 2 else "high impact, one theme"
            else:
                key = "impact <= 3, effort >= 4" if hi_e else "impact <= 3, effort <= 3"
            quad[key].append(f"{n['id']}(e{a['effort']}/i{a['impact']})")
    for k in ("high impact, several themes (pearl?)", "high impact, one theme", "impact <= 3, effort <= 3",
              "impact <= 3, effort >= 4"):
        if quad[k]:
            print(f"  projects, {k}: {' '.join(quad[k])}")
    surv = {(e["source"], e["target"]) for e in doc["edges"] if e["kind"] == "tie"}
    if surv:
        mutual = sum(1 for s, t in surv if (t, s) in surv)
        print(f"  survey ties: {len(surv)} answers, {mutual} of them reciprocated")

    g = full_graph(doc)
    describe(g, labels, "whole network (all history, undirected, simple)")
    brokers = [n["id"] for n in doc["nodes"] if n.get("role") == "broker"]
    if brokers:
        removed, why = brokers, "without the broker"
    else:
        bc = nx.betweenness_centrality(g)
        removed = [max(bc, key=lambda v: (bc[v], v))]
        why = "no designated broker; without the top-betweenness node"
    h = g.copy()
    h.remove_nodes_from(removed)
    describe(h, labels, f"{why} ({', '.join(labels[v] for v in removed)})")
    pa = actor_projection(doc)
    describe(pa, labels, "actor projection (shared projects + direct ties)")
    pb = pa.copy()
    pb.remove_nodes_from(removed)
    describe(pb, labels, f"actor projection {why.split(';')[-1].strip()}")


def check_registry(path, docs):
    p = Problems(path)
    ids = set()
    themes = set()
    for d in docs:
        ids |= {n["id"] for n in d["nodes"]}
        themes |= {t["id"] for t in d["themes"]}
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        p.error("file", "starts with a UTF-8 byte order mark")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        p.error("file", f"not UTF-8: {exc}")
        return p, 0
    rows = list(csv.reader(text.splitlines()))
    if not rows or rows[0] != ["name", "sector", "themes", "ties"]:
        p.error("line 1", f"header must be name,sector,themes,ties, found {rows[:1]}")
        return p, 0
    names = set()
    sectors = Counter()
    for line, row in enumerate(rows[1:], start=2):
        where = f"line {line}"
        if len(row) != 4:
            p.error(where, f"{len(row)} fields, expected 4")
            continue
        name, sector, th, ties = row
        if not name or name in names:
            p.error(where, f"empty or duplicate name {name!r}")
        names.add(name)
        if sector not in SECTORS:
            p.error(where, f"sector {sector!r} is not one of DOMAIN.md's sectors")
        sectors[sector] += 1
        for t in filter(None, th.split("|")):
            if t not in themes:
                p.error(where, f"theme {t!r} is not defined in any sample")
        for t in filter(None, ties.split("|")):
            if t not in ids:
                p.error(where, f"tie {t!r} is not a node of any sample")
    print(f"registry {os.path.basename(path)}: {len(rows) - 1} candidates, sectors {dict(sorted(sectors.items()))}")
    return p, len(rows) - 1


def main(argv):
    today = dt.date(2026, 11, 23)
    files = []
    it = iter(argv)
    for a in it:
        if a == "--today":
            today = parse_date(next(it, ""))
            if today is None:
                print("usage: --today YYYY-MM-DD", file=sys.stderr)
                return 2
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            files.append(a)
    if not files:
        files = [os.path.join(HERE, f) for f in ("laak.json", "zuidwest.json", "registry_den_haag.csv")]
    problems, docs = [], []
    for f in files:
        if f.endswith(".json"):
            p, doc = check_document(f, today)
            problems.append(p)
            if doc is not None:
                docs.append(doc)  # the registry's ids and themes, even from a faulty sample
                if not p.errors:
                    report(doc, today)
                    print()
    for f in files:
        if f.endswith(".csv"):
            p, _ = check_registry(f, docs)
            problems.append(p)
    print()
    failed = False
    for p in problems:
        for w in p.warnings:
            print("warning:", w)
        for e in p.errors:
            print("ERROR:", e)
            failed = True
        status = "FAIL" if p.errors else "ok"
        print(f"{status}: {os.path.basename(p.path)} ({len(p.errors)} errors, {len(p.warnings)} warnings)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
