#!/usr/bin/python3
"""Reads a file that wijknet wrote with networkx and compares it with what wijknet meant to write.

usage: /usr/bin/python3 check_networkx.py FORMAT FILE EXPECTED.json
FORMAT: gexf, graphml, gml or pajek.
EXPECTED (written by the C++ test): {"directed": bool,
  "nodes": [{"id": str, "label": str}, ...],
  "edges": [{"source": id, "target": id, "weight": float}, ...]}
Exit status 0 when networkx sees the same nodes, labels, edges (with multiplicity) and weights;
1 with the differences on stdout otherwise.
"""
import collections
import json
import sys

import networkx as nx


def edge_key(u, v, w, directed):
    if not directed and str(u) > str(v):
        u, v = v, u
    return (str(u), str(v), round(float(w), 9))


def main():
    fmt, path, expected_path = sys.argv[1:4]
    with open(expected_path, encoding="utf-8") as f:
        exp = json.load(f)
    directed = exp["directed"]
    label_of = {n["id"]: n["label"] for n in exp["nodes"]}

    if fmt == "gexf":
        G = nx.read_gexf(path)
        labels = {n: d.get("label") for n, d in G.nodes(data=True)}
        name = lambda i: i  # noqa: E731  networkx keys nodes by GEXF id
    elif fmt == "graphml":
        G = nx.read_graphml(path)
        labels = {n: d.get("label", n) for n, d in G.nodes(data=True)}
        name = lambda i: i  # noqa: E731
    elif fmt == "gml":
        # 'name' holds wijknet's id; the default read keys nodes by 'label' instead.
        G = nx.read_gml(path, label="name")
        labels = {n: d.get("label") for n, d in G.nodes(data=True)}
        name = lambda i: i  # noqa: E731
        by_label = nx.read_gml(path)
        if sorted(map(str, by_label.nodes())) != sorted(label_of.values()):
            print("gml read by label: nodes", sorted(by_label.nodes()), "expected", sorted(label_of.values()))
            return 1
    elif fmt == "pajek":
        G = nx.read_pajek(path)
        labels = {n: n for n in G.nodes()}  # Pajek has only labels
        name = lambda i: label_of[i]  # noqa: E731
    else:
        print("unknown format", fmt)
        return 1

    problems = []
    if G.is_directed() != directed:
        problems.append(f"directed: networkx {G.is_directed()}, expected {directed}")
    want_nodes = sorted(str(name(n["id"])) for n in exp["nodes"])
    got_nodes = sorted(str(n) for n in G.nodes())
    if want_nodes != got_nodes:
        problems.append(f"nodes: networkx {got_nodes}, expected {want_nodes}")
    for n in exp["nodes"]:
        key = name(n["id"])
        if key in labels and labels[key] != n["label"]:
            problems.append(f"label of {key!r}: networkx {labels[key]!r}, expected {n['label']!r}")
    want_edges = collections.Counter(
        edge_key(name(e["source"]), name(e["target"]), e["weight"], directed) for e in exp["edges"])
    got_edges = collections.Counter(
        edge_key(u, v, d.get("weight", 1.0), directed) for u, v, d in G.edges(data=True))
    if want_edges != got_edges:
        problems.append(f"edges: networkx {sorted(got_edges.items())}, expected {sorted(want_edges.items())}")
    for p in problems:
        print(f"{fmt} {path}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
