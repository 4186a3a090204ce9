/// Writes the model-file seeds of fuzz_model with the real writer: small networks (a
/// resnet8 of width 2 with ten classes, and one with three), so mutations start from files
/// LibTorch reads. Usage: make_model_seeds FOLDER
#include <torch/torch.h>

#include <cstdio>

#include "core/nn/resnet.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s FOLDER\n", argv[0]);
    return 2;
  }
  using namespace poisonlab;
  torch::manual_seed(0);
  for (int classes : {10, 3}) {
    ModelSpec s;
    s.arch = "resnet8";
    s.width = 2;
    s.numClasses = classes;
    nn::ResNet m = nn::makeModel(s);
    const std::string path =
        std::string(argv[1]) + "/resnet8-w2-c" + std::to_string(classes) + ".pt";
    nn::saveModel(m, path);
    std::printf("%s\n", path.c_str());
  }
  return 0;
}
