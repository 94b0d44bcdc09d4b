#!/usr/bin/python3
"""Expectations for the interop corpus test (tests/importers/test_corpus_interop.cpp).

Reads every file of ../shared/corpus/interop with the reference reader SOURCES.md names for its
format and writes expected.json beside this script: per file (path relative to the corpus)
either {"read": false} (the reference reader refuses it) or {"read": true, "nodes": N,
"edges": M} plus, where the reference gives them, "ids" (sorted node ids), "labels" (sorted
labels, when every node has one), "weight_sum" (when every edge has a weight) and "positions"
([count, sum of x, sum of y] of the nodes with a position).

Reference readers: networkx 2.8 (GraphML, GEXF up to 1.2), a plain XML count (GEXF 1.3, which
networkx 2.8 cannot read), igraph 0.10 (GML, Pajek), Graphviz's gvpr (DOT; package graphviz,
scripts/deps --test), and the rows themselves for CSV (see csv_expectation).

Run from the repository root with Debian's python3:
    /usr/bin/python3 tests/data/importers/interop/generate.py [CORPUS_DIR]
"""
import csv
import io
import json
import math
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import igraph
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../../../shared/corpus/interop")


def finite(x):
    try:
        x = float(x)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def summary(nodes, edges, ids=None, labels=None, weights=None, positions=None):
    out = {"read": True, "nodes": nodes, "edges": edges}
    if ids is not None:
        out["ids"] = sorted(ids)
    if labels is not None and len(labels) == nodes and all(isinstance(l, str) and l for l in labels):
        out["labels"] = sorted(labels)
    if weights is not None and edges and len(weights) == edges and all(w is not None for w in weights):
        out["weight_sum"] = round(sum(weights), 6)
    if positions:
        out["positions"] = [len(positions), round(sum(p[0] for p in positions), 4),
                            round(sum(p[1] for p in positions), 4)]
    return out


def graphml(path):
    g = nx.read_graphml(path)
    labels = [d.get("label") for _, d in g.nodes(data=True)]
    weights = [finite(d.get("weight")) for *_, d in g.edges(data=True)]
    return summary(g.number_of_nodes(), g.number_of_edges(), [str(n) for n in g.nodes], labels,
                   weights if all("weight" in d for *_, d in g.edges(data=True)) else None)


def local(tag):
    return tag.rsplit("}", 1)[-1]


def gexf(path):
    root = ET.parse(path).getroot()
    if root.get("version") != "1.3":
        g = nx.read_gexf(path)
        labels = [d.get("label") for _, d in g.nodes(data=True)]
        weights = [finite(d.get("weight", 1.0)) for *_, d in g.edges(data=True)]
        pos = [(d["viz"]["position"]["x"], d["viz"]["position"]["y"]) for _, d in g.nodes(data=True)
               if "position" in d.get("viz", {})]
        return summary(g.number_of_nodes(), g.number_of_edges(), [str(n) for n in g.nodes], labels, weights, pos)
    # GEXF 1.3: count what the file holds (node ids are unique in every file of the corpus).
    nodes, edges, pos = [], [], []
    for el in root.iter():
        if local(el.tag) == "node":
            nodes.append(el)
            for sub in el:
                if local(sub.tag) == "position":
                    pos.append((float(sub.get("x", 0)), float(sub.get("y", 0))))
        elif local(el.tag) == "edge":
            edges.append(el)
    labels = [n.get("label") for n in nodes]
    # A weight that changes over time (an attvalue for "weight") has no one value to compare.
    dynamic = any(local(a.tag) == "attribute" and (a.get("id") or "").lower() == "weight" for a in root.iter())
    weights = None if dynamic else [finite(e.get("weight", 1.0)) for e in edges]
    return summary(len(nodes), len(edges), [n.get("id") for n in nodes], labels, weights, pos)


def gml(path):
    g = igraph.Graph.Read_GML(path)
    labels = g.vs["label"] if "label" in g.vs.attributes() else None
    labels = [str(l) if l is not None else None for l in labels] if labels else None
    weights = g.es["weight"] if "weight" in g.es.attributes() else None
    return summary(g.vcount(), g.ecount(), None, labels, [finite(w) for w in weights] if weights else None)


def pajek(path):
    g = igraph.Graph.Read_Pajek(path)
    attrs = g.vs.attributes()
    labels = [str(l) for l in g.vs["id"]] if "id" in attrs else None
    weights = [finite(w) for w in g.es["weight"]] if "weight" in g.es.attributes() else None
    pos = [(v["x"], v["y"]) for v in g.vs] if "x" in attrs and "y" in attrs else None
    return summary(g.vcount(), g.ecount(), None, labels, weights, pos)


GVPR = r'''BEG_G { if (done) exit(0); printf("G %d %d\n", nNodes($G), nEdges($G)); }
N { printf("N %d %s\n", length($.name), $.name); }
END_G { done = 1; }'''


def dot(path):
    run = subprocess.run(["gvpr", GVPR, path], capture_output=True)
    if run.returncode != 0 or b"Error" in run.stderr or not run.stdout.startswith(b"G "):
        return {"read": False}
    out = run.stdout
    head, _, rest = out.partition(b"\n")
    _, n, m = head.split()
    ids = []
    while rest.startswith(b"N "):  # "N LENGTH NAME\n": names may hold line ends
        length, _, rest = rest[2:].partition(b" ")
        ids.append(rest[:int(length)].decode("utf-8", "replace"))
        rest = rest[int(length) + 1:]
    return summary(int(n), int(m), ids)


def csv_rows(path):
    raw = open(path, "rb").read()
    text = raw.decode("utf-8-sig") if raw[:3] != b"\xef\xbb\xbf" else raw[3:].decode("utf-8")
    lines = [l for l in text.splitlines() if l.strip()]
    if not lines:
        return None, []
    head = lines[0]
    delim = max([",", ";", "\t"], key=head.count)
    if head.count(delim) == 0 and " " in head:
        delim = " "
    rows = [r for r in csv.reader(io.StringIO("\n".join(lines)), delimiter=delim)]
    return [c.strip().lower() for c in rows[0]], rows[1:]


def csv_raw(path):
    """The header and rows with their cells as written (trimmed, case kept)."""
    raw = open(path, "rb").read()
    text = raw.decode("utf-8-sig")
    lines = [l for l in text.splitlines() if l.strip()]
    head = lines[0]
    delim = max([",", ";", "\t"], key=head.count)
    if head.count(delim) == 0 and " " in head:
        delim = " "
    rows = [[c.strip() for c in r] for r in csv.reader(io.StringIO("\n".join(lines)), delimiter=delim)]
    return rows[0], rows[1:]


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def matrix_summary(header, rows):
    if len(header) < 2 or header[0] != "" or not rows:
        return None
    if any(len(r) != len(header) or any(number(c) is None for c in r[1:]) for r in rows):
        return None
    names = header[1:]
    if sorted(names) != sorted(r[0] for r in rows):
        return None
    cell = {(r[0], names[k]): number(c) for r in rows for k, c in enumerate(r[1:])}
    symmetric = all(cell.get((b, a)) == v for (a, b), v in cell.items())
    nonzero = [(a, b) for (a, b), v in cell.items() if v != 0]
    edges = {tuple(sorted(p)) for p in nonzero} if symmetric else set(nonzero)
    return summary(len(set(names)), len(edges))


KNOWN_COLUMNS = {"id", "label", "name", "naam", "source", "target", "from", "to", "type", "kind", "weight"}


def adjacency_summary(header, rows):
    if any(norm(c) in KNOWN_COLUMNS or norm(c) == "" for c in header):
        return None
    if all(len(r) == len(header) for r in rows):
        return None
    names, pairs = set(), set()
    for r in [header] + rows:
        cells = [c for c in r if c]
        names.update(cells)
        for other in cells[1:]:
            pairs.add(tuple(sorted((cells[0], other))))
    return summary(len(names), len(pairs))


def norm(name):
    return "".join(ch for ch in name.lower() if ch not in " _-\"'")


def csv_expectation(path):
    """The rows themselves: an edges table (Source/Target or From/To) gives one edge per row
    (a repeated Id keeps its first row, as Gephi does) and a node per distinct endpoint; a
    nodes table one node per distinct Id (or label when it has no Id column). A companion
    table (STEM_nodes.csv, elements.csv beside connections.csv, and back) is counted too.
    Gephi's adjacency matrix (blank first header cell, the same names across and down, numbers
    elsewhere) gives a node per name and an edge per non-zero cell, one per pair when the matrix
    is symmetric; Gephi's adjacency list (no known column name, rows of different lengths) a node
    per name and an edge per distinct pair a row names."""
    header, rows = csv_rows(path)
    if header is None:
        return summary(0, 0)
    raw_header, raw_rows = csv_raw(path)
    matrix = matrix_summary(raw_header, raw_rows)
    if matrix:
        return matrix
    adjacency = adjacency_summary(raw_header, raw_rows)
    if adjacency:
        return adjacency
    def table(header, rows):
        h = [norm(c) for c in header]
        src = next((h.index(k) for k in ("source", "from", "van") if k in h), None)
        dst = next((h.index(k) for k in ("target", "to", "naar") if k in h), None)
        return h, src, dst

    base = os.path.basename(path)
    companion = {"connections.csv": "elements.csv", "elements.csv": "connections.csv"}.get(base)
    tables = [(header, rows)]
    if companion and os.path.exists(os.path.join(os.path.dirname(path), companion)):
        tables.append(csv_rows(os.path.join(os.path.dirname(path), companion)))
    nodes, edges, seen_edge_ids = [], 0, set()
    node_set = set()
    edge_tables = []
    for header, rows in tables:
        h, src, dst = table(header, rows)
        if src is not None and dst is not None:
            edge_tables.append((h, src, dst, rows))
            continue
        key = h.index("id") if "id" in h else next((h.index(k) for k in ("label", "name", "naam") if k in h), 0)
        for r in rows:
            if key < len(r) and r[key].strip() and r[key].strip() not in node_set:
                node_set.add(r[key].strip())
    for h, src, dst, rows in edge_tables:
        idc = h.index("id") if "id" in h else None
        for r in rows:
            if idc is not None and idc < len(r) and r[idc]:
                if r[idc] in seen_edge_ids:
                    continue
                seen_edge_ids.add(r[idc])
            edges += 1
            for c in (src, dst):
                node_set.add(r[c].strip())
    return summary(len(node_set), edges)


# Where wijknet reads a file differently from its reference reader, on purpose: what wijknet
# gives instead, and why. The test checks these values.
DIFFERENCES = {
    "pajek-datasets/Stranke94.net": {
        "read": True, "nodes": 10, "edges": 45, "weight_sum": -1844.0,
        "why": "a symmetric *Matrix is one undirected tie per pair in wijknet (importers/pajek.hpp); "
               "igraph makes two arcs of each (90 edges, weights counted twice)"},
    "igraph-tests/pajek_bip2.net": {
        "read": False,
        "why": "its *Matrix rows have 6 cells for a second mode of 5 vertices; igraph's regression test "
               "reads it leniently, wijknet refuses it at the first long row"},
}

READERS = {".graphml": graphml, ".gexf": gexf, ".gml": gml, ".net": pajek, ".dot": dot, ".gv": dot,
           ".csv": csv_expectation}


def main():
    expected = {}
    for folder in sorted(os.listdir(CORPUS)):
        if not os.path.isdir(os.path.join(CORPUS, folder)):
            continue
        for name in sorted(os.listdir(os.path.join(CORPUS, folder))):
            rel = folder + "/" + name
            reader = READERS.get(os.path.splitext(name)[1].lower())
            if reader is None:
                continue
            try:
                expected[rel] = reader(os.path.join(CORPUS, rel))
            except Exception as e:  # the reference reader refuses the file
                expected[rel] = {"read": False, "reference_error": str(e)[:200]}
            if rel in DIFFERENCES:
                expected[rel] = dict(DIFFERENCES[rel], reference=expected[rel])
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=0, sort_keys=True)
        f.write("\n")
    print(len(expected), "files,", sum(1 for e in expected.values() if not e["read"]), "refused by the reference")


if __name__ == "__main__":
    main()
