// The open document of the viewer: the coalition, where each member is drawn (its layout, saved
// with it), and the undoable edits made to it. Panels and keys change it only through the edits
// below; the view (viz/view.hpp) and the scene (viz/scene.hpp) read it. Headless: no OpenGL,
// GLFW or ImGui (tests/viz/test_app_state.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/model/coalition_layout.hpp"
#include "core/model/coalition.hpp"

namespace wijknet::viz {

// Undoable edits. Each records what it needs to be applied and reverted.
struct SetNodeEdit { std::size_t index; Node before, after; };
struct AddNodeEdit { Node node; Vec2 position; };  // appended; undo removes the last node
struct RemoveNodeEdit {
  std::size_t index;
  Node node;
  Vec2 position;
  bool pinned = false;
  std::vector<std::pair<std::size_t, Edge>> edges;  // the ties it had, at their old indices, ascending
};
struct AddEdgeEdit { Edge edge; };  // appended
struct RemoveEdgeEdit { std::size_t index; Edge edge; };
struct SetEdgeEdit { std::size_t index; Edge before, after; };
struct MoveEdit {
  std::vector<std::size_t> nodes;
  std::vector<Vec2> before, after;
  std::vector<std::uint8_t> pinned_before, pinned_after;
};
struct GroupEdit;
using Edit = std::variant<SetNodeEdit, AddNodeEdit, RemoveNodeEdit, AddEdgeEdit, RemoveEdgeEdit, SetEdgeEdit, MoveEdit,
                          GroupEdit>;
struct GroupEdit { std::vector<Edit> edits; };

// A node inserted (delta +1) or erased (delta -1) at `index`: references to nodes by index held
// elsewhere (the view's selection) shift by it.
struct Renumber {
  std::size_t index = 0;
  int delta = 0;
};

class Document {
 public:
  Document();

  // Replaces the document. Positions come from its stored layout where complete, else from
  // seed positions (the caller runs the layout). Clears the history.
  void load(Coalition coalition, std::string path = {});
  // Writes the document with the current positions as its layout; atomic (write_coalition
  // writes a temporary file and renames it). Returns false with error() set on failure.
  bool save(const std::string& path, bool anonymize = false);
  const Coalition& coalition() const { return doc_; }
  const std::string& path() const { return path_; }
  bool dirty() const { return dirty_; }
  // The document holds work not in its file (restored from a recovery file).
  void mark_unsaved() { dirty_ = true; }
  // The last edit's or file operation's failure ("" when none).
  const std::string& error() const { return error_; }
  void set_error(std::string e) { error_ = std::move(e); }
  void clear_error() { error_.clear(); }
  // Whether the document arrived with a position for every node (a GEXF or saved layout).
  bool layout_complete_on_load() const { return layout_complete_; }
  std::size_t node_count() const { return doc_.nodes.size(); }

  // ---- positions and the layout ----
  const std::vector<Vec2>& positions() const { return pos_; }
  const std::vector<std::uint8_t>& pinned() const { return pinned_; }
  std::uint64_t positions_version() const { return positions_version_; }
  std::uint64_t pins_version() const { return pins_version_; }
  // Replaces all positions (a layout snapshot). Pinned or dragged nodes keep their own.
  void set_positions(const std::vector<Vec2>& p);
  // Connects the layout worker: structural edits restart it, moves and pins are forwarded.
  void attach_layout(LayoutWorker* worker) { layout_ = worker; }
  // A ForceLayout over the current document, positions and pins.
  ForceLayout make_layout() const;
  // Hands the worker a fresh layout (after load or a structural edit); runs it when `run`.
  void restart_layout(bool run);
  // Copies the worker's latest snapshot into positions; returns whether anything changed.
  bool sync_layout();
  // Writes the positions into the document's layout (done by save()).
  void store_positions_in_document();
  // Layout status the state dump reports, kept up to date by sync_layout().
  bool layout_running = false;
  std::size_t layout_iterations = 0;

  // ---- edits (undoable) ----
  void set_label(std::size_t i, std::string label);
  void set_kind(std::size_t i, std::string kind);
  void set_sector(std::size_t i, std::string sector);
  void set_themes(std::size_t i, std::vector<std::string> themes);
  void set_attrs(std::size_t i, Json attrs);
  void set_role(std::size_t i, std::string role);
  // Replaces node i whole (ids included); returns false (error() set) for an id in use.
  bool set_node(std::size_t i, Node node);
  // Adds a node at `where` (world); returns its index, or nullopt (error() set) for a bad id.
  std::optional<std::size_t> add_node(Node node, Vec2 where);
  void remove_nodes(std::vector<std::size_t> nodes);
  std::optional<std::size_t> add_edge(Edge edge);
  void remove_edge(std::size_t e);
  // Replaces tie e whole (its ends must exist); returns false (error() set) otherwise.
  bool set_edge(std::size_t e, Edge edge);
  void set_edge_weight(std::size_t e, double weight);
  // Moves node i to world point p. During a drag call it every frame with `final` false, then
  // once with `final` true: only the final call becomes one undo step (from the drag's start).
  void move_node(std::size_t i, Vec2 p, bool pin, bool final = true);
  void set_pinned(std::size_t i, bool pin);
  void unpin_all();
  // Edits made between begin_group() and end_group() become one undo step (an applied what-if,
  // a candidate with its ties). Groups do not nest.
  void begin_group();
  void end_group();
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  bool undo();
  bool redo();
  std::size_t undo_depth() const { return undo_.size(); }
  std::size_t redo_depth() const { return redo_.size(); }

  // Counts every change of the document's content (load, edit, undo, redo; not moves), so the
  // background jobs know when their answers are out of date.
  std::uint64_t content_version() const { return content_version_; }
  // Counts changes of who is tied to whom (load, nodes or ties added, removed or changed):
  // vertex numbers and measures of an older version no longer fit.
  std::uint64_t structure_version() const { return structure_version_; }
  // Nodes inserted or erased since the last call, in order (AppState shifts the view's
  // references by them). A queue of events, not content: taking them leaves the document as it is.
  std::vector<Renumber> take_renumbers() const { return std::exchange(renumbers_, {}); }

  // Document, pins, positions by id, layout status and history, for --dump-state.
  Json dump() const;

 private:
  void apply(const Edit& e, bool forward);
  void push(Edit e);    // applies and records
  void record(Edit e);  // records an edit already applied
  void insert_node_at(std::size_t index, Node node, Vec2 p, bool pinned);
  void erase_node_at(std::size_t index);

  Coalition doc_;
  std::string path_, error_;
  bool dirty_ = false, layout_complete_ = false;
  std::vector<Vec2> pos_;
  std::vector<std::uint8_t> pinned_;
  std::uint64_t positions_version_ = 0, pins_version_ = 0;
  LayoutWorker* layout_ = nullptr;
  std::uint64_t layout_generation_ = 0;
  std::vector<Vec2> fetched_;
  std::optional<std::size_t> dragging_;
  std::optional<MoveEdit> drag_start_;
  std::vector<Edit> undo_, redo_;
  std::optional<GroupEdit> group_;
  std::uint64_t content_version_ = 1, structure_version_ = 1;
  mutable std::vector<Renumber> renumbers_;
};

}  // namespace wijknet::viz
