#include "viz/document.hpp"

#include <algorithm>
#include <functional>
#include <thread>

#include "importers/io.hpp"

namespace wijknet::viz {
namespace {

constexpr std::size_t max_history = 500;

template <class T>
void insert_at(std::vector<T>& v, std::size_t i, T x) {
  v.insert(v.begin() + std::ptrdiff_t(std::min(i, v.size())), std::move(x));
}

template <class T>
void erase_at(std::vector<T>& v, std::size_t i) {
  if (i < v.size()) v.erase(v.begin() + std::ptrdiff_t(i));
}

}  // namespace

Document::Document() { load(Coalition{}); }

void Document::load(Coalition coalition, std::string path) {
  doc_ = std::move(coalition);
  path_ = std::move(path);
  dirty_ = false;
  pos_ = initial_positions(doc_, &layout_complete_);
  pinned_.assign(doc_.nodes.size(), 0);
  ++positions_version_;
  ++pins_version_;
  dragging_.reset();
  drag_start_.reset();
  undo_.clear();
  redo_.clear();
  group_.reset();
  renumbers_.clear();
  ++content_version_;
  ++structure_version_;
}

void Document::store_positions_in_document() { store_layout(doc_, pos_); }

bool Document::save(const std::string& path, bool anonymize) {
  try {
    store_positions_in_document();
    write_coalition(doc_, path, WriteOptions{.anonymize = anonymize});
    if (!anonymize) {
      path_ = path;
      dirty_ = false;
    }
    error_.clear();
    return true;
  } catch (const std::exception& e) {
    error_ = e.what();
    return false;
  }
}

// ---------------------------------------------------------------------------------- layout

void Document::set_positions(const std::vector<Vec2>& p) {
  if (p.size() != pos_.size()) return;
  for (std::size_t i = 0; i < p.size(); ++i) {
    // Pinned and dragged nodes are where the user put them; a snapshot taken before the
    // worker saw the move must not pull them back for a frame.
    if (pinned_[i] || (dragging_ && *dragging_ == i)) continue;
    pos_[i] = p[i];
  }
  ++positions_version_;
}

ForceLayout Document::make_layout() const {
  LayoutSettings settings = LayoutSettings::for_size(pos_.size());
  // The window keeps a core: the layout's force pass takes the others (one on two cores), so a
  // software renderer's threads and the window's own do not wait for it.
  settings.threads = std::max(2u, std::thread::hardware_concurrency()) - 1;  // 0 when unknown: one
  ForceLayout layout(pos_, layout_ties(doc_), settings);
  for (std::size_t i = 0; i < pinned_.size(); ++i)
    if (pinned_[i]) layout.set_pinned(i, true);
  return layout;
}

void Document::restart_layout(bool run) {
  if (!layout_) return;
  layout_->reset(make_layout(), run);
  layout_generation_ = 0;
  layout_running = run;
}

bool Document::sync_layout() {
  if (!layout_) return false;
  layout_running = layout_->running();
  layout_iterations = layout_->iterations();
  if (!layout_->fetch(fetched_, layout_generation_)) return false;
  if (fetched_.size() != pos_.size()) return false;
  set_positions(fetched_);
  return true;
}

// ---------------------------------------------------------------------------------- history

void Document::record(Edit e) {
  if (group_) {
    group_->edits.push_back(std::move(e));
    return;
  }
  undo_.push_back(std::move(e));
  if (undo_.size() > max_history) undo_.erase(undo_.begin());
  redo_.clear();
  dirty_ = true;
}

void Document::push(Edit e) {
  apply(e, true);
  record(std::move(e));
}

void Document::begin_group() {
  if (!group_) group_ = GroupEdit{};
}

void Document::end_group() {
  if (!group_) return;
  GroupEdit g = std::move(*group_);
  group_.reset();
  if (g.edits.empty()) return;
  if (g.edits.size() == 1) record(std::move(g.edits.front()));
  else record(std::move(g));
}

bool Document::undo() {
  if (undo_.empty()) return false;
  Edit e = std::move(undo_.back());
  undo_.pop_back();
  apply(e, false);
  redo_.push_back(std::move(e));
  dirty_ = true;
  return true;
}

bool Document::redo() {
  if (redo_.empty()) return false;
  Edit e = std::move(redo_.back());
  redo_.pop_back();
  apply(e, true);
  undo_.push_back(std::move(e));
  dirty_ = true;
  return true;
}

void Document::insert_node_at(std::size_t index, Node node, Vec2 p, bool pinned) {
  insert_at(doc_.nodes, index, std::move(node));
  for (auto& e : doc_.edges) {
    if (e.source >= index) ++e.source;
    if (e.target >= index) ++e.target;
  }
  insert_at(pos_, index, p);
  insert_at(pinned_, index, std::uint8_t(pinned ? 1 : 0));
  renumbers_.push_back({index, +1});
  doc_.reindex();
  ++positions_version_;
  ++pins_version_;
  ++structure_version_;
}

void Document::erase_node_at(std::size_t index) {
  erase_at(doc_.nodes, index);
  for (auto& e : doc_.edges) {
    if (e.source > index) --e.source;
    if (e.target > index) --e.target;
  }
  erase_at(pos_, index);
  erase_at(pinned_, index);
  renumbers_.push_back({index, -1});
  if (dragging_ && *dragging_ == index) dragging_.reset();
  doc_.reindex();
  ++positions_version_;
  ++pins_version_;
  ++structure_version_;
}

void Document::apply(const Edit& edit, bool forward) {
  std::visit(
      [&](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, SetNodeEdit>) {
          doc_.nodes[e.index] = forward ? e.after : e.before;
          if (e.before.id != e.after.id) doc_.reindex();
          // Who is in the network at a date, and whether as a member or a project, changes the
          // measures as much as a new tie does.
          if (e.before.kind != e.after.kind || e.before.since != e.after.since || e.before.until != e.after.until)
            ++structure_version_;
        } else if constexpr (std::is_same_v<T, AddNodeEdit>) {
          if (forward) insert_node_at(doc_.nodes.size(), e.node, e.position, false);
          else erase_node_at(doc_.nodes.size() - 1);
        } else if constexpr (std::is_same_v<T, RemoveNodeEdit>) {
          if (forward) {
            for (auto it = e.edges.rbegin(); it != e.edges.rend(); ++it) erase_at(doc_.edges, it->first);
            erase_node_at(e.index);
          } else {
            insert_node_at(e.index, e.node, e.position, e.pinned);
            for (const auto& [at, edge] : e.edges) insert_at(doc_.edges, at, edge);
          }
        } else if constexpr (std::is_same_v<T, AddEdgeEdit>) {
          if (forward) doc_.edges.push_back(e.edge);
          else doc_.edges.pop_back();
          ++structure_version_;
        } else if constexpr (std::is_same_v<T, RemoveEdgeEdit>) {
          if (forward) erase_at(doc_.edges, e.index);
          else insert_at(doc_.edges, e.index, e.edge);
          ++structure_version_;
        } else if constexpr (std::is_same_v<T, SetEdgeEdit>) {
          doc_.edges[e.index] = forward ? e.after : e.before;
          ++structure_version_;
        } else if constexpr (std::is_same_v<T, MoveEdit>) {
          for (std::size_t k = 0; k < e.nodes.size(); ++k) {
            std::size_t i = e.nodes[k];
            if (i >= pos_.size()) continue;
            pos_[i] = forward ? e.after[k] : e.before[k];
            pinned_[i] = forward ? e.pinned_after[k] : e.pinned_before[k];
            if (layout_) layout_->move(i, pos_[i], pinned_[i] != 0);
          }
          ++positions_version_;
          ++pins_version_;
        } else if constexpr (std::is_same_v<T, GroupEdit>) {
          if (forward)
            for (const auto& x : e.edits) apply(x, true);
          else
            for (auto it = e.edits.rbegin(); it != e.edits.rend(); ++it) apply(*it, false);
        }
      },
      edit);
  if (!std::holds_alternative<MoveEdit>(edit)) ++content_version_;
  // A structural edit renumbers the layout's vertices: hand the worker a fresh simulation.
  if (layout_ && !std::holds_alternative<MoveEdit>(edit) && !std::holds_alternative<SetNodeEdit>(edit))
    restart_layout(layout_->running());
}

// ---------------------------------------------------------------------------------- edits

bool Document::set_node(std::size_t i, Node node) {
  if (i >= doc_.nodes.size()) return false;
  if (node.id.empty()) {
    error_ = "empty id";
    return false;
  }
  if (node.id != doc_.nodes[i].id && doc_.find(node.id)) {
    error_ = "id '" + node.id + "' is already in use";
    return false;
  }
  push(SetNodeEdit{i, doc_.nodes[i], std::move(node)});
  return true;
}

namespace {
// Replaces one field of node i as one undoable edit, when it changes.
template <class T, class V>
void set_field(Document& d, std::size_t i, T Node::*field, V value) {
  const auto& nodes = d.coalition().nodes;
  if (i >= nodes.size() || nodes[i].*field == value) return;
  Node n = nodes[i];
  n.*field = T(std::move(value));
  d.set_node(i, std::move(n));
}
}  // namespace

void Document::set_label(std::size_t i, std::string label) { set_field(*this, i, &Node::label, std::move(label)); }
void Document::set_kind(std::size_t i, std::string kind) { set_field(*this, i, &Node::kind, std::move(kind)); }
void Document::set_sector(std::size_t i, std::string sector) { set_field(*this, i, &Node::sector, std::move(sector)); }
void Document::set_themes(std::size_t i, std::vector<std::string> themes) { set_field(*this, i, &Node::themes, std::move(themes)); }
void Document::set_attrs(std::size_t i, Json attrs) { set_field(*this, i, &Node::attrs, std::move(attrs)); }
void Document::set_role(std::size_t i, std::string role) { set_field(*this, i, &Node::role, std::move(role)); }

std::optional<std::size_t> Document::add_node(Node node, Vec2 where) {
  if (node.id.empty() || doc_.find(node.id)) {
    error_ = node.id.empty() ? "empty id" : "id '" + node.id + "' is already in use";
    return std::nullopt;
  }
  if (node.label.empty()) node.label = node.id;
  push(AddNodeEdit{std::move(node), where});
  return doc_.nodes.size() - 1;
}

void Document::remove_nodes(std::vector<std::size_t> nodes) {
  std::erase_if(nodes, [&](std::size_t i) { return i >= doc_.nodes.size(); });
  std::sort(nodes.begin(), nodes.end(), std::greater<>());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  if (nodes.empty()) return;
  GroupEdit group;
  // Highest index first, each captured just before it is applied, so every recorded edge index
  // is valid in the document as it stood at that moment.
  for (auto i : nodes) {
    RemoveNodeEdit r{i, doc_.nodes[i], pos_[i], pinned_[i] != 0, {}};
    for (std::size_t e = 0; e < doc_.edges.size(); ++e)
      if (doc_.edges[e].source == i || doc_.edges[e].target == i) r.edges.emplace_back(e, doc_.edges[e]);
    apply(r, true);
    group.edits.push_back(std::move(r));
  }
  if (group.edits.size() == 1) record(std::move(group.edits.front()));
  else record(std::move(group));
}

std::optional<std::size_t> Document::add_edge(Edge edge) {
  if (edge.source >= doc_.nodes.size() || edge.target >= doc_.nodes.size()) {
    error_ = "a tie needs two existing nodes";
    return std::nullopt;
  }
  if (edge.kind.empty()) edge.kind = "collaborates";
  push(AddEdgeEdit{std::move(edge)});
  return doc_.edges.size() - 1;
}

void Document::remove_edge(std::size_t e) {
  if (e >= doc_.edges.size()) return;
  push(RemoveEdgeEdit{e, doc_.edges[e]});
}

bool Document::set_edge(std::size_t e, Edge edge) {
  if (e >= doc_.edges.size() || edge.source >= doc_.nodes.size() || edge.target >= doc_.nodes.size()) {
    error_ = "a tie needs two existing nodes";
    return false;
  }
  push(SetEdgeEdit{e, doc_.edges[e], std::move(edge)});
  return true;
}

void Document::set_edge_weight(std::size_t e, double weight) {
  if (e >= doc_.edges.size() || doc_.edges[e].weight == weight) return;
  Edge after = doc_.edges[e];
  after.weight = weight;
  push(SetEdgeEdit{e, doc_.edges[e], std::move(after)});
}

void Document::move_node(std::size_t i, Vec2 p, bool pin, bool final) {
  if (i >= pos_.size()) return;
  if (!drag_start_ || drag_start_->nodes.front() != i)
    drag_start_ = MoveEdit{{i}, {pos_[i]}, {}, {pinned_[i]}, {}};
  if (!final) {
    dragging_ = i;
    pos_[i] = p;
    if (pinned_[i] != (pin ? 1 : 0)) ++pins_version_;
    pinned_[i] = pin ? 1 : 0;
    if (layout_) layout_->move(i, p, pin);
    ++positions_version_;
    return;
  }
  MoveEdit e = std::move(*drag_start_);
  drag_start_.reset();
  dragging_.reset();
  e.after = {p};
  e.pinned_after = {std::uint8_t(pin ? 1 : 0)};
  push(std::move(e));
}

void Document::set_pinned(std::size_t i, bool pin) {
  if (i >= pos_.size() || (pinned_[i] != 0) == pin) return;
  push(MoveEdit{{i}, {pos_[i]}, {pos_[i]}, {pinned_[i]}, {std::uint8_t(pin ? 1 : 0)}});
}

void Document::unpin_all() {
  MoveEdit e;
  for (std::size_t i = 0; i < pinned_.size(); ++i)
    if (pinned_[i]) {
      e.nodes.push_back(i);
      e.before.push_back(pos_[i]);
      e.after.push_back(pos_[i]);
      e.pinned_before.push_back(1);
      e.pinned_after.push_back(0);
    }
  if (!e.nodes.empty()) push(std::move(e));
}

// ---------------------------------------------------------------------------------- dump

Json Document::dump() const {
  Json j = Json::object();
  j["document"] = {{"path", path_}, {"name", doc_.name}, {"nodes", doc_.nodes.size()},
                   {"edges", doc_.edges.size()}, {"dirty", dirty_}};
  Json pins = Json::array();
  for (std::size_t i = 0; i < pinned_.size(); ++i)
    if (pinned_[i]) pins.push_back(doc_.nodes[i].id);
  j["pinned"] = pins;
  j["layout"] = {{"running", layout_running}, {"iterations", layout_iterations}};
  j["history"] = {{"undo", undo_.size()}, {"redo", redo_.size()}};
  Json positions = Json::object();
  for (std::size_t i = 0; i < pos_.size(); ++i) positions[doc_.nodes[i].id] = {pos_[i].x, pos_[i].y};
  j["positions"] = std::move(positions);
  return j;
}

}  // namespace wijknet::viz
