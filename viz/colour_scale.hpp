// How a measure's values map onto the colour ramp of the map and its legend.
//
// A measure like betweenness or degree is skewed: in a network of 5,000 members a handful have
// nearly all of it and the rest almost none, so a ramp from the smallest to the largest value
// paints everyone but the hubs in the lowest colour and the legend's middle stops name values
// nobody has. For such measures the position on the ramp is the member's rank (the share of
// members with a lower value; equal values share the middle of their ranks), so every colour is
// used about as often and the legend's stops are the quartiles: the values a coordinator can
// compare a member with. Bounded, evenly spread measures (closeness, clustering, k-core,
// constraint) keep the linear ramp, where equal differences look equally different.
// Headless; used by AppState's styles and legend (tests/viz/test_colour_scale.cpp).
#pragma once

#include <vector>

#include "viz/app_state.hpp"

namespace wijknet::viz {

enum class ScaleKind { linear, rank };

// rank for the skewed measures: degree, betweenness, eigenvector, PageRank, effective size;
// linear for closeness, clustering, k-core and constraint.
ScaleKind scale_kind(Metric m);

class ColourScale {
 public:
  // Over `values` (NaN and infinities are left out). O(n log n).
  ColourScale(ScaleKind kind, const std::vector<double>& values);
  ScaleKind kind() const { return kind_; }
  // Whether any value is finite (else there is nothing to colour or to put in a legend).
  bool empty() const { return sorted_.empty(); }
  // Where `v` sits on the ramp, in [0, 1]; NaN for NaN. Linear: (v - min) / (max - min), 0.5 when
  // all values are equal. Rank: the mean of the 0-based ranks the value occupies among the sorted
  // values, divided by n - 1 (0.5 for a single value). O(log n).
  double position(double v) const;
  // The value at ramp position t in [0, 1] (a legend stop). Linear: min + t (max - min). Rank:
  // the sorted value at index round(t (n - 1)), the t-quantile. O(1).
  double value_at(double t) const;

 private:
  ScaleKind kind_;
  std::vector<double> sorted_;
};

}  // namespace wijknet::viz
