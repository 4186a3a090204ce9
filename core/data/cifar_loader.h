#pragma once
/// @file cifar_loader.h
/// Reads CIFAR-10 in its two real layouts, each from a folder or a tar(.gz) archive:
///  - the official binary release: `cifar-10-batches-bin/` with data_batch_1..5.bin and
///    test_batch.bin (records of 1 label byte + 3,072 bytes of R, G, B planes);
///  - an image-folder tree: `train/<class>/*` and `test/<class>/*` (JPEG, PNG or BMP, 32x32).
/// The layout is detected from the files found. Any bad input throws Error naming the file.

#include <string>

#include "core/data/dataset.h"
#include "core/util/progress.h"

namespace poisonlab {

constexpr int kCifarRecordBytes = 1 + kImageBytes;  ///< 3,073
constexpr int kCifarTrainBatches = 5;

/// Loads a data set from a folder or archive, detecting the layout. Progress goes from 0 to 1.
Dataset loadDataset(const std::string& path, const ProgressFn& progress = {},
                    const CancelToken* cancel = nullptr);

}  // namespace poisonlab
