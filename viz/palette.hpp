// The viewer's names for the one palette of core/present/palette.hpp (colours by kind, sector,
// community and metric), so that screen, SVG and report agree.
#pragma once

#include "core/present/palette.hpp"

namespace wijknet::viz {

using wijknet::background_color;
using wijknet::community_color;
using wijknet::darker;
using wijknet::kind_color;
using wijknet::label_color;
using wijknet::mix;
using wijknet::ramp_color;
using wijknet::Rgba;
using wijknet::sector_color;
using wijknet::selection_color;
using wijknet::with_alpha;

}  // namespace wijknet::viz
