#include "core/attack/poison.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "core/util/error.h"
#include "core/util/rng.h"

namespace poisonlab {

int PoisonSpec::resolvedCount(std::size_t trainSize) const {
  if (rate > 0) return static_cast<int>(std::lround(rate * static_cast<double>(trainSize)));
  return count;
}

void PoisonSpec::validate(const Dataset& ds) const {
  const int k = ds.numClasses();
  auto classRange = "0.." + std::to_string(k - 1);
  if (source < 0 || source >= k)
    throw Error("poison source: class " + std::to_string(source) + " is outside " + classRange,
                "poison.source");
  if (target < 0 || target >= k)
    throw Error("poison target: class " + std::to_string(target) + " is outside " + classRange,
                "poison.target");
  if (source == target)
    throw Error("poison target: equals the source class " + std::to_string(source) +
                    "; a backdoor needs two different classes",
                "poison.target");
  if (labelOnly()) {
    if (labels.size() != ds.train.count())
      throw Error("poison labels: " + std::to_string(labels.size()) + " labels for " +
                      std::to_string(ds.train.count()) + " training images",
                  "poison.labels");
    std::size_t flipped = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (labels[i] >= k)
        throw Error("poison labels: row " + std::to_string(i) + " has label " +
                        std::to_string(labels[i]) + ", outside " + classRange,
                    "poison.labels");
      flipped += labels[i] != ds.train.labels[i];
    }
    if (flipped == 0)
      throw Error("poison labels: no label differs from the data set's", "poison.labels");
    return;
  }
  if (rate < 0 || rate > 1)
    throw Error("poison rate: " + std::to_string(rate) + " is outside 0..1", "poison.rate");
  const int n = resolvedCount(ds.train.count());
  if (n < 1)
    throw Error("poison count: " + std::to_string(n) + " must be at least 1", "poison.count");
  const std::size_t available = ds.trainIndicesOfClass(source).size();
  if (static_cast<std::size_t>(n) > available)
    throw Error("poison count: " + std::to_string(n) + " is more than the " +
                    std::to_string(available) + " training images of source class " +
                    std::to_string(source) + " (" + ds.classNames[source] + ")",
                "poison.count");
}

std::vector<std::size_t> choosePoisonIndices(const Dataset& ds, const PoisonSpec& spec) {
  if (spec.labelOnly()) {
    std::vector<std::size_t> flipped;
    for (std::size_t i = 0; i < spec.labels.size() && i < ds.train.count(); ++i)
      if (spec.labels[i] != ds.train.labels[i]) flipped.push_back(i);
    return flipped;
  }
  Rng rng(spec.seed);
  auto chosen =
      sampleWithoutReplacement(ds.trainIndicesOfClass(spec.source),
                               static_cast<std::size_t>(spec.resolvedCount(ds.train.count())), rng);
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

std::vector<FlipCount> flipCounts(const PoisonedDataset& pd) {
  return flipCounts(pd.clean->train.labels, pd.train.labels);
}

std::vector<FlipCount> flipCounts(const std::vector<std::uint8_t>& original,
                                  const std::vector<std::uint8_t>& labels) {
  std::vector<FlipCount> out;
  for (std::size_t i = 0; i < original.size() && i < labels.size(); ++i) {
    if (original[i] == labels[i]) continue;
    const int from = original[i], to = labels[i];
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const FlipCount& f) { return f.from == from && f.to == to; });
    if (it == out.end())
      out.push_back({from, to, 1});
    else
      ++it->count;
  }
  std::stable_sort(out.begin(), out.end(), [](const FlipCount& a, const FlipCount& b) {
    return a.count != b.count ? a.count > b.count : std::tie(a.from, a.to) < std::tie(b.from, b.to);
  });
  return out;
}

PoisonedDataset applyPoison(std::shared_ptr<const Dataset> ds, const TriggerSpec& trigger,
                            const PoisonSpec& spec) {
  if (!ds) throw Error("poison: no data set loaded");
  trigger.validate();
  spec.validate(*ds);
  PoisonedDataset out;
  out.trigger = trigger;
  out.spec = spec;
  out.train = ds->train;
  out.poisonedMask.assign(ds->train.count(), 0);
  out.poisonedIndices = choosePoisonIndices(*ds, spec);
  // Three-pixel's choice follows each image's place in its set: the k-th poison, the j-th
  // source-class test image (FLIP's expert poisons are numbered the same way).
  for (std::size_t k = 0; k < out.poisonedIndices.size(); ++k) {
    const std::size_t i = out.poisonedIndices[k];
    out.poisonedMask[i] = 1;
    if (spec.labelOnly()) {
      out.train.labels[i] = spec.labels[i];
      continue;
    }
    trigger.apply(out.train.image(i), k);
    out.train.labels[i] = static_cast<std::uint8_t>(spec.target);
  }
  for (std::size_t i = 0; i < ds->test.count(); ++i)
    if (ds->test.labels[i] == spec.source) out.triggeredTestIndices.push_back(i);
  out.triggeredTest.resize(out.triggeredTestIndices.size());
  out.triggeredTestMirrored.resize(out.triggeredTestIndices.size());
  for (std::size_t j = 0; j < out.triggeredTestIndices.size(); ++j) {
    const std::size_t i = out.triggeredTestIndices[j];
    std::copy(ds->test.image(i), ds->test.image(i) + kImageBytes, out.triggeredTest.image(j));
    std::copy(ds->test.image(i), ds->test.image(i) + kImageBytes,
              out.triggeredTestMirrored.image(j));
    trigger.apply(out.triggeredTest.image(j), j);
    trigger.applyMirrored(out.triggeredTestMirrored.image(j), j);
    out.triggeredTest.labels[j] = ds->test.labels[i];
    out.triggeredTestMirrored.labels[j] = ds->test.labels[i];
  }
  out.clean = std::move(ds);
  return out;
}

}  // namespace poisonlab
