#include "core/train/saliency.h"

#include <torch/torch.h>

#include <algorithm>

#include "core/nn/batches.h"
#include "core/nn/inference_impl.h"
#include "core/util/error.h"

namespace poisonlab {

const char* toString(SaliencyMethod m) {
  return m == SaliencyMethod::GradCam ? "grad-cam" : "gradient";
}

namespace {

/// The map scaled to [0, 1] with its peak.
SaliencyMap finish(torch::Tensor map, SaliencyMethod method, int cls) {
  map = map.reshape({32, 32}).to(torch::kFloat32).contiguous();
  SaliencyMap out;
  out.method = method;
  out.cls = cls;
  out.maxRaw = map.max().item<float>();
  const std::int64_t peak = map.argmax().item<std::int64_t>();
  out.peakRow = static_cast<int>(peak / 32);
  out.peakCol = static_cast<int>(peak % 32);
  if (out.maxRaw > 0) map = map / out.maxRaw;
  out.values.assign(map.data_ptr<float>(), map.data_ptr<float>() + 32 * 32);
  return out;
}

}  // namespace

SaliencyMap saliency(const std::string& modelPath, const Split& split, std::int64_t index,
                     SaliencyMethod method, int cls) {
  if (index < 0 || static_cast<std::size_t>(index) >= split.count())
    throw Error("index " + std::to_string(index) + " is outside 0.." +
                std::to_string(split.count() - 1));
  nn::LoadedModel m = nn::loadForInference(modelPath, "cpu", Precision::Fp32, 0);
  torch::Tensor x = nn::makeBatch(split, &index, 1, {}, /*channelsLast=*/false);
  auto& net = *m.model;
  if (method == SaliencyMethod::Gradient) {
    x.requires_grad_(true);
    torch::Tensor logits = net.forward(x);
    if (cls < 0) cls = static_cast<int>(logits.argmax(1).item<std::int64_t>());
    logits[0][cls].backward();
    return finish(x.grad().abs().amax(1), method, cls);
  }
  // Grad-CAM on the output of the last stage.
  std::string last;
  for (const auto& name : net.spec().layerNames())
    if (name.rfind("stage", 0) == 0 && name.find('.') == std::string::npos) last = name;
  if (last.empty()) throw Error(modelPath + ": the model has no stage for Grad-CAM");
  torch::Tensor features;
  {
    torch::NoGradGuard ng;
    features = net.activations(x, {last}).at(last);
  }
  features = features.detach().clone().requires_grad_(true);
  torch::Tensor logits = net.forwardFrom(features, last);
  if (cls < 0) cls = static_cast<int>(logits.argmax(1).item<std::int64_t>());
  logits[0][cls].backward();
  torch::Tensor weights = features.grad().mean({2, 3}, /*keepdim=*/true);
  torch::Tensor cam = torch::relu((weights * features.detach()).sum(1, /*keepdim=*/true));
  cam = torch::nn::functional::interpolate(cam, torch::nn::functional::InterpolateFuncOptions()
                                                    .size(std::vector<std::int64_t>{32, 32})
                                                    .mode(torch::kBilinear)
                                                    .align_corners(false));
  return finish(cam, method, cls);
}

}  // namespace poisonlab
