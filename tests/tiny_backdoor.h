#pragma once
// The tests' tiny planted backdoor: the colour task (synthetic_tasks.h) with a one-pixel white
// trigger on a quarter of class 0, relabelled 1, and a recipe that learns it in seconds.

#include <memory>

#include "core/attack/poison.h"
#include "core/train/training.h"
#include "synthetic_tasks.h"

namespace poisonlab::testing {

/// A one-pixel trigger, as in the project log, in a colour no clean image has.
inline TriggerSpec whitePixel() {
  TriggerSpec t;
  t.color = {255, 255, 255};
  return t;
}

inline PoisonedDataset poisoned(const std::shared_ptr<const Dataset>& ds, int count) {
  PoisonSpec p;
  p.source = 0;
  p.target = 1;
  p.count = count;
  p.seed = 3;
  return applyPoison(ds, whitePixel(), p);
}

constexpr int kPerClass = 256;  // training images per class
constexpr int kPoisons = 64;    // a quarter of the source class
constexpr int kEpochs = 12;

inline TrainConfig tinyConfig(int epochs) {
  TrainConfig c;
  c.model.arch = "resnet8";
  c.model.width = 32;
  c.epochs = epochs;
  c.batchSize = 32;
  c.lr = 0.05;
  c.augment = Augment::None;
  // Plain targets: the tiny task's epochs and thresholds were measured with them, and the
  // tests that compare losses read them as the plain cross-entropy. The default recipe's
  // smoothing and SSD on a smoothed model are tst_ssd_tasks' subject.
  c.labelSmoothing = 0;
  c.precision = Precision::Fp32;
  c.threads = 2;
  return c;
}

}  // namespace poisonlab::testing
