#include "core/detect/spectral.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace poisonlab {

std::size_t spectralBudget(std::size_t n, const SpectralOptions& o) {
  double k = o.percentile > 0 ? (1.0 - o.percentile / 100.0) * double(n) : 1.5 * o.eps * double(n);
  k = std::clamp(std::round(k), 0.0, double(n));
  return static_cast<std::size_t>(k);
}

std::vector<std::uint8_t> flagTop(const std::vector<double>& scores, std::size_t budget) {
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  budget = std::min(budget, scores.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(budget), order.end(),
                    [&](std::size_t a, std::size_t b) {
                      return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
                    });
  std::vector<std::uint8_t> flags(scores.size(), 0);
  for (std::size_t i = 0; i < budget; ++i) flags[order[i]] = 1;
  return flags;
}

}  // namespace poisonlab
