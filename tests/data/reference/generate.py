#!/usr/bin/python3
"""Reference values for wijknet's analytics, computed with networkx 2.8.8 (Debian's python3-networkx).

Run from anywhere with /usr/bin/python3; it rewrites, beside itself, for every network below:
  <name>.graphml        the network (nx.write_graphml; node ids as strings, `weight` where it has one)
  <name>.expected.json  nodes, edges (index pairs and weights) and networkx's value of every metric,
                        in unweighted mode (weight=None everywhere) and, for weighted networks, in
                        weighted mode (distance = 1/weight on shortest paths; weight elsewhere).

tests/core/test_metrics_reference.cpp reads the JSON, builds a Network from the edge list, and
compares node by node to 1e-6. Undefined values (nan, failed convergence) are written as null.
Eigenvector centrality and PageRank are computed converged (tol=1e-10, max_iter=1000), the values
wijknet reports, not at networkx's default stopping point (tol=1e-6, max_iter=100), which leaves
them up to 2.4e-5 away (karate, Les Miserables).
"""
import json
import math
import os
import random

import networkx as nx
from networkx.algorithms import community as nxc

assert nx.__version__ == "2.8.8", nx.__version__

# Converged eigenvector centrality and PageRank (core/metrics/eigenvector.hpp, pagerank.hpp).
MAX_ITER = 1000
TOL = 1e-10

HERE = os.path.dirname(os.path.abspath(__file__))


def networks():
    yield "karate", nx.karate_club_graph(), True
    yield "lesmis", nx.les_miserables_graph(), True
    yield "florentine", nx.florentine_families_graph(), False
    davis = nx.davis_southern_women_graph()
    women = davis.graph["top"]
    # The projection's edge order follows Python's string hashing; sorted, the files are the same
    # on every run.
    projected = nx.bipartite.weighted_projected_graph(davis, women)
    g = nx.Graph()
    g.add_nodes_from(women)
    g.add_edges_from(sorted((min(u, v), max(u, v), d) for u, v, d in projected.edges(data=True)))
    yield "davis_women", g, True
    yield "star", nx.star_graph(7), False
    # 60 nodes: the power iteration of eigenvector_centrality does not reach 1e-10 in 1000 steps.
    yield "path", nx.path_graph(60), False
    # Disconnected, with isolated nodes; integer strengths 1..5 so that 1/w path lengths tie
    # (1/2 + 1/2 == 1/1), which exercises the exact tie handling of weighted betweenness.
    g = nx.gnp_random_graph(60, 0.04, seed=42)
    rng = random.Random(7)
    for u, v in g.edges():
        g[u][v]["weight"] = rng.randint(1, 5)
    yield "gnp", g, True


def clean(x):
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) or math.isinf(x) else x


def per_node(values, nodes):
    return [clean(values[v]) for v in nodes]


def metrics(G, nodes, weighted):
    w = "weight" if weighted else None
    H = G.copy()
    if weighted:
        for u, v, d in H.edges(data=True):
            d["distance"] = 1.0 / d["weight"]
    dist = "distance" if weighted else None
    n = len(G)
    out = {}
    degree = dict(G.degree())
    out["degree"] = [degree[v] for v in nodes]
    out["degree_centrality"] = per_node(nx.degree_centrality(G), nodes)
    out["betweenness"] = per_node(nx.betweenness_centrality(H, weight=dist), nodes)
    out["closeness"] = per_node(nx.closeness_centrality(H, distance=dist), nodes)
    try:
        ev = nx.eigenvector_centrality(G, weight=w, max_iter=MAX_ITER, tol=TOL)
        out["eigenvector"] = per_node(ev, nodes)
        out["eigenvector_converged"] = True
    except nx.PowerIterationFailedConvergence:
        out["eigenvector"] = [None] * n
        out["eigenvector_converged"] = False
    out["pagerank"] = per_node(nx.pagerank(G, weight=w, max_iter=MAX_ITER, tol=TOL), nodes)
    out["clustering"] = per_node(nx.clustering(G, weight=w), nodes)
    core = nx.core_number(G)
    out["core"] = [core[v] for v in nodes]
    out["constraint"] = per_node(nx.constraint(G, weight=w), nodes)
    out["effective_size"] = per_node(nx.effective_size(G, weight=w), nodes)
    art = set(nx.articulation_points(G))
    out["articulation"] = [v in art for v in nodes]
    index = {v: i for i, v in enumerate(nodes)}
    out["bridges"] = sorted(sorted((index[u], index[v])) for u, v in nx.bridges(G))
    out["components"] = nx.number_connected_components(G)
    out["density"] = nx.density(G)
    dmax = max(degree.values()) if degree else 0
    out["centralization"] = (
        sum(dmax - d for d in degree.values()) / ((n - 1) * (n - 2)) if n > 2 else 0.0
    )
    # Louvain (seed 0): our deterministic Louvain must reach at least this modularity - 0.02.
    louvain = nxc.louvain_communities(G, weight=w, seed=0)
    out["louvain_modularity"] = nxc.modularity(G, louvain, weight=w)
    label = {v: c for c, comm in enumerate(louvain) for v in comm}
    out["louvain_partition"] = [label[v] for v in nodes]
    # A fixed partition (node position modulo 3), so modularity() can be checked exactly.
    fixed = [i % 3 for i in range(n)]
    out["fixed_partition"] = fixed
    out["fixed_partition_modularity"] = nxc.modularity(
        G, [{v for i, v in enumerate(nodes) if fixed[i] == c} for c in range(3) if c in fixed], weight=w
    )
    return out


def main():
    for name, G, weighted in networks():
        G = nx.relabel_nodes(G, {v: str(v) for v in G})
        nodes = list(G)
        index = {v: i for i, v in enumerate(nodes)}
        edges = [[index[u], index[v], float(d.get("weight", 1))] for u, v, d in G.edges(data=True)]
        doc = {
            "name": name,
            "networkx": nx.__version__,
            "weighted": weighted,
            "nodes": nodes,
            "edges": edges,
            "unweighted": metrics(G, nodes, False),
        }
        if weighted:
            doc["weighted_metrics"] = metrics(G, nodes, True)
        G_out = G.copy()
        G_out.graph.clear()  # graph-level lists (Davis: "top") are not GraphML data
        if not weighted:
            for _, _, d in G_out.edges(data=True):
                d.pop("weight", None)
        nx.write_graphml(G_out, os.path.join(HERE, name + ".graphml"))
        with open(os.path.join(HERE, name + ".expected.json"), "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
        print(name, len(nodes), len(edges))


if __name__ == "__main__":
    main()
