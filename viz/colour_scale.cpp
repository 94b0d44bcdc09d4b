#include "viz/colour_scale.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace wijknet::viz {

ScaleKind scale_kind(Metric m) {
  switch (m) {
    case Metric::degree:
    case Metric::betweenness:
    case Metric::eigenvector:
    case Metric::pagerank:
    case Metric::effective_size: return ScaleKind::rank;
    case Metric::closeness:
    case Metric::clustering:
    case Metric::core:
    case Metric::constraint: break;
  }
  return ScaleKind::linear;
}

ColourScale::ColourScale(ScaleKind kind, const std::vector<double>& values) : kind_(kind) {
  for (double v : values)
    if (std::isfinite(v)) sorted_.push_back(v);
  std::sort(sorted_.begin(), sorted_.end());
}

double ColourScale::position(double v) const {
  if (!std::isfinite(v) || sorted_.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double lo = sorted_.front(), hi = sorted_.back();
  if (kind_ == ScaleKind::linear || sorted_.size() == 1) {
    if (!(hi > lo)) return 0.5;
    return std::clamp((v - lo) / (hi - lo), 0.0, 1.0);
  }
  const auto first = std::lower_bound(sorted_.begin(), sorted_.end(), v) - sorted_.begin();
  auto last = std::upper_bound(sorted_.begin(), sorted_.end(), v) - sorted_.begin();
  if (last == first) return std::clamp(double(first) / double(sorted_.size() - 1), 0.0, 1.0);  // not one of the values
  const double mid = (double(first) + double(last - 1)) / 2;
  return mid / double(sorted_.size() - 1);
}

double ColourScale::value_at(double t) const {
  if (sorted_.empty()) return std::numeric_limits<double>::quiet_NaN();
  t = std::clamp(t, 0.0, 1.0);
  if (kind_ == ScaleKind::linear) return sorted_.front() + t * (sorted_.back() - sorted_.front());
  return sorted_[std::size_t(std::lround(t * double(sorted_.size() - 1)))];
}

}  // namespace wijknet::viz
