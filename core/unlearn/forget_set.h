#pragma once
/// @file forget_set.h
/// The training samples an unlearning method is told to forget, and where they came from:
/// every poison, a seeded fraction of them (what a defender who found only part of them has),
/// what a detector flagged, or any CSV of training indices (e.g. a selection exported from the
/// workbench).

#include <cstdint>
#include <string>
#include <vector>

#include "core/attack/poison.h"

namespace poisonlab {

struct ForgetSet {
  std::vector<std::int64_t> indices;  ///< ascending, unique
  std::string source;                 ///< e.g. "ground-truth:0.1", "detector:spectral", a path
  std::size_t poisons = 0;            ///< how many of them are poisons (ground truth, reported)
};

/// Resolves a forget-set spec: "ground-truth" (every poison), "ground-truth:F" (a seeded
/// fraction F of them), "detector:NAME" (the flagged samples of RUN/detect/NAME.csv), or the
/// path of a CSV of training indices (one per line, or a column named "index"). Errors name
/// the file and line.
ForgetSet resolveForgetSet(const std::string& spec, const std::string& runDir,
                           const PoisonedDataset& data, std::uint64_t seed = 0);

/// Training indices from a CSV: one per line, or the column named "index" (and, when
/// `flaggedOnly`, only rows whose "flagged" column is 1); ascending and unique. Every index
/// must be below `limit`. Errors name the file and line.
std::vector<std::int64_t> readIndexCsv(const std::string& path, std::size_t limit,
                                       bool flaggedOnly);

}  // namespace poisonlab
