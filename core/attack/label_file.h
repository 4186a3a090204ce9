#pragma once
/// @file label_file.h
/// Label-only poisoning (FLIP: Jha, Hayase, Oh, NeurIPS 2023): training labels read from a
/// file, the training images left clean. A label file holds one row per training image in the
/// data set's official order: a (N, K) float32 .npy of logits or probabilities (FLIP's format;
/// the label is the row's argmax) or a CSV of `index,label` rows (rows not listed keep their
/// label). Image folders (and the shared JPEG archive) are numbered per class, so official row
/// o of class c is mapped to the k-th image of class c in this data set's order, where k is the
/// number of class-c rows before o in a class sequence (`--label-order`: FLIP's true.npy, or
/// any N-label file).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/attack/poison.h"
#include "core/data/dataset.h"

namespace poisonlab {

/// Labels of a file, in the file's (official) row order.
struct LabelRows {
  std::string path;
  std::string format;       ///< "npy" or "csv"
  std::vector<int> labels;  ///< one per row; -1 where a CSV leaves the row unchanged
};

/// Reads a label file for a training set of `rows` images and `classes` classes. Throws Error
/// naming the file (and the row or field) for a wrong shape or dtype, Fortran order, a
/// truncated file, NaN or infinity, a row whose values are all equal (no argmax), a label
/// outside 0..classes-1, a duplicate or out-of-range CSV index.
LabelRows readLabelFile(const std::string& path, std::size_t rows, int classes);

/// How the file's rows map onto this data set's training images.
struct LabelOrder {
  std::string file;  ///< the class sequence used; empty: the load order
  std::optional<std::uint64_t> shuffleWithinClass;  ///< a deliberate misalignment (A/B test)
};

/// For each official row o, the index of its image in `ds.train`. With no order file the
/// load order is the official order (the official binary release). With one, the mapping
/// described above; with `shuffleWithinClass`, each class's images are shuffled first (a
/// control that breaks the alignment). Throws Error naming the counts when a mapping cannot be
/// made (a class's count differs), or, for the load order, when the order file's labels
/// disagree with the data set's (naming the first row).
std::vector<std::size_t> officialToLoadOrder(const Dataset& ds, const LabelOrder& order);

/// A label-only poison built from a file: `labels` (in ds.train's order) and what it took.
struct ImportedLabels {
  std::vector<std::uint8_t> labels;  ///< every training image's training label
  std::size_t flipped = 0;           ///< rows whose label differs from the data set's
  std::string orderHow;              ///< "load order" or "class sequence of FILE"
};

/// Reads `file`, maps it (officialToLoadOrder) and returns the training labels. A file with
/// no flipped row is an error (it would be a clean run).
ImportedLabels importLabels(const Dataset& ds, const std::string& file, const LabelOrder& order);

/// A label-only poison ready for PoisonSpec (labels, labelsFrom): the CLI's `poison --labels`
/// and the window's import share it.
struct LabelPoison {
  std::vector<std::uint8_t> labels;
  std::size_t flipped = 0;
  LabelProvenance from;
  std::vector<FlipCount> flips;  ///< (true, training label) pairs, the largest first
};
/// Imports `file` onto `ds`. Without an order file, an image folder's rows are mapped by
/// FLIP's true.npy found beside the file (findFlipTrueLabels); the official binary uses its
/// load order. Throws Error naming what is missing or wrong.
LabelPoison labelPoisonFromFile(const Dataset& ds, const std::string& file, LabelOrder order);

/// Looks for FLIP's true.npy beside `labelFile` and up to two folders above it (the published
/// layout is flip-labels/<model>/<trigger>/<n>.npy); empty when there is none.
std::string findFlipTrueLabels(const std::string& labelFile);

}  // namespace poisonlab
