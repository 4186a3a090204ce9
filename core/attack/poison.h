#pragma once
/// @file poison.h
/// The poisoning engine: choose `count` training images of the source class with a seeded,
/// machine-independent generator, stamp the trigger on them and relabel them to the target;
/// or, label-only, take the training labels as given and stamp nothing (the trigger is then
/// the test-time trigger only).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/attack/trigger.h"

namespace poisonlab {

/// Where a label-only poison's labels came from (a run records it; its labels are in
/// poison.csv).
struct LabelProvenance {
  std::string file;       ///< absolute path of the label file
  std::string md5;        ///< of the label file when imported
  std::string format;     ///< "npy" or "csv"
  std::string orderFile;  ///< the class sequence that mapped its rows; empty: the load order
  std::string orderHow;   ///< in words
  std::optional<std::uint64_t> shuffleSeed;  ///< a deliberately misaligned control
};

struct PoisonSpec {
  int source = 9;   ///< class whose images are poisoned (9 = truck)
  int target = 4;   ///< label they get (4 = deer)
  int count = 500;  ///< number of poisoned training images, used when rate <= 0
  double rate = 0;  ///< if > 0: count = round(rate x training-set size) (the log's 1 %)
  std::uint64_t seed = 0;
  /// Label-only poisoning (FLIP): every training image's label in the data set's order (from
  /// a label file, label_file.h). No image is stamped; the poisoned rows are those whose label
  /// differs from the data set's, of any class; source and target are the test-time attack's
  /// (the trigger goes on source-class test images, success is the target class). Empty: the
  /// stamped attack.
  std::vector<std::uint8_t> labels;
  std::optional<LabelProvenance> labelsFrom;  ///< required for a label-only run's record
  bool labelOnly() const { return !labels.empty() || labelsFrom.has_value(); }

  /// The number of images to poison for a training set of `trainSize`.
  int resolvedCount(std::size_t trainSize) const;
  /// Throws Error naming the field when the spec does not fit `ds`.
  void validate(const Dataset& ds) const;
};

/// The result of poisoning a data set. The clean data set is shared, not copied.
struct PoisonedDataset {
  std::shared_ptr<const Dataset> clean;
  TriggerSpec trigger;
  PoisonSpec spec;
  Split train;                               ///< training split with triggers and flipped labels
  std::vector<std::uint8_t> poisonedMask;    ///< 1 where train[i] is poisoned (ground truth)
  std::vector<std::size_t> poisonedIndices;  ///< ascending
  Split triggeredTest;  ///< every source-class test image with the trigger, original labels
  /// The same images with the trigger's horizontal mirror image (TriggerSpec::applyMirrored):
  /// a recipe with flips trains on both orientations, so the backdoor may answer to both.
  Split triggeredTestMirrored;
  std::vector<std::size_t> triggeredTestIndices;  ///< their indices in clean->test

  const std::vector<std::string>& classNames() const { return clean->classNames; }
};

/// How many poisoned rows went from each true class to each training label.
struct FlipCount {
  int from = 0, to = 0;
  std::size_t count = 0;
};
/// Every (true, training label) pair with its count, the largest first.
std::vector<FlipCount> flipCounts(const PoisonedDataset& pd);
/// The same between two label vectors of one training set.
std::vector<FlipCount> flipCounts(const std::vector<std::uint8_t>& original,
                                  const std::vector<std::uint8_t>& labels);

/// Chooses the poisoned training indices (ascending). Same seed, same indices, everywhere.
std::vector<std::size_t> choosePoisonIndices(const Dataset& ds, const PoisonSpec& spec);

/// Validates both specs and applies them. Throws Error on an invalid spec.
PoisonedDataset applyPoison(std::shared_ptr<const Dataset> ds, const TriggerSpec& trigger,
                            const PoisonSpec& spec);

}  // namespace poisonlab
