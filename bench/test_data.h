#pragma once
// Random images for benchmarks that measure compute, not data.
#include "core/data/dataset.h"
#include "core/util/rng.h"

namespace poisonlab::bench {

inline Split randomSplit(std::size_t n) {
  Split s;
  s.resize(n);
  Rng rng(7);
  for (auto& v : s.images) v = static_cast<std::uint8_t>(rng.next());
  for (auto& l : s.labels) l = static_cast<std::uint8_t>(rng.below(10));
  return s;
}

}  // namespace poisonlab::bench
