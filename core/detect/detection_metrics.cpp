#include "core/detect/detection_metrics.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>

#include "core/util/error.h"

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

namespace {
std::vector<double> ranks(const std::vector<double>& v) {
  std::vector<std::size_t> order(v.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return v[x] < v[y]; });
  std::vector<double> r(v.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    for (std::size_t k = i; k <= j; ++k) r[order[k]] = 0.5 * double(i + j);
    i = j + 1;
  }
  return r;
}
}  // namespace

double spearman(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size() || a.size() < 2) return std::nan("");
  const auto ra = ranks(a), rb = ranks(b);
  const double n = double(a.size()), mean = (n - 1) / 2;
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < ra.size(); ++i) {
    sab += (ra[i] - mean) * (rb[i] - mean);
    saa += (ra[i] - mean) * (ra[i] - mean);
    sbb += (rb[i] - mean) * (rb[i] - mean);
  }
  return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : std::nan("");
}

double jaccard(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
  std::size_t both = 0, either = 0;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    both += a[i] && b[i];
    either += a[i] || b[i];
  }
  return either ? double(both) / double(either) : 1.0;
}

double jaccard(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
  std::vector<std::size_t> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  const std::size_t either = a.size() + b.size() - common.size();
  return either ? double(common.size()) / double(either) : 1.0;
}

namespace {
/// (true positives, flagged) after each distinct score, from the highest down.
template <typename Fn>
void sweepThresholds(const std::vector<double>& scores, const std::vector<std::uint8_t>& poisoned,
                     Fn&& fn) {
  if (scores.size() != poisoned.size())
    throw Error("curve: scores and ground truth differ in length");
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  std::size_t tp = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    tp += poisoned[order[k]] != 0;
    if (k + 1 == order.size() || scores[order[k + 1]] != scores[order[k]]) fn(tp, k + 1);
  }
}
}  // namespace

std::vector<CurvePoint> rocCurve(const std::vector<double>& scores,
                                 const std::vector<std::uint8_t>& poisoned) {
  const std::size_t pos = static_cast<std::size_t>(
      std::count_if(poisoned.begin(), poisoned.end(), [](std::uint8_t p) { return p != 0; }));
  const std::size_t neg = poisoned.size() - pos;
  std::vector<CurvePoint> out{{0, 0}};
  sweepThresholds(scores, poisoned, [&](std::size_t tp, std::size_t flagged) {
    out.push_back({neg ? double(flagged - tp) / neg : 0.0, pos ? double(tp) / pos : 0.0});
  });
  if (out.back().x != 1 || out.back().y != 1) out.push_back({1, 1});
  return out;
}

std::vector<CurvePoint> precisionRecallCurve(const std::vector<double>& scores,
                                             const std::vector<std::uint8_t>& poisoned) {
  const std::size_t pos = static_cast<std::size_t>(
      std::count_if(poisoned.begin(), poisoned.end(), [](std::uint8_t p) { return p != 0; }));
  std::vector<CurvePoint> out;
  if (pos == 0) return out;
  sweepThresholds(scores, poisoned, [&](std::size_t tp, std::size_t flagged) {
    out.push_back({double(tp) / pos, double(tp) / flagged});
  });
  return out;
}

DetectionMetrics metricsAtThreshold(const std::vector<double>& scores,
                                    const std::vector<std::uint8_t>& poisoned, double threshold) {
  std::vector<std::uint8_t> flagged(scores.size());
  for (std::size_t i = 0; i < scores.size(); ++i) flagged[i] = scores[i] >= threshold;
  return detectionMetrics(scores, flagged, poisoned);
}

}  // namespace poisonlab
