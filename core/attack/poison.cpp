#include "core/attack/poison.h"

#include <algorithm>
#include <cmath>

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
  Rng rng(spec.seed);
  auto chosen =
      sampleWithoutReplacement(ds.trainIndicesOfClass(spec.source),
                               static_cast<std::size_t>(spec.resolvedCount(ds.train.count())), rng);
  std::sort(chosen.begin(), chosen.end());
  return chosen;
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
  for (std::size_t i : out.poisonedIndices) {
    trigger.apply(out.train.image(i));
    out.train.labels[i] = static_cast<std::uint8_t>(spec.target);
    out.poisonedMask[i] = 1;
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
    trigger.apply(out.triggeredTest.image(j));
    trigger.applyMirrored(out.triggeredTestMirrored.image(j));
    out.triggeredTest.labels[j] = ds->test.labels[i];
    out.triggeredTestMirrored.labels[j] = ds->test.labels[i];
  }
  out.clean = std::move(ds);
  return out;
}

}  // namespace poisonlab
