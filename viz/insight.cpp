#include "viz/insight.hpp"

#include "core/model/coalition_network.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "core/text/utf8.hpp"
#include "importers/registry.hpp"

namespace wijknet::viz {

std::string_view missing_kind_id(MissingItem::Kind k) {
  switch (k) {
    case MissingItem::Kind::sectors: return "sectors";
    case MissingItem::Kind::candidate: return "candidate";
    case MissingItem::Kind::introduction: return "introduction";
    case MissingItem::Kind::successor: return "successor";
    case MissingItem::Kind::reconnect: return "reconnect";
  }
  return "";
}

namespace {

std::string label_of(const Coalition& c, const std::string& id) {
  const Node* n = c.node(id);
  return n && !n->label.empty() ? n->label : id;
}

// A node id for a new partner named `name`: lower case letters and digits joined by '-', made
// unique in `c` with a number.
std::string new_id(const Coalition& c, const std::string& name) {
  std::string id;
  for (unsigned char ch : name) {
    if (std::isalnum(ch)) id += char(std::tolower(ch));
    else if (!id.empty() && id.back() != '-') id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.empty()) id = "partner";
  std::string out = id;
  for (int k = 2; c.find(out); ++k) out = id + "-" + std::to_string(k);
  return out;
}

Json indicators_json(const HealthReport& r) {
  Json a = Json::array();
  for (const auto& ind : r.indicators)
    a.push_back({{"id", ind.id},
                 {"score", ind.score ? Json(round1(*ind.score)) : Json(nullptr)},
                 {"status", std::string(status_id(ind.status))}});
  return a;
}

}  // namespace

void add_collaboration(AppState& state, std::size_t i, std::size_t j) {
  Edge e;
  e.source = i;
  e.target = j;
  e.kind = "collaborates";
  state.doc().add_edge(std::move(e));
}

// ---------------------------------------------------------------------------------- jobs

Insight::Key Insight::key(const AppState& state, Lang lang) const {
  Key k;
  k.version = state.doc().content_version();
  k.registry = registry_version_;
  k.lang = lang;
  if (whatif_) k.scenario = scenario_;
  k.at = state.view().filters().at;
  return k;
}

JobRequest Insight::make_request(const AppState& state, Lang lang) const {
  JobRequest r;
  r.doc = state.document();
  r.version = state.doc().content_version();
  r.lang = lang;
  r.registry = registry_;
  r.registry_given = !registry_path_.empty();
  r.registry_version = registry_version_;
  if (whatif_) r.scenario = scenario_;
  r.at = state.view().filters().at;
  return r;
}

void Insight::update(AppState& state, Lang lang) {
  jobs_.poll();
  const Key k = key(state, lang);
  const bool allowed = state.doc().node_count() <= auto_limit || compute_requested_;
  if (allowed && (!asked_ || !(*asked_ == k))) {
    jobs_.request(make_request(state, lang));
    asked_ = k;
    compute_requested_ = false;
  }
  // The scenario's members muted on the map.
  std::vector<std::uint8_t> muted;
  if (whatif_ && !scenario_.removed.empty()) {
    muted.assign(state.doc().node_count(), 0);
    for (const auto& id : scenario_.removed)
      if (auto i = state.document().find(id)) muted[*i] = 1;
  }
  state.view().set_muted(std::move(muted));
}

void Insight::settle(AppState& state, Lang lang) {
  update(state, lang);
  jobs_.wait();
}

bool Insight::current(const AppState& state) const {
  const Answers* a = answers();
  if (!a || a->version != state.doc().content_version() || a->registry_version != registry_version_) return false;
  if (a->at != state.view().filters().at) return false;
  if (whatif_ != a->scenario.has_value()) return false;
  return !whatif_ || *a->scenario == scenario_;
}

bool Insight::waiting_for_request(const AppState& state) const {
  return !asked_ && state.doc().node_count() > auto_limit;
}

// ---------------------------------------------------------------------------------- what-if

void Insight::enter_whatif() {
  whatif_ = true;
  show_whatif = true;
}

void Insight::leave_whatif(AppState& state) {
  whatif_ = false;
  scenario_ = {};
  state.view().set_muted({});
}

void Insight::toggle_member(const std::string& id) {
  enter_whatif();
  auto it = std::find(scenario_.removed.begin(), scenario_.removed.end(), id);
  if (it != scenario_.removed.end()) scenario_.removed.erase(it);
  else scenario_.removed.push_back(id);
}

void Insight::add_tie(const std::string& a, const std::string& b) {
  if (a == b) return;
  enter_whatif();
  for (const auto& [x, y] : scenario_.added)
    if ((x == a && y == b) || (x == b && y == a)) return;
  scenario_.added.emplace_back(a, b);
}

void Insight::remove_tie(std::size_t k) {
  if (k < scenario_.added.size()) scenario_.added.erase(scenario_.added.begin() + std::ptrdiff_t(k));
}

bool Insight::apply_whatif(AppState& state) {
  const Coalition& doc = state.document();
  for (const auto& id : scenario_.removed)
    if (!doc.find(id)) return false;
  for (const auto& [a, b] : scenario_.added)
    if (!doc.find(a) || !doc.find(b)) return false;
  state.doc().begin_group();
  for (const auto& [a, b] : scenario_.added) add_collaboration(state, *state.document().find(a), *state.document().find(b));
  std::vector<std::size_t> remove;
  for (const auto& id : scenario_.removed) remove.push_back(*state.document().find(id));
  state.doc().remove_nodes(remove);
  state.doc().end_group();
  leave_whatif(state);
  return true;
}

const WhatIf* Insight::whatif(const AppState& state) const {
  if (!whatif_ || !current(state)) return nullptr;
  return answers()->whatif ? &*answers()->whatif : nullptr;
}

// ---------------------------------------------------------------------------------- dashboard

void Insight::highlight_indicator(AppState& state, const std::string& id) {
  preview_.reset();
  if (highlight_ == id) {
    highlight_.clear();
    return;
  }
  highlight_ = id;
  state.fly_to_nodes(highlighted(state));
}

std::vector<std::size_t> Insight::highlighted(const AppState& state) const {
  std::vector<std::size_t> out;
  const Answers* a = answers();
  if (!a) return out;
  std::vector<std::string> ids;
  if (!highlight_.empty()) {
    if (const auto* ind = a->health.find(highlight_)) ids = ind->nodes;
  } else if (preview_) {
    auto items = missing_items(state);
    if (*preview_ < items.size()) ids = items[*preview_].nodes;
  }
  for (const auto& id : ids)
    if (auto i = state.document().find(id)) out.push_back(*i);
  return out;
}

std::optional<std::string> Insight::broker_id(const AppState& state) const {
  for (const auto& n : state.document().nodes)
    if (n.is_broker()) return n.id;
  if (const Answers* a = answers())
    if (const auto* ind = a->health.find("broker_dependency"); ind && !ind->nodes.empty()) return ind->nodes.front();
  return std::nullopt;
}

// ---------------------------------------------------------------------------------- missing partners

bool Insight::open_registry(const std::string& path) {
  try {
    registry_ = read_registry(path);
    registry_path_ = path;
    registry_error_.clear();
    ++registry_version_;
    preview_.reset();
    return true;
  } catch (const std::exception& e) {
    registry_error_ = e.what();
    return false;
  }
}

std::vector<MissingItem> Insight::missing_items(const AppState& state) const {
  std::vector<MissingItem> out;
  const Answers* a = answers();
  if (!a) return out;
  const Coalition& doc = state.document();
  const Suggestions& s = a->suggestions;
  const Lang lang = a->lang;
  for (std::size_t k = 0; k < s.missing_sectors.size(); ++k) {
    const auto& m = s.missing_sectors[k];
    MissingItem it{MissingItem::Kind::sectors, k, {}, m.reason, m.members, false};
    std::string names;
    for (const auto& sec : m.sectors) names += (names.empty() ? "" : ", ") + sector_name(lang, sec);
    if (m.theme.empty()) it.title = names;
    else {
      const Theme* t = nullptr;
      for (const auto& th : doc.themes)
        if (th.id == m.theme) t = &th;
      it.title = (t && !t->label.empty() ? t->label : m.theme) + ": " + names;
    }
    out.push_back(std::move(it));
  }
  for (std::size_t k = 0; k < s.candidates.size(); ++k) {
    const auto& c = s.candidates[k];
    out.push_back({MissingItem::Kind::candidate, k, c.name, c.reason, c.known_members, true});
  }
  auto intro = [&](MissingItem::Kind kind, std::size_t k, const Introduction& in) {
    return MissingItem{kind, k, label_of(doc, in.a) + " + " + label_of(doc, in.b), in.reason, {in.a, in.b}, true};
  };
  for (std::size_t k = 0; k < s.introductions.size(); ++k)
    out.push_back(intro(MissingItem::Kind::introduction, k, s.introductions[k]));
  if (s.succession) {
    const auto& su = *s.succession;
    for (std::size_t k = 0; k < su.successors.size(); ++k)
      out.push_back({MissingItem::Kind::successor, k, label_of(doc, su.successors[k].id), su.successors[k].reason,
                     {su.successors[k].id, su.leaving}, false});
    for (std::size_t k = 0; k < su.reconnect.size(); ++k) out.push_back(intro(MissingItem::Kind::reconnect, k, su.reconnect[k]));
  }
  return out;
}

void Insight::preview(AppState& state, std::size_t k) {
  highlight_.clear();
  if (preview_ == k) {
    preview_.reset();
    return;
  }
  preview_ = k;
  state.fly_to_nodes(highlighted(state));
}

Ghost Insight::ghost(const AppState& state) const {
  Ghost g;
  const Answers* a = answers();
  if (!a || !preview_) return g;
  auto items = missing_items(state);
  if (*preview_ >= items.size()) return g;
  const MissingItem& it = items[*preview_];
  const Coalition& doc = state.document();
  if (it.kind == MissingItem::Kind::candidate) {
    g.node = true;
    g.label = it.title;
    Vec2 sum{0, 0};
    for (const auto& id : it.nodes)
      if (auto i = doc.find(id)) {
        g.ties_to.push_back(*i);
        sum.x += state.doc().positions()[*i].x, sum.y += state.doc().positions()[*i].y;
      }
    if (!g.ties_to.empty()) {
      const double n = double(g.ties_to.size());
      // Beside its acquaintances, a little off their centre so a single one is not covered.
      g.at = {sum.x / n + 40 / std::max(state.view().camera().zoom, 1e-9), sum.y / n + 30 / std::max(state.view().camera().zoom, 1e-9)};
    } else {
      g.at = state.view().camera().center;
    }
  } else if (it.kind == MissingItem::Kind::introduction || it.kind == MissingItem::Kind::reconnect) {
    auto x = doc.find(it.nodes[0]), y = doc.find(it.nodes[1]);
    if (x && y) g.ties.emplace_back(*x, *y);
  }
  return g;
}

std::string Insight::accept(AppState& state, std::size_t k, Lang lang) {
  auto items = missing_items(state);
  if (k >= items.size() || !items[k].can_add) return {};
  const MissingItem it = items[k];
  const Answers* a = answers();
  std::string status;
  if (it.kind == MissingItem::Kind::candidate) {
    const auto& c = a->suggestions.candidates[it.index];
    Node n;
    n.id = new_id(state.document(), c.name);
    n.label = c.name;
    n.kind = "partner";
    n.sector = c.sector;
    // The registry names themes by id or by label.
    for (const auto& t : registry_) {
      if (t.name != c.name) continue;
      for (const auto& th : t.themes)
        for (const auto& dt : state.document().themes)
          if (ascii_lower(dt.id) == ascii_lower(th) || ascii_lower(dt.label) == ascii_lower(th)) n.themes.push_back(dt.id);
    }
    const Ghost g = ghost(state);
    state.doc().begin_group();
    auto i = state.doc().add_node(n, preview_ == k ? g.at : state.view().camera().center);
    if (i)
      for (const auto& id : c.known_members)
        if (auto j = state.document().find(id)) add_collaboration(state, *i, *j);
    state.doc().end_group();
    if (!i) return {};
    status = tr(lang, "missing_panel.added_partner", {c.name});
  } else {
    auto x = state.document().find(it.nodes[0]), y = state.document().find(it.nodes[1]);
    if (!x || !y) return {};
    add_collaboration(state, *x, *y);
    status = tr(lang, "missing_panel.added_tie", {it.title});
  }
  preview_.reset();
  return status;
}

// ---------------------------------------------------------------------------------- dump

Json Insight::dump(const AppState& state) const {
  Json j = Json::object();
  const Answers* a = answers();
  j["current"] = current(state);
  j["whatif_mode"] = whatif_;
  if (show_health) {
    Json h = Json::object();
    if (a) {
      h["score"] = a->health.score ? Json(round1(*a->health.score)) : Json(nullptr);
      h["status"] = std::string(status_id(a->health.overall_status()));
      h["indicators"] = indicators_json(a->health);
      h["network"] = std::string(scope_id(NetworkScope::actors));  // what the panel names under the indicators
      h["at"] = a->health.at.str();  // the date the answers are of (`wijknet health --at`)
    }
    h["highlighted"] = highlight_;
    Json ids = Json::array();
    for (auto i : highlighted(state)) ids.push_back(state.document().nodes[i].id);
    h["highlighted_nodes"] = ids;
    j["health"] = h;
  }
  if (show_whatif) {
    Json w = Json::object();
    w["active"] = whatif_;
    w["removed"] = scenario_.removed;
    Json added = Json::array();
    for (const auto& [x, y] : scenario_.added) added.push_back({x, y});
    w["added"] = added;
    if (const WhatIf* wi = whatif(state)) {
      const Json full = whatif_json(*wi);
      for (const char* key : {"before", "after", "breaks", "summary"}) w[key] = full[key];
    }
    if (a && !a->error.empty()) w["error"] = a->error;
    j["whatif"] = w;
  }
  if (show_missing) {
    Json m = Json::object();
    m["registry"] = registry_path_;
    Json items = Json::array();
    for (const auto& it : missing_items(state))
      items.push_back({{"kind", std::string(missing_kind_id(it.kind))}, {"title", it.title}, {"reason", it.reason},
                       {"nodes", it.nodes}, {"can_add", it.can_add}});
    m["items"] = items;
    m["previewed"] = preview_ ? Json(*preview_) : Json(nullptr);
    j["missing"] = m;
  }
  return j;
}

}  // namespace wijknet::viz
