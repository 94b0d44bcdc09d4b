#!/usr/bin/python3
"""Times the operations of bench/compare.sh in one peer (graph-tool, igraph or networkx) on an
edge list "u v", and prints one line per operation: name, milliseconds; lines starting with '#'
are remarks (versions, threads, modularity). Operations: load, betweenness, closeness, pagerank,
eigenvector, components, communities, layout. `--skip NAME,...` leaves operations out (exact
betweenness and closeness of a 200,000-node network take hours in every peer); `--positions FILE`
writes the peer's layout there as lines "id x y".

    peers.py stress EDGES POSITIONS     the normalised stress of a layout (see stress() below)

is the one place where the layouts of wijknet (`bench_analyze --positions`) and of its peers are
scored, so both sides get the same pairs and the same definition."""
import random
import sys
import time
from collections import deque

POSITIONS = None  # --positions FILE: where the peer writes its layout


def write_positions(items):
    """items: (id, x, y) for every vertex."""
    if POSITIONS:
        with open(POSITIONS, "w") as out:
            for v, x, y in items:
                out.write("%s %r %r\n" % (v, x, y))


def stress(edges_path, positions_path, pairs=10000, sources=100, seed=42):
    """Normalised stress of a layout on sampled pairs (Gansner, Koren and North, "Graph drawing
    by stress majorization", GD 2004; scale-free as in Kruskal's stress): for pairs (i, j) at
    graph distance d_ij (hops), with drawing distance x_ij,

        stress = (1 / P) * sum (alpha x_ij - d_ij)^2 / d_ij^2,   alpha = sum(x/d) / sum(x^2/d^2),

    alpha being the scale that minimises it, so a drawing's size does not count, only its shape.
    0 is a drawing whose distances are the hop distances; 1 is the score of putting every
    vertex on one point. Pairs: `sources` vertices drawn with `seed`, a breadth-first search from
    each, and pairs // sources reachable targets drawn from each search; the same edge list gives
    the same pairs, whoever drew it."""
    adj = {}
    with open(edges_path) as f:
        for line in f:
            t = line.split()
            if len(t) < 2 or t[0] == t[1]:
                continue
            adj.setdefault(t[0], []).append(t[1])
            adj.setdefault(t[1], []).append(t[0])
    pos = {}
    with open(positions_path) as f:
        for line in f:
            t = line.split()
            if len(t) >= 3:
                pos[t[0]] = (float(t[1]), float(t[2]))
    vertices = sorted(adj, key=lambda v: (len(v), v))
    missing = [v for v in vertices if v not in pos]
    if missing:
        raise SystemExit("stress: %d vertices have no position (first: %s)" % (len(missing), missing[0]))
    rng = random.Random(seed)
    per = pairs // sources
    xs, ds = [], []
    for s in rng.sample(vertices, min(sources, len(vertices))):
        dist = {s: 0}
        queue = deque([s])
        while queue:
            u = queue.popleft()
            for w in adj[u]:
                if w not in dist:
                    dist[w] = dist[u] + 1
                    queue.append(w)
        reach = sorted((v for v in dist if v != s), key=lambda v: (len(v), v))
        for t in rng.sample(reach, min(per, len(reach))):
            (ax, ay), (bx, by) = pos[s], pos[t]
            xs.append(((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5)
            ds.append(dist[t])
    num = sum(x / d for x, d in zip(xs, ds))
    den = sum((x / d) ** 2 for x, d in zip(xs, ds))
    alpha = num / den if den > 0 else 0.0
    return sum((alpha * x / d - 1.0) ** 2 for x, d in zip(xs, ds)) / len(xs), len(xs)


def graph_tool_ops(path):
    import graph_tool.all as gt
    g = {}
    def load():
        g["g"] = gt.load_graph_from_csv(path, directed=False, csv_options={"delimiter": " "})
        return "# graph-tool %s, %d OpenMP threads" % (gt.__version__.split()[0], gt.openmp_get_num_threads())
    def sfdp():
        from graph_tool.draw import sfdp_layout  # graph_tool.all leaves it out without cairo
        gt.seed_rng(42)  # sfdp starts from random positions: the same ones every run
        pos = sfdp_layout(g["g"])
        name = g["g"].vp["name"]  # load_graph_from_csv numbers vertices by first appearance
        write_positions((name[v], pos[v][0], pos[v][1]) for v in g["g"].vertices())
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
    def fr():
        coords = g["g"].layout_fruchterman_reingold()
        write_positions((v, x, y) for v, (x, y) in enumerate(coords.coords))  # ids are the indices
    return [("load", load),
            ("betweenness", lambda: g["g"].betweenness() and None),
            ("closeness", lambda: g["g"].closeness() and None),
            ("pagerank", lambda: g["g"].pagerank() and None),
            ("eigenvector", lambda: g["g"].eigenvector_centrality() and None),
            ("components", lambda: g["g"].connected_components() and None),
            ("communities", leiden),
            ("layout", fr)]


def networkx_ops(path):
    import networkx as nx
    g = {}
    def load():
        g["g"] = nx.read_edgelist(path, nodetype=int)
        return "# networkx %s" % nx.__version__
    def louvain():
        parts = nx.community.louvain_communities(g["g"], seed=0)
        return "# networkx communities: Louvain, Q %.4f" % nx.community.modularity(g["g"], parts)
    def spring():
        pos = nx.spring_layout(g["g"], seed=0)
        write_positions((v, x, y) for v, (x, y) in pos.items())
    return [("load", load),
            ("betweenness", lambda: nx.betweenness_centrality(g["g"]) and None),
            ("closeness", lambda: nx.closeness_centrality(g["g"]) and None),
            ("pagerank", lambda: nx.pagerank(g["g"], weight=None) and None),
            ("eigenvector", lambda: nx.eigenvector_centrality(g["g"], max_iter=1000) and None),
            ("components", lambda: nx.number_connected_components(g["g"]) and None),
            ("communities", louvain),
            ("layout", spring)]


if __name__ == "__main__":
    if sys.argv[1] == "stress":
        value, count = stress(sys.argv[2], sys.argv[3])
        print("stress %.4f" % value)
        print("# normalised stress on %d sampled pairs" % count)
        sys.exit(0)
    peer, path = sys.argv[1], sys.argv[2]
    skip = set()
    rest = sys.argv[3:]
    while len(rest) >= 2:
        if rest[0] == "--skip":
            skip = set(rest[1].split(","))
        elif rest[0] == "--positions":
            POSITIONS = rest[1]
        rest = rest[2:]
    ops = {"graph-tool": graph_tool_ops, "igraph": igraph_ops, "networkx": networkx_ops}[peer](path)
    for name, fn in ops:
        if name in skip:
            continue
        t0 = time.perf_counter()
        remark = fn()
        print(f"{name} {(time.perf_counter() - t0) * 1000.0:.1f}", flush=True)
        if remark:
            print(remark, flush=True)
