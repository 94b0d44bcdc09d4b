#!/usr/bin/python3
"""Times the measures of `wijknet analyze` in the peers (networkx, igraph when installed) on an
edge list, and prints one line per measure: name, milliseconds. Used by bench/compare.sh."""
import sys
import time

import networkx as nx


def timed(fn):
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000.0


def networkx_times(path):
    g = nx.read_edgelist(path, nodetype=int)
    yield "betweenness", timed(lambda: nx.betweenness_centrality(g))
    yield "closeness", timed(lambda: nx.closeness_centrality(g))
    yield "eigenvector", timed(lambda: nx.eigenvector_centrality(g, max_iter=1000))
    yield "pagerank", timed(lambda: nx.pagerank(g, weight=None))
    yield "clustering", timed(lambda: nx.clustering(g))
    yield "core", timed(lambda: nx.core_number(g))
    yield "constraint", timed(lambda: nx.constraint(g))
    yield "components", timed(lambda: nx.number_connected_components(g))
    yield "articulation", timed(lambda: list(nx.articulation_points(g)))
    yield "louvain", timed(lambda: nx.community.louvain_communities(g, seed=0))


def igraph_times(path):
    import igraph as ig
    g = ig.Graph.Read_Edgelist(path, directed=False).simplify()
    yield "betweenness", timed(lambda: g.betweenness())
    yield "closeness", timed(lambda: g.closeness())
    yield "eigenvector", timed(lambda: g.eigenvector_centrality())
    yield "pagerank", timed(lambda: g.pagerank())
    yield "clustering", timed(lambda: g.transitivity_local_undirected())
    yield "core", timed(lambda: g.coreness())
    yield "constraint", timed(lambda: g.constraint())
    yield "components", timed(lambda: g.connected_components())
    yield "articulation", timed(lambda: g.articulation_points())
    yield "louvain", timed(lambda: g.community_multilevel())


if __name__ == "__main__":
    peer, path = sys.argv[1], sys.argv[2]
    gen = networkx_times if peer == "networkx" else igraph_times
    for name, ms in gen(path):
        print(f"{name} {ms:.1f}", flush=True)
