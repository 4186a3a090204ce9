#include "core/detect/confident_learning.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "core/util/error.h"

namespace poisonlab {

ConfidentJoint confidentJoint(const std::vector<float>& probs, const std::vector<int>& labels,
                              int classes) {
  const std::size_t n = labels.size(), k = static_cast<std::size_t>(classes);
  if (classes < 2 || probs.size() != n * k)
    throw Error("confident learning: " + std::to_string(probs.size()) + " probabilities for " +
                std::to_string(n) + " samples of " + std::to_string(classes) + " classes");
  ConfidentJoint cj;
  cj.thresholds.assign(k, 0.0);
  std::vector<std::size_t> perClass(k, 0);
  for (std::size_t s = 0; s < n; ++s) {
    const int l = labels[s];
    if (l < 0 || l >= classes)
      throw Error("confident learning: sample " + std::to_string(s) + " has label " +
                  std::to_string(l));
    cj.thresholds[static_cast<std::size_t>(l)] += probs[s * k + static_cast<std::size_t>(l)];
    ++perClass[static_cast<std::size_t>(l)];
  }
  for (std::size_t j = 0; j < k; ++j)
    cj.thresholds[j] = perClass[j] ? cj.thresholds[j] / double(perClass[j]) : 1.0;
  cj.counts.assign(k, std::vector<long>(k, 0));
  cj.confidentClass.assign(n, -1);
  for (std::size_t s = 0; s < n; ++s) {
    const float* p = probs.data() + s * k;
    int best = -1;
    for (std::size_t j = 0; j < k; ++j)
      if (p[j] >= cj.thresholds[j] && (best < 0 || p[j] > p[best])) best = static_cast<int>(j);
    cj.confidentClass[s] = best;
    if (best >= 0) ++cj.counts[static_cast<std::size_t>(labels[s])][static_cast<std::size_t>(best)];
  }
  // Calibration (Northcutt et al., eq. 2): each row to the number of samples with that label,
  // then the whole to a joint distribution.
  cj.calibrated.assign(k, std::vector<double>(k, 0.0));
  double total = 0;
  for (std::size_t i = 0; i < k; ++i) {
    const double row = double(std::accumulate(cj.counts[i].begin(), cj.counts[i].end(), 0L));
    if (row <= 0) continue;
    for (std::size_t j = 0; j < k; ++j) {
      cj.calibrated[i][j] = double(cj.counts[i][j]) / row * double(perClass[i]);
      total += cj.calibrated[i][j];
    }
  }
  if (total > 0)
    for (auto& r : cj.calibrated)
      for (double& v : r) v /= total;
  return cj;
}

LabelIssues findLabelIssues(const std::vector<float>& probs, const std::vector<int>& labels,
                            int classes, const ConfidentJoint& cj) {
  const std::size_t n = labels.size(), k = static_cast<std::size_t>(classes);
  LabelIssues out;
  out.issue.assign(n, 0);
  out.selfConfidence.resize(n);
  out.margin.resize(n);
  std::vector<std::vector<std::size_t>> byLabel(k);
  for (std::size_t s = 0; s < n; ++s) {
    const float* p = probs.data() + s * k;
    const std::size_t l = static_cast<std::size_t>(labels[s]);
    out.selfConfidence[s] = p[l];
    double other = -1;
    for (std::size_t j = 0; j < k; ++j)
      if (j != l) other = std::max(other, double(p[j]));
    out.margin[s] = other - p[l];
    byLabel[l].push_back(s);
  }
  // Prune by noise rate: from the samples labelled i, the round(n Q[i][j]) with the largest
  // p(j) - p(i), for each j != i.
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      if (i == j) continue;
      auto want = static_cast<std::size_t>(std::llround(double(n) * cj.calibrated[i][j]));
      want = std::min(want, byLabel[i].size());
      out.estimatedErrors += want;
      if (want == 0) continue;
      std::vector<std::size_t> cand = byLabel[i];
      auto marginJ = [&](std::size_t s) { return double(probs[s * k + j]) - probs[s * k + i]; };
      std::partial_sort(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(want), cand.end(),
                        [&](std::size_t a, std::size_t b) {
                          const double ma = marginJ(a), mb = marginJ(b);
                          return ma != mb ? ma > mb : a < b;
                        });
      for (std::size_t t = 0; t < want; ++t) out.issue[cand[t]] = 1;
    }
  }
  // As cleanlab does after pruning (its find_label_issues), a sample the model predicts as
  // its given label is not an issue.
  for (std::size_t s = 0; s < n; ++s) {
    const float* p = probs.data() + s * k;
    const auto argmax = static_cast<int>(std::max_element(p, p + k) - p);
    if (argmax == labels[s]) out.issue[s] = 0;
    if (out.issue[s]) out.ranked.push_back(s);
  }
  std::stable_sort(out.ranked.begin(), out.ranked.end(), [&](std::size_t a, std::size_t b) {
    return out.selfConfidence[a] < out.selfConfidence[b];
  });
  return out;
}

}  // namespace poisonlab
