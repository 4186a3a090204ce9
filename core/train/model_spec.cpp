#include "core/train/model_spec.h"

#include "core/util/error.h"

namespace poisonlab {

std::vector<int> ModelSpec::blocksPerStage() const {
  if (arch == "resnet18") return {2, 2, 2, 2};
  const std::string prefix = "resnet";
  if (arch.rfind(prefix, 0) == 0) {
    std::string digits = arch.substr(prefix.size());
    if (preActivation()) digits.pop_back();
    if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos &&
        digits.size() < 4) {
      const int depth = std::stoi(digits);
      if (depth >= 8 && (depth - 2) % 6 == 0) {
        const int n = (depth - 2) / 6;
        return {n, n, n};
      }
    }
  }
  throw Error("model: '" + arch +
                  "' is not a known network (resnet8, resnet14, resnet20, resnet32, resnet44, "
                  "resnet56 or any resnet(6n+2); their pre-activation forms resnet8p.. resnet56p, "
                  "resnet32p being FLIP's r32p; or resnet18)",
              "model.arch");
}

bool ModelSpec::preActivation() const {
  return arch.size() > 7 && arch.rfind("resnet", 0) == 0 && arch.back() == 'p';
}

std::string canonicalArch(const std::string& name) {
  // FLIP's names for its two models (Jha et al. 2023, flip-labels/<model>/).
  if (name == "r32p") return "resnet32p";
  if (name == "r18") return "resnet18";
  return name;
}

std::vector<int> ModelSpec::stageWidths() const {
  if (arch == "resnet18") {
    // The usual CIFAR ResNet-18 has width 64 at its first stage; `width` scales it.
    return {width, 2 * width, 4 * width, 8 * width};
  }
  return {width, 2 * width, 4 * width};
}

void ModelSpec::validate() const {
  blocksPerStage();
  if (width < 1 || width > 1024)
    throw Error("model width: " + std::to_string(width) + " is outside 1..1024", "model.width");
  if (numClasses < 2 || numClasses > 256)
    throw Error("model classes: " + std::to_string(numClasses) + " is outside 2..256",
                "model.classes");
}

std::string ModelSpec::describe() const {
  const auto b = blocksPerStage();
  return arch + (preActivation() ? " (pre-activation, width " : " (width ") +
         std::to_string(width) + ", " + std::to_string(b.size()) + " stages x " +
         std::to_string(b[0]) + " blocks)";
}

std::vector<std::string> ModelSpec::layerNames() const {
  std::vector<std::string> names{"stem"};
  const auto blocks = blocksPerStage();
  for (std::size_t s = 0; s < blocks.size(); ++s) {
    for (int b = 0; b < blocks[s]; ++b)
      names.push_back("stage" + std::to_string(s + 1) + ".block" + std::to_string(b));
    names.push_back("stage" + std::to_string(s + 1));
  }
  names.push_back("pool");
  names.push_back("fc");
  return names;
}

std::string ModelSpec::lastBlockInputLayer() const {
  const auto blocks = blocksPerStage();
  const int s = static_cast<int>(blocks.size());
  if (blocks.back() >= 2)
    return "stage" + std::to_string(s) + ".block" + std::to_string(blocks.back() - 2);
  return "stage" + std::to_string(s - 1) + ".block" + std::to_string(blocks[s - 2] - 1);
}

}  // namespace poisonlab
