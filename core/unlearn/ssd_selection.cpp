#include "core/unlearn/ssd_selection.h"

#include <algorithm>
#include <filesystem>

#include "core/util/error.h"
#include "core/util/rng.h"
#include "core/util/stopwatch.h"

namespace poisonlab {
namespace {

namespace fs = std::filesystem;

/// Copies images `indices` of `from` into a new split (with their labels), each also mirrored
/// when `mirrored`.
Split gather(const Split& from, const std::vector<std::int64_t>& indices, bool mirrored) {
  Split s;
  s.resize(indices.size() * (mirrored ? 2 : 1));
  std::size_t k = 0;
  for (auto i : indices) {
    const std::uint8_t* src = from.image(static_cast<std::size_t>(i));
    for (int m = 0; m < (mirrored ? 2 : 1); ++m, ++k) {
      std::uint8_t* dst = s.image(k);
      std::copy(src, src + kImageBytes, dst);
      if (m == 1)
        for (int r = 0; r < kChannels * kImageSide; ++r)
          std::reverse(dst + r * kImageSide, dst + (r + 1) * kImageSide);
      s.labels[k] = from.labels[static_cast<std::size_t>(i)];
    }
  }
  return s;
}

/// Fraction of the images of `s` the model predicts as `label` (or, with label < 0, as their
/// own label).
double rate(const std::string& model, const Split& s, int label, const InferenceOptions& io) {
  if (s.count() == 0) return 0;
  const auto p = classProbabilities(model, s, {}, io);
  const std::size_t c = p.size() / s.count();
  std::size_t hits = 0;
  for (std::size_t i = 0; i < s.count(); ++i) {
    const auto pred =
        std::max_element(p.begin() + i * c, p.begin() + (i + 1) * c) - (p.begin() + i * c);
    hits += pred == (label < 0 ? s.labels[i] : label);
  }
  return double(hits) / double(s.count());
}

/// Clean-accuracy images: training images outside the forget set, as labelled.
Split cleanValidation(const PoisonedDataset& pd, const ForgetSet& forget, const SsdSelection& s,
                      bool excludePoisons) {
  std::vector<std::uint8_t> out(pd.train.count(), 0);
  for (auto i : forget.indices) out[static_cast<std::size_t>(i)] = 1;
  std::vector<std::int64_t> pool;
  for (std::size_t i = 0; i < pd.train.count(); ++i)
    if (!out[i] && !(excludePoisons && pd.poisonedMask[i]))
      pool.push_back(static_cast<std::int64_t>(i));
  Rng rng(s.seed ^ 0x5A11DULL);
  pool = sampleWithoutReplacement(pool, std::min(s.validation, pool.size()), rng);
  if (pool.empty()) throw Error("select: no training images left outside the forget set");
  return gather(pd.train, pool, false);
}

/// The oracle's backdoor images: non-poisoned source-class training images with the true
/// trigger stamped on (ground truth: analysis only).
Split oracleTriggered(const PoisonedDataset& pd, const ForgetSet& forget, const SsdSelection& s) {
  std::vector<std::uint8_t> out(pd.train.count(), 0);
  for (auto i : forget.indices) out[static_cast<std::size_t>(i)] = 1;
  std::vector<std::int64_t> source;
  for (std::size_t i = 0; i < pd.train.count(); ++i)
    if (!out[i] && !pd.poisonedMask[i] && pd.train.labels[i] == pd.spec.source)
      source.push_back(static_cast<std::int64_t>(i));
  Rng rng(s.seed ^ 0x0AC1EULL);
  source = sampleWithoutReplacement(source, std::min(s.triggeredValidation, source.size()), rng);
  if (source.empty()) throw Error("select: no source-class images for the oracle validation");
  Split t = gather(pd.train, source, false);
  for (std::size_t k = 0; k < t.count(); ++k) pd.trigger.apply(t.image(k), k);
  return t;
}

/// One fold of the forget set: its held-out images and the importances of the rest.
struct Fold {
  Split heldOut;
  Importances importances;
};

std::vector<Fold> makeFolds(const std::string& model, const PoisonedDataset& pd,
                            const ForgetSet& forget, const SsdSelection& s,
                            const FisherOptions& fisher, const ProgressFn& progress,
                            const CancelToken* cancel) {
  const std::size_t n = forget.indices.size();
  if (n < 2) throw Error("select: the forget set needs at least 2 samples to hold some out");
  const int k = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(s.folds), n));
  Rng rng(s.seed ^ 0xF01D5ULL);
  const auto order = sampleWithoutReplacement(forget.indices, n, rng);
  const bool mirrored = fisher.orientation != Orientation::AsIs;
  std::vector<Fold> folds(static_cast<std::size_t>(k));
  for (int f = 0; f < k; ++f) {
    std::vector<std::int64_t> held, rest;
    for (std::size_t j = 0; j < n; ++j)
      (int(j % std::size_t(k)) == f ? held : rest).push_back(order[j]);
    std::sort(rest.begin(), rest.end());
    folds[static_cast<std::size_t>(f)].heldOut = gather(pd.train, held, mirrored);
    folds[static_cast<std::size_t>(f)].importances = fisherImportances(
        model, pd.train, rest, fisher,
        [&](double x, const std::string&) {
          report(progress, 0.3 * (f + x) / k, "importances without fold " + std::to_string(f + 1));
        },
        cancel);
  }
  return folds;
}

/// The gentlest setting that meets the target; failing that, the lowest backdoor measure within
/// the accuracy budget; failing that, the best accuracy.
const SsdGridPoint& choose(const std::vector<SsdGridPoint>& grid, double baseAcc, double budget) {
  const SsdGridPoint* best = nullptr;
  auto within = [&](const SsdGridPoint& g) { return g.validationAccuracy >= baseAcc - budget; };
  auto better = [&](const SsdGridPoint& g) {
    if (!best) return true;
    if (g.meetsTarget != best->meetsTarget) return g.meetsTarget;
    if (g.meetsTarget)
      return g.dampened < best->dampened ||
             (g.dampened == best->dampened && g.validationAccuracy > best->validationAccuracy);
    if (within(g) != within(*best)) return within(g);
    if (within(g)) return g.validationBackdoor < best->validationBackdoor;
    return g.validationAccuracy > best->validationAccuracy;
  };
  for (const auto& g : grid)
    if (better(g)) best = &g;
  return *best;
}

}  // namespace

SsdSelectionResult selectSsd(const std::string& model, const PoisonedDataset& pd,
                             const ForgetSet& forget, const Importances& full,
                             const Importances& forgetImp, const SsdOptions& base,
                             const SsdSelection& s, const FisherOptions& fisher,
                             const InferenceOptions& io, const std::string& scratchDir,
                             const ProgressFn& progress, const CancelToken* cancel) {
  const auto start = Clock::now();
  if (s.alphas.empty() || s.lambdas.empty()) throw Error("select: empty alpha or lambda grid");
  if (s.folds < 2 && !s.oracle) throw Error("folds: must be at least 2");
  SsdSelectionResult res;
  res.mode = s.oracle ? "oracle" : "held-out-forget";
  res.backdoorMeasure =
      s.oracle ? "oracle: ASR of non-poisoned source-class training images with the true trigger"
               : "held-out forget samples still predicted as their training label";
  const Split clean = cleanValidation(pd, forget, s, /*excludePoisons=*/s.oracle);
  std::vector<Fold> folds;
  Split triggered;
  if (s.oracle)
    triggered = oracleTriggered(pd, forget, s);
  else
    folds = makeFolds(model, pd, forget, s, fisher, progress, cancel);
  res.validationImages = clean.count();
  res.folds = static_cast<int>(folds.size());
  for (const auto& f : folds) res.backdoorImages += f.heldOut.count();
  if (s.oracle) res.backdoorImages = triggered.count();

  // The backdoor measure of a candidate: held-out fit over all folds, or the oracle's ASR.
  const std::string candidate = (fs::path(scratchDir) / "candidate.pt").string();
  auto backdoor = [&](const SsdOptions* o) {
    if (s.oracle) return rate(o ? candidate : model, triggered, pd.spec.target, io);
    double fitted = 0;
    for (const auto& f : folds) {
      if (o) dampen(model, candidate, full, f.importances, *o);
      fitted += rate(o ? candidate : model, f.heldOut, -1, io) * double(f.heldOut.count());
    }
    return fitted / double(res.backdoorImages);
  };
  res.accuracyBefore = rate(model, clean, -1, io);
  res.backdoorBefore = backdoor(nullptr);
  std::size_t step = 0;
  const double steps = double(s.alphas.size() * s.lambdas.size());
  for (double a : s.alphas)
    for (double l : s.lambdas) {
      if (cancel) cancel->throwIfCancelled();
      SsdOptions o = base;
      o.alpha = a;
      o.lambda = l;
      SsdGridPoint g;
      g.alpha = a;
      g.lambda = l;
      g.dampened = dampen(model, candidate, full, forgetImp, o).selected;
      g.validationAccuracy = rate(candidate, clean, -1, io);
      g.validationBackdoor = backdoor(&o);  // oracle: the candidate above; else per fold
      g.meetsTarget = g.validationBackdoor <= s.target &&
                      g.validationAccuracy >= res.accuracyBefore - s.accuracyBudget;
      res.grid.push_back(g);
      report(progress, 0.3 + 0.7 * double(++step) / steps, "choosing alpha and lambda");
    }
  std::error_code ec;
  fs::remove(candidate, ec);
  const SsdGridPoint& best = choose(res.grid, res.accuracyBefore, s.accuracyBudget);
  res.chosen = base;
  res.chosen.alpha = best.alpha;
  res.chosen.lambda = best.lambda;
  res.targetMet = best.meetsTarget;
  res.seconds = since(start);
  return res;
}

}  // namespace poisonlab
