// The inspector's typed fields without a window (viz/attribute_fields.hpp): which fields a member
// or tie gets, how the user's text becomes the document's value, and how a bad value is refused
// in the user's language. Every expected value is written out by hand. With AppState: one edit
// is one undo step.
#include <doctest/doctest.h>

#include "tests/viz/fixtures.hpp"
#include "viz/app_state.hpp"
#include "viz/attribute_fields.hpp"

using namespace wijknet;
using namespace wijknet::viz;

namespace {
const FieldSpec effort{"effort", FieldType::rating}, budget{"budget", FieldType::amount}, status{"status", FieldType::status};
const std::vector<FieldSpec> project_fields = {
    {"effort", FieldType::rating}, {"impact", FieldType::rating}, {"budget", FieldType::amount}, {"status", FieldType::status}};
}  // namespace

TEST_CASE("fields: a project gets effort, impact, budget and status; a funds tie its amount; others none") {
  Node project;
  project.kind = "project";
  const auto f = node_fields(project);
  REQUIRE(f.size() == 4);
  CHECK(f[0].key == "effort");
  CHECK(f[0].type == FieldType::rating);
  CHECK(f[1].key == "impact");
  CHECK(f[2].key == "budget");
  CHECK(f[2].type == FieldType::amount);
  CHECK(f[3].key == "status");
  CHECK(f[3].type == FieldType::status);
  Node partner;
  partner.kind = "partner";
  CHECK(node_fields(partner).empty());
  Edge funds;
  funds.kind = "funds";
  REQUIRE(edge_fields(funds).size() == 1);
  CHECK(edge_fields(funds)[0].key == "amount");
  Edge tie;
  tie.kind = "collaborates";
  CHECK(edge_fields(tie).empty());
}

TEST_CASE("fields: a budget is read as a Dutch user writes it and shown in the user's notation") {
  const Json attrs = {{"effort", 2}};
  auto e = set_field(attrs, budget, "183.000", Lang::nl);
  REQUIRE(e.ok());
  CHECK(e.attrs["budget"] == 183000);
  CHECK(e.attrs["effort"] == 2);  // the rest untouched
  e = set_field(attrs, budget, "\xE2\x82\xAC 183.000,-", Lang::nl);
  REQUIRE(e.ok());
  CHECK(e.attrs["budget"] == 183000);
  e = set_field(attrs, budget, "1.250,50", Lang::nl);
  REQUIRE(e.ok());
  CHECK(e.attrs["budget"].get<double>() == doctest::Approx(1250.5));
  CHECK(field_text({{"budget", 183000}}, budget, Lang::nl) == "183.000");
  CHECK(field_text({{"budget", 183000}}, budget, Lang::en) == "183,000");
  CHECK(field_text({{"budget", 1250.5}}, budget, Lang::nl) == "1.250,50");
  // A budget written as text in the document is read the same way.
  CHECK(field_text({{"budget", "\xE2\x82\xAC 5.000"}}, budget, Lang::en) == "5,000");
  // Refused, in the user's language, never with a parser's message.
  e = set_field(attrs, budget, "veel", Lang::nl);
  CHECK_FALSE(e.ok());
  CHECK(e.error == "Begroting (\xE2\x82\xAC): \"veel\" is geen bedrag. Schrijf bijvoorbeeld 183.000 of \xE2\x82\xAC 183.000,-.");
  e = set_field(attrs, budget, "-5", Lang::en);
  CHECK_FALSE(e.ok());
  CHECK(e.error.find("is not an amount") != std::string::npos);
  // Empty: no budget.
  e = set_field({{"budget", 5}}, budget, "  ", Lang::nl);
  REQUIRE(e.ok());
  CHECK_FALSE(e.attrs.contains("budget"));
}

TEST_CASE("fields: effort is 1..5 or not rated; 6 is refused") {
  auto e = set_field({{"effort", 2}}, effort, "4", Lang::nl);
  REQUIRE(e.ok());
  CHECK(e.attrs["effort"] == 4);
  CHECK(e.attrs["effort"].is_number_integer());
  e = set_field(Json::object(), effort, "3,5", Lang::nl);
  REQUIRE(e.ok());
  CHECK(e.attrs["effort"].get<double>() == 3.5);
  e = set_field({{"effort", 2}}, effort, "6", Lang::nl);
  CHECK_FALSE(e.ok());
  CHECK(e.error == "Inspanning is een getal van 1 tot en met 5, niet \"6\".");
  e = set_field({{"effort", 2}}, effort, "0", Lang::en);
  CHECK(e.error == "Effort is a number from 1 to 5, not \"0\".");
  e = set_field({{"effort", 2}}, effort, "", Lang::en);  // not rated
  REQUIRE(e.ok());
  CHECK_FALSE(e.attrs.contains("effort"));
  CHECK(field_text({{"effort", 3.5}}, effort, Lang::nl) == "3,5");
  CHECK(field_text({{"effort", "4"}}, effort, Lang::nl) == "4");
  CHECK(field_rating({{"effort", 7}}, "effort") == std::nullopt);
}

TEST_CASE("fields: a status is one of core's words or the document's own") {
  auto e = set_field({{"status", "running"}}, status, "completed", Lang::nl);
  REQUIRE(e.ok());
  CHECK(e.attrs["status"] == "completed");
  CHECK(status_title(Lang::nl, "completed") == "afgerond");
  CHECK(status_title(Lang::en, "running") == "running");
  CHECK(status_title(Lang::nl, "in voorbereiding") == "in voorbereiding");  // kept as written
  CHECK(field_text({{"status", "in voorbereiding"}}, status, Lang::nl) == "in voorbereiding");
}

TEST_CASE("fields: since and until are dates; until before since is refused") {
  const auto since = Date::parse("2016-06-01");
  auto d = set_date(since, std::nullopt, "until", "2019-07-01", Lang::nl);
  REQUIRE(d.ok());
  CHECK(d.until->str() == "2019-07-01");
  CHECK(d.since->str() == "2016-06-01");
  d = set_date(since, std::nullopt, "until", "2015-01-01", Lang::nl);
  CHECK_FALSE(d.ok());
  CHECK(d.error == "\"Tot\" (2015-01-01) moet na \"Sinds\" (2016-06-01) liggen.");
  CHECK_FALSE(d.until);  // unchanged
  d = set_date(since, Date::parse("2019-07-01"), "since", "2020", Lang::en);  // since after until
  CHECK_FALSE(d.ok());
  CHECK(d.error == "\"Until\" (2019-07-01) must be after \"Since\" (2020).");
  CHECK(d.since->str() == "2016-06-01");
  d = set_date(since, std::nullopt, "since", "1 juni 2016", Lang::nl);
  CHECK_FALSE(d.ok());
  CHECK(d.error == "Sinds: \"1 juni 2016\" is geen datum. Schrijf JJJJ-MM-DD, JJJJ-MM of JJJJ.");
  d = set_date(since, std::nullopt, "since", "2015-02-30", Lang::en);  // no such day
  CHECK_FALSE(d.ok());
  d = set_date(since, std::nullopt, "since", "2015-07", Lang::en);
  REQUIRE(d.ok());
  CHECK(d.since->str() == "2015-07");
  d = set_date(since, Date::parse("2019"), "since", "", Lang::en);  // cleared
  REQUIRE(d.ok());
  CHECK_FALSE(d.since);
  CHECK(date_text(d.until) == "2019");
}

TEST_CASE("fields: free attributes are rows: edited keeping their kind, renamed in place, added, removed") {
  const Json attrs = {{"effort", 2}, {"note", "Eerste keer"}, {"size", 12}, {"active", true}, {"tags", {"a", "b"}}};
  CHECK(free_keys(attrs, project_fields) == std::vector<std::string>{"note", "size", "active", "tags"});
  CHECK(free_text(attrs["size"], Lang::nl) == "12");
  CHECK(free_text(Json(0.25), Lang::nl) == "0,25");
  CHECK(free_text(attrs["active"], Lang::nl) == "ja");
  CHECK(free_text(attrs["tags"], Lang::nl) == "[\"a\",\"b\"]");
  CHECK_FALSE(free_editable(attrs["tags"]));
  auto e = set_free(attrs, project_fields, "size", "1.500", false, Lang::nl);
  REQUIRE(e.ok());
  CHECK(e.attrs["size"] == 1500);
  e = set_free(attrs, project_fields, "size", "groot", false, Lang::nl);
  CHECK(e.error == "size is een getal, niet \"groot\".");
  e = set_free(attrs, project_fields, "active", "nee", false, Lang::nl);
  REQUIRE(e.ok());
  CHECK(e.attrs["active"] == false);
  e = set_free(attrs, project_fields, "note", "Tweede keer", false, Lang::nl);
  CHECK(e.attrs["note"] == "Tweede keer");
  e = set_free(attrs, project_fields, "contact", "Fatima", true, Lang::nl);
  REQUIRE(e.ok());
  CHECK(e.attrs["contact"] == "Fatima");
  CHECK(e.attrs.size() == 6);
  e = set_free(attrs, project_fields, "note", "x", true, Lang::en);
  CHECK(e.error == "There already is an attribute \"note\".");
  e = set_free(attrs, project_fields, "effort", "9", true, Lang::en);  // a typed field has its own widget
  CHECK(e.error == "\"effort\" has its own field above.");
  e = set_free(attrs, project_fields, " ", "x", true, Lang::nl);
  CHECK(e.error == "Geef het kenmerk een naam.");
  e = rename_free(attrs, project_fields, "note", "opmerking", Lang::nl);
  REQUIRE(e.ok());
  CHECK(free_keys(e.attrs, project_fields) == std::vector<std::string>{"opmerking", "size", "active", "tags"});
  CHECK(e.attrs["opmerking"] == "Eerste keer");
  e = rename_free(attrs, project_fields, "note", "size", Lang::nl);
  CHECK_FALSE(e.ok());
  e = remove_free(attrs, "tags");
  CHECK_FALSE(e.attrs.contains("tags"));
  CHECK(e.attrs.size() == 4);
}

TEST_CASE("fields: an edit through AppState is one undo step; a tie's dates too") {
  AppState s;
  s.load(test::small_coalition());
  const auto p = *s.document().find("p-portiek");
  const std::size_t depth = s.doc().undo_depth();
  auto e = set_field(s.document().nodes[p].attrs, effort, "4", Lang::nl);
  REQUIRE(e.ok());
  s.doc().set_attrs(p, e.attrs);
  CHECK(s.document().nodes[p].attrs["effort"] == 4);
  CHECK(s.doc().undo_depth() == depth + 1);
  REQUIRE(s.doc().undo());
  CHECK_FALSE(s.document().nodes[p].attrs.contains("effort"));
  // A tie's period: set_edge, one step.
  const Edge before = s.document().edges[0];
  auto d = set_date(before.since, before.until, "until", "2030-01-01", Lang::nl);
  REQUIRE(d.ok());
  Edge after = before;
  after.until = d.until;
  s.doc().set_edge(0, after);
  CHECK(s.document().edges[0].until->str() == "2030-01-01");
  CHECK(s.doc().undo_depth() == depth + 1);
  REQUIRE(s.doc().undo());
  CHECK(s.document().edges[0].until == before.until);
}
