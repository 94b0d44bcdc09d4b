#!/usr/bin/python3
"""Writes the reference files of tests/data/formats/ with networkx (and python3-igraph when it is
installed), so that the importers are checked against files other tools really write.

Run from anywhere:  /usr/bin/python3 tests/data/formats/generate.py
The files are committed; run again only to refresh them (the output is deterministic).

For every FILE it writes FILE.expected.json: what a correct import gives, in wijknet's terms:
  {"directed": bool,
   "nodes": [{"id": str, "label": str, "kind": str?, "attrs": {...}}],   (attrs: those the format keeps)
   "edges": [{"source": id, "target": id, "weight": float, "kind": str?, "attrs": {...}}]}
"""
import json
import os
import re
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))

# A small coalition with Dutch letters, an isolated partner, integer, float, boolean and text
# attributes, and weights that are not 1.
NODES = [
    ("gemeente", {"label": "Gemeente Den Haag", "kind": "partner", "sector": "municipality", "budget": 25000,
                  "score": 0.75, "active": True}),
    ("staedion", {"label": "Staedion", "kind": "partner", "sector": "housing", "budget": 12000, "score": 0.5,
                  "active": False}),
    ("zoe", {"label": "Zoë Öztürk", "kind": "resident", "sector": "residents", "budget": 0, "score": 1.25,
             "active": True}),
    ("cafe", {"label": "Café Het Hoekje", "kind": "partner", "sector": "business", "budget": 300, "score": 0.0,
              "active": True}),
    ("een", {"label": "Stichting Één", "kind": "partner", "sector": "culture", "budget": 10, "score": 2.5,
             "active": False}),
]
EDGES = [
    ("gemeente", "staedion", 2.5, "collaborates"),
    ("staedion", "zoe", 1.0, "collaborates"),
    ("zoe", "cafe", 0.5, "tie"),
    ("gemeente", "cafe", 3.0, "funds"),
]


def networkx_graph(directed, names_are_labels=False):
    G = nx.DiGraph() if directed else nx.Graph()
    for node, attrs in NODES:
        data = dict(attrs)
        name = data.pop("label") if names_are_labels else node
        if names_are_labels:
            G.add_node(name, **data)
        else:
            G.add_node(name, **data)
    label_of = {n: a["label"] for n, a in NODES}
    for s, t, w, kind in EDGES:
        if names_are_labels:
            G.add_edge(label_of[s], label_of[t], weight=w, kind=kind)
        else:
            G.add_edge(s, t, weight=w, kind=kind)
    return G


def expected(directed, ids, labels, node_attrs, edge_kinds=True, node_kinds=True):
    """ids, labels: functions of the node key; node_attrs: function of the attrs dict."""
    out = {"directed": directed, "nodes": [], "edges": []}
    for node, attrs in NODES:
        n = {"id": ids(node, attrs), "label": labels(node, attrs), "attrs": node_attrs(attrs)}
        if node_kinds:
            n["kind"] = attrs["kind"]
        out["nodes"].append(n)
    by_key = {n: a for n, a in NODES}
    for s, t, w, kind in EDGES:
        e = {"source": ids(s, by_key[s]), "target": ids(t, by_key[t]), "weight": w}
        if edge_kinds:
            e["kind"] = kind
        out["edges"].append(e)
    return out


def save(name, expect):
    with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump(expect, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


def typed(attrs):
    return {k: attrs[k] for k in ("sector", "budget", "score", "active")}


def main():
    written = []
    for directed in (False, True):
        tag = "directed" if directed else "undirected"

        # GEXF: networkx keys nodes by GEXF id, keeps label and typed attributes.
        name = f"networkx_{tag}.gexf"
        G = networkx_graph(directed)
        for node, attrs in NODES:
            G.nodes[node]["label"] = attrs["label"]
        path = os.path.join(HERE, name)
        nx.write_gexf(G, path)
        # networkx stamps today's date into <meta>; keep the committed file stable.
        with open(path, encoding="utf-8") as f:
            text = re.sub(r'lastmodifieddate="[0-9-]+"', 'lastmodifieddate="2024-01-01"', f.read())
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        save(name, expected(directed, lambda n, a: n, lambda n, a: a["label"], typed))
        written.append(name)

        # GraphML: the same, typed by attr.type.
        name = f"networkx_{tag}.graphml"
        nx.write_graphml(G, os.path.join(HERE, name))
        save(name, expected(directed, lambda n, a: n, lambda n, a: a["label"], typed))
        written.append(name)

        # GML: networkx writes the node name as `label` (a node's own 'label' attribute is not
        # written); booleans become 1/0.
        name = f"networkx_{tag}.gml"
        H = networkx_graph(directed, names_are_labels=True)
        nx.write_gml(H, os.path.join(HERE, name))

        def gml_attrs(a):
            t = typed(a)
            t["active"] = 1 if a["active"] else 0
            return t
        save(name, expected(directed, lambda n, a: a["label"], lambda n, a: a["label"], gml_attrs))
        written.append(name)

        # Pajek: only labels, weights and text attributes survive networkx's writer.
        name = f"networkx_{tag}.net"
        P = networkx_graph(directed, names_are_labels=True)
        for n in P.nodes:
            for k in ("budget", "score", "active"):
                del P.nodes[n][k]
        nx.write_pajek(P, os.path.join(HERE, name))
        save(name, expected(directed, lambda n, a: a["label"], lambda n, a: a["label"], lambda a: {"sector": a["sector"]}))
        written.append(name)

    try:
        import igraph as ig
    except ImportError:
        print("python3-igraph not installed: igraph files not refreshed", file=sys.stderr)
        ig = None
    if ig is not None:
        for directed in (False, True):
            tag = "directed" if directed else "undirected"
            g = ig.Graph(directed=directed)
            g.add_vertices(len(NODES))
            g.vs["name"] = [n for n, _ in NODES]
            g.vs["label"] = [a["label"] for _, a in NODES]
            g.vs["kind"] = [a["kind"] for _, a in NODES]
            g.vs["sector"] = [a["sector"] for _, a in NODES]
            g.vs["budget"] = [a["budget"] for _, a in NODES]
            g.vs["score"] = [a["score"] for _, a in NODES]
            index = {n: i for i, (n, _) in enumerate(NODES)}
            g.add_edges([(index[s], index[t]) for s, t, _, _ in EDGES])
            g.es["weight"] = [w for _, _, w, _ in EDGES]
            g.es["kind"] = [k for _, _, _, k in EDGES]

            def ig_attrs(a):
                # igraph keeps every number as a double (GraphML: attr.type="double").
                return {"sector": a["sector"], "budget": float(a["budget"]), "score": a["score"]}

            # GML: igraph writes `name` (wijknet's id), label and every attribute; numbers as reals.
            name = f"igraph_{tag}.gml"
            path = os.path.join(HERE, name)
            g.write_gml(path)
            # igraph stamps the time into its Creator line; keep the file stable.
            with open(path, encoding="utf-8") as f:
                lines = f.read().split("\n")
            if lines and lines[0].startswith("Creator"):
                lines[0] = f'Creator "igraph version {ig.__version__}"'
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            save(name, expected(directed, lambda n, a: n, lambda n, a: a["label"], ig_attrs))
            written.append(name)

            # GraphML: igraph numbers the nodes n0, n1, ... and writes the vertex name as a `name`
            # key, which read_graphml keeps as attrs.name (the GraphML id is the node's id).
            name = f"igraph_{tag}.graphml"
            g.write_graphml(os.path.join(HERE, name))
            graphml_id = {n: f"n{i}" for i, (n, _) in enumerate(NODES)}
            save(name, expected(directed, lambda n, a: graphml_id[n], lambda n, a: a["label"],
                                lambda a: dict(ig_attrs(a), name=[k for k, v in NODES if v is a][0])))
            written.append(name)

            # Pajek: igraph writes no vertex lines (it would write an `id` attribute, which this
            # graph has not), so the vertices are the numbers 1..n; arcs carry weights only.
            name = f"igraph_{tag}.net"
            g.write_pajek(os.path.join(HERE, name))
            number = {n: str(i + 1) for i, (n, _) in enumerate(NODES)}
            save(name, expected(directed, lambda n, a: number[n], lambda n, a: number[n], lambda a: {}, edge_kinds=False,
                                node_kinds=False))
            written.append(name)

            # DOT: igraph writes every attribute.
            name = f"igraph_{tag}.dot"
            g.write_dot(os.path.join(HERE, name))
            save(name, expected(directed, lambda n, a: n, lambda n, a: a["label"], ig_attrs))
            written.append(name)
    print("\n".join(written))


if __name__ == "__main__":
    main()
