#!/usr/bin/python3
"""Reads back what wijknet wrote of every interop corpus file with networkx 2.8 and igraph 0.10.

Usage: check_exports.py DIR. DIR/manifest.json (written by tests/importers/test_corpus_interop.cpp)
lists, per corpus file, the folder its exports are in and what wijknet read: node and edge
counts, sorted labels and the sum of the weights. Every export that networkx or igraph has a
reader for must come back with the same counts, labels and weight sum:
    .graphml  networkx read_graphml, igraph Read_GraphML
    .gexf     networkx read_gexf (igraph has no GEXF reader)
    .gml      networkx read_gml (label="id"), igraph Read_GML
    .net      networkx read_pajek, igraph Read_Pajek
Prints one line per difference and exits 1 when there is any.

What the formats or readers cannot hold is allowed for, and only that: a Pajek label holds no
line break or '"' (wijknet writes a space and "'"); networkx's read_pajek keys nodes by label,
so nodes with the same label merge there (its node count is checked only when labels are
distinct); igraph's GML reader leaves character references such as "&#10;" (a line break, the
only way networkx reads one) undecoded, so they are decoded before comparing.
"""
import html
import re
import json
import math
import os
import sys
import warnings

import igraph
import networkx as nx

warnings.simplefilter("ignore")


def nx_summary(g, label_of):
    labels = sorted(str(label_of(n, d)) for n, d in g.nodes(data=True))
    weights = sum(float(d.get("weight", 1.0)) for *_, d in g.edges(data=True))
    return g.number_of_nodes(), g.number_of_edges(), labels, weights


def ig_summary(g, label_attr, decode=lambda s: s):
    labels = sorted(decode(str(l)) for l in g.vs[label_attr]) if g.vcount() else []
    weights = sum(float(w) for w in g.es["weight"]) if g.ecount() and "weight" in g.es.attributes() else float(g.ecount())
    return g.vcount(), g.ecount(), labels, weights


READERS = {
    ".graphml": [
        ("networkx", lambda p: nx_summary(nx.read_graphml(p), lambda n, d: d.get("label", n))),
        ("igraph", lambda p: ig_summary(igraph.Graph.Read_GraphML(p), "label")),
    ],
    ".gexf": [
        ("networkx", lambda p: nx_summary(nx.read_gexf(p), lambda n, d: d.get("label", n))),
    ],
    ".gml": [
        ("networkx", lambda p: nx_summary(nx.read_gml(p, label="id"), lambda n, d: d.get("label", n))),
        ("igraph", lambda p: ig_summary(igraph.Graph.Read_GML(p), "label", html.unescape)),
    ],
    ".net": [
        ("networkx", lambda p: nx_summary(nx.read_pajek(p), lambda n, d: n)),
        ("igraph", lambda p: ig_summary(igraph.Graph.Read_Pajek(p), "id")),
    ],
}


def pajek_label(s):
    return re.sub(r"[\r\n]", " ", s).replace('"', "'")


def main():
    root = sys.argv[1]
    manifest = json.load(open(os.path.join(root, "manifest.json"), encoding="utf-8"))
    problems = 0
    checked = 0
    for entry in manifest:
        for ext, readers in READERS.items():
            path = os.path.join(root, entry["dir"], "out" + ext)
            labels = entry["labels"]
            if ext == ".net":
                labels = sorted(pajek_label(l) for l in labels)
            want = (entry["nodes"], entry["edges"], labels, entry["weight_sum"])
            for name, read in readers:
                where = f"{entry['source']} -> {ext} read by {name}"
                try:
                    got = read(path)
                except Exception as e:  # noqa: BLE001 - any refusal is a finding
                    print(f"{where}: refused: {str(e)[:200]}")
                    problems += 1
                    continue
                checked += 1
                diffs = []
                if ext == ".net" and name == "networkx" and len(set(labels)) != len(labels):
                    got = (want[0], got[1], sorted(labels) if set(got[2]) == set(labels) else got[2], got[3])
                if got[0] != want[0] or got[1] != want[1]:
                    diffs.append(f"{got[0]} nodes, {got[1]} edges; wijknet had {want[0]}, {want[1]}")
                if got[2] != want[2]:
                    extra = sorted(set(got[2]) - set(want[2]))[:3]
                    missing = sorted(set(want[2]) - set(got[2]))[:3]
                    diffs.append(f"labels differ (extra {extra}, missing {missing})")
                if not math.isclose(got[3], want[3], rel_tol=1e-6, abs_tol=1e-6):
                    diffs.append(f"weight sum {got[3]}; wijknet had {want[3]}")
                if diffs:
                    print(f"{where}: " + "; ".join(diffs))
                    problems += 1
    print(f"{checked} exports read back, {problems} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
