#pragma once
/// @file sweep.h
/// The corrective sweep (Goel et al. 2024): every unlearning method on every seeded fraction of
/// the ground-truth poisons, the question "what if only 10 % of the poisons were found?".

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/unlearn/unlearn.h"

namespace poisonlab {

/// The corrective sweep: every method on a seeded fraction of the ground-truth poisons.
struct SweepRow {
  UnlearnMethod method = UnlearnMethod::Ssd;
  double fraction = 1;
  UnlearnResult result;
  bool reused = false;  ///< an earlier result with the same name and settings was kept
};

/// Runs (or, with `reuse`, picks up from RUN/unlearn/<name>.json) every method at every
/// fraction; `base` supplies the methods' settings. `onRow` sees each row as it completes.
std::vector<SweepRow> unlearnSweep(const std::string& runDir, const PoisonedDataset& data,
                                   const std::vector<double>& fractions,
                                   const std::vector<UnlearnMethod>& methods,
                                   const UnlearnRequest& base, std::uint64_t seed, bool reuse,
                                   const std::function<void(const SweepRow&)>& onRow = {},
                                   const ProgressFn& progress = {},
                                   const CancelToken* cancel = nullptr);

/// Writes RUN/unlearn/sweep.csv and RUN/unlearn/sweep.png (ASR and clean accuracy against the
/// fraction of poisons found, one line per method, the original model dashed).
void writeSweep(const std::string& runDir, const std::vector<SweepRow>& rows,
                std::string* csvPath = nullptr, std::string* pngPath = nullptr);

}  // namespace poisonlab
