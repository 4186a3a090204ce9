#include "core/detection_metrics.h"

#include <algorithm>
#include <numeric>

#include "core/error.h"

namespace poisonlab {

DetectionMetrics detectionMetrics(const std::vector<double>& scores,
                                  const std::vector<std::uint8_t>& flagged,
                                  const std::vector<std::uint8_t>& poisoned, std::size_t k) {
  if (scores.size() != poisoned.size() || flagged.size() != poisoned.size())
    throw Error("detection metrics: scores (" + std::to_string(scores.size()) + "), flags (" +
                std::to_string(flagged.size()) + ") and ground truth (" +
                std::to_string(poisoned.size()) + ") differ in length");
  DetectionMetrics m;
  const std::size_t n = poisoned.size();
  m.samples = n;
  for (std::size_t i = 0; i < n; ++i) {
    m.poisons += poisoned[i] != 0;
    m.flagged += flagged[i] != 0;
    m.truePositives += poisoned[i] && flagged[i];
  }
  m.precision = m.flagged ? double(m.truePositives) / double(m.flagged) : 0.0;
  m.recall = m.poisons ? double(m.truePositives) / double(m.poisons) : 0.0;
  m.f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0.0;

  // Order by score, highest first; walk groups of equal scores.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  const std::size_t negatives = n - m.poisons;
  double aucSum = 0;  // sum over groups: positives x (negatives ranked below + half the tied ones)
  double ap = 0;
  std::size_t seenPos = 0, seenNeg = 0;
  m.k = k ? std::min(k, n) : m.poisons;
  double posInTopK = 0;
  for (std::size_t g = 0; g < n;) {
    std::size_t e = g;
    std::size_t pos = 0;
    while (e < n && scores[order[e]] == scores[order[g]]) pos += poisoned[order[e++]] != 0;
    const std::size_t neg = (e - g) - pos;
    aucSum += double(pos) * (double(negatives - seenNeg - neg) + 0.5 * double(neg));
    // Average precision: a tied group is one step of the precision-recall curve.
    if (pos > 0 && m.poisons > 0)
      ap += (double(pos) / double(m.poisons)) * (double(seenPos + pos) / double(e));
    // Recall at k: a group straddling position k counts its poisons in proportion.
    if (g < m.k) {
      const std::size_t take = std::min(e, m.k) - g;
      posInTopK += double(pos) * double(take) / double(e - g);
    }
    seenPos += pos;
    seenNeg += neg;
    g = e;
  }
  m.auroc = (m.poisons && negatives) ? aucSum / (double(m.poisons) * double(negatives)) : 0.5;
  m.averagePrecision = ap;
  m.recallAtK = m.poisons ? posInTopK / double(m.poisons) : 0.0;
  return m;
}

}  // namespace poisonlab
