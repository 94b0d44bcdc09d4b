// The pictures and the HTML report, headless: escaping, determinism and what they contain.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/assess/health.hpp"
#include "core/present/report_html.hpp"
#include "core/present/svg_render.hpp"
#include "tests/core/test_health_fixtures.hpp"

using namespace wijknet;

TEST_CASE("network_svg: escaped labels, legend of what is present, deterministic") {
  Coalition c = test::healthy_coalition();
  c.nodes[*c.find("gemeente")].label = "Gemeente <Den> Haag & Co";
  const auto pos = network_positions(c, 200);
  REQUIRE(pos.size() == c.nodes.size());
  SvgOptions o;
  o.lang = Lang::nl;
  o.title = "Test";
  const std::string svg = network_svg(c, pos, o);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find("Gemeente &lt;Den&gt; Haag &amp; Co") != std::string::npos);
  CHECK(svg.find("Gemeente <Den>") == std::string::npos);
  CHECK(svg.find(">woningcorporaties<") != std::string::npos);  // a sector present, in Dutch
  CHECK(svg.find(">veiligheid<") == std::string::npos);          // a sector absent
  CHECK(svg.find(">wijkmakelaar<") != std::string::npos);        // the broker's ring in the legend
  CHECK(svg.find("stroke=\"#ff8c00\"") != std::string::npos);
  CHECK(svg == network_svg(c, network_positions(c, 200), o));
  // A stored layout is used as it is.
  Coalition laid = c;
  for (std::size_t i = 0; i < laid.nodes.size(); ++i) laid.layout[laid.nodes[i].id] = {double(i), double(i % 3)};
  const auto stored = network_positions(laid, 200);
  CHECK(stored[4].x == 4.0);
  CHECK(stored[4].y == 1.0);
}

TEST_CASE("portfolio_svg: one numbered dot per rated project, pearls ringed") {
  const Coalition c = test::healthy_coalition();
  const Portfolio p = assess_portfolio(c, test::test_date());
  const std::string svg = portfolio_svg(c, p, Lang::en);
  std::size_t dots = 0;
  for (auto at = svg.find("fill=\"#34495e\""); at != std::string::npos; at = svg.find("fill=\"#34495e\"", at + 1)) ++dots;
  CHECK(dots == p.rated);
  std::size_t rings = 0;
  for (auto at = svg.find("stroke=\"#e6be00\""); at != std::string::npos; at = svg.find("stroke=\"#e6be00\"", at + 1)) ++rings;
  CHECK(rings == p.pearls);
  CHECK(svg.find(">Effort<") != std::string::npos);
}

TEST_CASE("report_html: every indicator, the pictures, the suggestions; nothing unescaped") {
  Coalition c = test::star_coalition();
  c.nodes[*c.find("corporatie")].label = "<script>alert(1)</script>";
  ReportOptions o;
  o.lang = Lang::en;
  o.at = test::test_date();
  o.source = "star.json";
  const std::string html = report_html(c, o);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
  for (auto id : indicator_ids) CHECK(html.find("id=\"ind-" + std::string(id) + "\"") != std::string::npos);
  CHECK(std::count(html.begin(), html.end(), '\n') > 40);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("Effort-impact matrix") != std::string::npos);
  CHECK(html.find("Broker succession") != std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html == report_html(c, o));  // deterministic
}
