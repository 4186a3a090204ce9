#include "core/dataset.h"

namespace poisonlab {

const std::vector<std::string>& cifar10ClassNames() {
  static const std::vector<std::string> kNames = {
      "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"};
  return kNames;
}

const char* toString(DataFormat f) {
  switch (f) {
    case DataFormat::CifarBinary:
      return "cifar-binary";
    case DataFormat::ImageFolder:
      return "image-folder";
  }
  return "unknown";
}

std::vector<std::size_t> Dataset::trainIndicesOfClass(int cls) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < train.labels.size(); ++i)
    if (train.labels[i] == cls) out.push_back(i);
  return out;
}

}  // namespace poisonlab
