// The candidate registry of `wijknet suggest --candidates` and `wijknet report --candidates`
// (importers/registry.hpp, shared with the viewer).
#pragma once

#include "importers/registry.hpp"

namespace wijknet::cli {

using wijknet::read_registry;

}  // namespace wijknet::cli
