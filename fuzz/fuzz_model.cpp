/// Fuzz target: a model file (LibTorch's zip archive with the network's record and its
/// tensors), loaded by the real loader: the record's checks before anything is allocated,
/// LibTorch's reader, and the shape and type check of every parameter and buffer. A model
/// that loads must then run: one forward pass on one image gives one logit per class.
#include <torch/torch.h>

#include <cstdlib>

#include "core/nn/resnet.h"
#include "fuzz/fuzz_support.h"

using namespace poisonlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool once = [] {
    torch::set_num_threads(1);
    return true;
  }();
  (void)once;
  const std::string path = fuzz::freshScratch() + "/model.pt";
  fuzz::writeFile(path, {reinterpret_cast<const char*>(data), size});
  fuzz::expectErrorOnly("loadModel", [&] {
    nn::ResNet model = nn::loadModel(path);
    model->eval();
    torch::NoGradGuard noGrad;
    const auto logits = model->forward(torch::zeros({1, 3, 32, 32}));
    if (logits.dim() != 2 || logits.size(0) != 1 || logits.size(1) != model->spec().numClasses)
      std::abort();
  });
  return 0;
}
