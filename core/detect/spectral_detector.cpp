// Spectral Signatures as a detector: per class scores, budgets and the class that stands out.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/detect/detector_parts.h"
#include "core/util/error.h"
#include "core/util/rng.h"

namespace poisonlab::detail {

using nlohmann::json;

void runSpectral(const std::string& runDir, const std::string& model, const PoisonedDataset& pd,
                 const DetectRequest& r, DetectionReport& rep, Collector& col, ClassFigures& figs,
                 const ProgressFn& progress, const CancelToken* cancel) {
  const SpectralOptions& o = r.spectral;
  if (o.eps <= 0 || o.eps > 1) throw Error("eps: must be in (0, 1]");
  if (o.percentile < 0 || o.percentile >= 100) throw Error("percentile: must be in [0, 100)");
  auto& raw = col.column("raw_score");
  forEachClass(
      runDir, model, pd, rep.layer, o.classes, r.inference, r.exportFeatures, progress, cancel,
      rep.featureSeconds,
      [&](int c, const std::vector<std::int64_t>& idx, const std::vector<float>& rows,
          std::size_t d) {
        const SpectralClassScores s = spectralScores(rows.data(), idx.size(), d, o);
        const std::size_t budget = spectralBudget(idx.size(), o);
        const auto flags = flagTop(s.scores, budget);
        const double mean =
            std::accumulate(s.scores.begin(), s.scores.end(), 0.0) / double(idx.size());
        for (std::size_t k = 0; k < idx.size(); ++k) {
          const auto i = static_cast<std::size_t>(idx[k]);
          // Normalised by the class's mean score so that classes compare.
          col.score[i] = mean > 0 ? s.scores[k] / mean : 0.0;
          raw[i] = s.scores[k];
          col.flag[i] = flags[k];
          col.scored[i] = 1;
        }
        auto& f = figs[c];
        for (std::size_t j = 0; j < s.singular.size(); ++j)
          f.emplace_back("singular_" + std::to_string(j + 1), s.singular[j]);
        f.emplace_back("singular_ratio", s.singular.size() > 1 && s.singular[1] > 0
                                             ? s.singular[0] / s.singular[1]
                                             : 0.0);
        f.emplace_back("budget", double(budget));
        f.emplace_back("svd_iterations", s.iterations);
        f.emplace_back("score_mean", mean);
        f.emplace_back("score_median_over_mean", mean > 0 ? percentileOf(s.scores, 0.5) / mean : 0);
        f.emplace_back("score_p95_over_mean", mean > 0 ? percentileOf(s.scores, 0.95) / mean : 0);
        f.emplace_back("score_max_over_mean",
                       mean > 0 ? *std::max_element(s.scores.begin(), s.scores.end()) / mean : 0);
      });
  // The class whose top direction stands out most: where a researcher looks first.
  int suspect = -1;
  double best = 0;
  for (const auto& [c, f] : figs)
    for (const auto& [k, v] : f)
      if (k == "singular_ratio" && v > best) best = v, suspect = c;
  if (suspect >= 0) {
    rep.figures.emplace_back("most_separated_class", suspect);
    rep.figures.emplace_back("most_separated_ratio", best);
  }
  // The verdict on which class looks attacked: where the top direction's scores concentrate on
  // few samples. For a clean class the projections are roughly Gaussian, so the squared ones
  // follow chi-square(1), whose median is 0.455 of its mean (measured: 0.45-0.54 on clean
  // CIFAR-10 classes); a poisoned subpopulation takes the top direction and leaves most samples
  // near zero (0.11 on the 3x3-patch attack, where s1/s2 pointed at a clean class).
  int concentrated = -1;
  double lowest = 1e300;
  for (const auto& [c, f] : figs) {
    const double v = figureOf(f, "score_median_over_mean", 1e300);
    if (v < lowest) lowest = v, concentrated = c;
  }
  if (concentrated >= 0) {
    rep.figures.emplace_back("attacked_class", concentrated);
    rep.figures.emplace_back("attacked_class_median_over_mean", lowest);
  }
  json settings{{"layer", rep.layer},
                {"eps", o.eps},
                {"percentile", o.percentile},
                {"centred", o.centred},
                {"components", o.components},
                {"classes", o.classes},
                {"seed", o.seed}};
  rep.settingsJson = settings.dump();
}

}  // namespace poisonlab::detail
