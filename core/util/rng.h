#pragma once
/// @file rng.h
/// A small portable random generator: the same seed gives the same numbers on every machine
/// and compiler (std::uniform_int_distribution and std::shuffle do not promise that).

#include <cstdint>
#include <utility>
#include <vector>

namespace poisonlab {

/// SplitMix64 (Steele, Lea, Flood 2014): fast, 64-bit state, fully specified output.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform integer in [0, bound), unbiased (rejection sampling). bound must be > 0.
  std::uint64_t below(std::uint64_t bound) {
    const std::uint64_t limit = ~std::uint64_t(0) - (~std::uint64_t(0) % bound);
    std::uint64_t x;
    do {
      x = next();
    } while (x >= limit);
    return x % bound;
  }
  /// Uniform double in [0, 1) with 53 random bits.
  double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }

 private:
  std::uint64_t state_;
};

/// Picks `k` distinct elements of `items` uniformly at random (partial Fisher-Yates), in the
/// order drawn.
template <typename T>
std::vector<T> sampleWithoutReplacement(std::vector<T> items, std::size_t k, Rng& rng) {
  for (std::size_t i = 0; i < k && i < items.size(); ++i) {
    const std::size_t j = i + static_cast<std::size_t>(rng.below(items.size() - i));
    std::swap(items[i], items[j]);
  }
  items.resize(std::min(k, items.size()));
  return items;
}

}  // namespace poisonlab
