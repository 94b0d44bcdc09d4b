#!/usr/bin/python3
"""Writes Davis's Southern Women as a two-mode wijknet/1 document (women as residents, events as
projects, attendance as `participates` ties), so the CLI test can check that `--actors` projects
it exactly as networkx's weighted_projected_graph does (tests/data/reference/davis_women.*).
Run with Debian's python3 (networkx 2.8.8): /usr/bin/python3 tests/data/projection/generate.py"""
import json
import os

import networkx as nx

here = os.path.dirname(os.path.abspath(__file__))
g = nx.davis_southern_women_graph()
women, events = g.graph["top"], g.graph["bottom"]
doc = {
    "format": "wijknet/1",
    "name": "Davis Southern Women (two-mode)",
    "source": "networkx.davis_southern_women_graph(); Davis, Gardner and Gardner (1941)",
    "themes": [],
    "nodes": [{"id": w, "label": w, "kind": "resident"} for w in women]
    + [{"id": e, "label": e, "kind": "project"} for e in events],
    "edges": [{"source": u, "target": v, "kind": "participates"} for u, v in g.edges()],
}
with open(os.path.join(here, "davis_twomode.json"), "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=1)
    f.write("\n")
