#include "core/data/dataset.h"

#include "core/util/enum_names.h"

namespace poisonlab {

const std::vector<std::string>& cifar10ClassNames() {
  static const std::vector<std::string> kNames = {
      "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"};
  return kNames;
}

namespace {
constexpr EnumName<DataFormat> kFormats[] = {{DataFormat::CifarBinary, "cifar-binary"},
                                             {DataFormat::ImageFolder, "image-folder"}};
}  // namespace

const char* toString(DataFormat f) { return enumToString(kFormats, f); }

DataFormat parseDataFormat(const std::string& s, const std::string& field) {
  return parseEnum(kFormats, s, field, "a data layout");
}

std::vector<std::size_t> Dataset::trainIndicesOfClass(int cls) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < train.labels.size(); ++i)
    if (train.labels[i] == cls) out.push_back(i);
  return out;
}

}  // namespace poisonlab
