#pragma once
/// @file dataset.h
/// In-memory image classification data as plain bytes (no torch, no Qt at the edge).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace poisonlab {

constexpr int kImageSide = 32;
constexpr int kChannels = 3;
constexpr int kPlaneBytes = kImageSide * kImageSide;
constexpr int kImageBytes = kChannels * kPlaneBytes;  ///< 3,072: R plane, G plane, B plane.

/// The CIFAR-10 class names in label order 0..9.
const std::vector<std::string>& cifar10ClassNames();

/// One split: N images, each 3 x 32 x 32 uint8 in planar (CHW) order, plus labels.
struct Split {
  std::vector<std::uint8_t> images;  ///< size() == count() * kImageBytes
  std::vector<std::uint8_t> labels;  ///< one label per image

  std::size_t count() const { return labels.size(); }
  std::uint8_t* image(std::size_t i) { return images.data() + i * kImageBytes; }
  const std::uint8_t* image(std::size_t i) const { return images.data() + i * kImageBytes; }
  /// Pixel value of channel c (0=R, 1=G, 2=B) at (row, col) of image i.
  std::uint8_t pixel(std::size_t i, int c, int row, int col) const {
    return image(i)[c * kPlaneBytes + row * kImageSide + col];
  }
  void resize(std::size_t n) {
    images.assign(n * kImageBytes, 0);
    labels.assign(n, 0);
  }
};

/// The container a data set was read from, and its layout.
enum class DataFormat { CifarBinary, ImageFolder };
const char* toString(DataFormat f);
/// Parses "cifar-binary" or "image-folder"; throws Error naming `field` otherwise.
DataFormat parseDataFormat(const std::string& s, const std::string& field = "format");

/// A whole data set: training and test split with class names.
struct Dataset {
  Split train;
  Split test;
  std::vector<std::string> classNames;
  std::string source;  ///< the path it was loaded from
  DataFormat format = DataFormat::CifarBinary;

  int numClasses() const { return static_cast<int>(classNames.size()); }
  /// Training-set indices whose label is `cls`, ascending.
  std::vector<std::size_t> trainIndicesOfClass(int cls) const;
};

}  // namespace poisonlab
