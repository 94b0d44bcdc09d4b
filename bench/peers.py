#!/usr/bin/python3
"""Times the operations of bench/compare.sh in one peer (graph-tool, igraph or networkx) on an
edge list "u v", and prints one line per operation: name, milliseconds; lines starting with '#'
are remarks (versions, threads, modularity). Operations: load, betweenness, closeness, pagerank,
eigenvector, components, communities, layout. `--skip NAME,...` leaves operations out (exact
betweenness and closeness of a 200,000-node network take hours in every peer)."""
import sys
import time


def graph_tool_ops(path):
    import graph_tool.all as gt
    g = {}
    def load():
        g["g"] = gt.load_graph_from_csv(path, directed=False, csv_options={"delimiter": " "})
        return "# graph-tool %s, %d OpenMP threads" % (gt.__version__.split()[0], gt.openmp_get_num_threads())
    def sfdp():
        from graph_tool.draw import sfdp_layout  # graph_tool.all leaves it out without cairo
        sfdp_layout(g["g"])
    return [("load", load),
            ("betweenness", lambda: gt.betweenness(g["g"]) and None),
            ("closeness", lambda: gt.closeness(g["g"]) and None),
            ("pagerank", lambda: gt.pagerank(g["g"]) and None),
            ("eigenvector", lambda: gt.eigenvector(g["g"]) and None),
            ("components", lambda: gt.label_components(g["g"]) and None),
            # graph-tool has no modularity communities (stochastic block models only): left out.
            ("layout", sfdp)]


def igraph_ops(path):
    import igraph as ig
    g = {}
    def load():
        g["g"] = ig.Graph.Read_Edgelist(path, directed=False).simplify()
        return "# igraph %s" % ig.__version__
    def leiden():
        parts = g["g"].community_leiden(objective_function="modularity", n_iterations=-1)
        return "# igraph communities: Leiden (modularity, until stable), Q %.4f" % g["g"].modularity(parts.membership)
    return [("load", load),
            ("betweenness", lambda: g["g"].betweenness() and None),
            ("closeness", lambda: g["g"].closeness() and None),
            ("pagerank", lambda: g["g"].pagerank() and None),
            ("eigenvector", lambda: g["g"].eigenvector_centrality() and None),
            ("components", lambda: g["g"].connected_components() and None),
            ("communities", leiden),
            ("layout", lambda: g["g"].layout_fruchterman_reingold() and None)]


def networkx_ops(path):
    import networkx as nx
    g = {}
    def load():
        g["g"] = nx.read_edgelist(path, nodetype=int)
        return "# networkx %s" % nx.__version__
    def louvain():
        parts = nx.community.louvain_communities(g["g"], seed=0)
        return "# networkx communities: Louvain, Q %.4f" % nx.community.modularity(g["g"], parts)
    return [("load", load),
            ("betweenness", lambda: nx.betweenness_centrality(g["g"]) and None),
            ("closeness", lambda: nx.closeness_centrality(g["g"]) and None),
            ("pagerank", lambda: nx.pagerank(g["g"], weight=None) and None),
            ("eigenvector", lambda: nx.eigenvector_centrality(g["g"], max_iter=1000) and None),
            ("components", lambda: nx.number_connected_components(g["g"]) and None),
            ("communities", louvain),
            ("layout", lambda: nx.spring_layout(g["g"], seed=0) and None)]


if __name__ == "__main__":
    peer, path = sys.argv[1], sys.argv[2]
    skip = set(sys.argv[4].split(",")) if len(sys.argv) > 4 and sys.argv[3] == "--skip" else set()
    ops = {"graph-tool": graph_tool_ops, "igraph": igraph_ops, "networkx": networkx_ops}[peer](path)
    for name, fn in ops:
        if name in skip:
            continue
        t0 = time.perf_counter()
        remark = fn()
        print(f"{name} {(time.perf_counter() - t0) * 1000.0:.1f}", flush=True)
        if remark:
            print(remark, flush=True)
