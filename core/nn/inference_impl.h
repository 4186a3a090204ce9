#pragma once
/// @file inference_impl.h
/// The torch side of inference, shared by core/nn/ sources (never included outside core/nn/):
/// loading a model for inference, running it over a split in batches, predictions and the
/// evaluation that training reports after every epoch.

#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/nn/batches.h"
#include "core/nn/resnet.h"
#include "core/nn/runtime.h"
#include "core/train/inference.h"
#include "core/train/training.h"

namespace poisonlab::nn {

/// A model file loaded onto the device and layout `options` ask for, in eval mode.
struct LoadedModel {
  ResNet model{nullptr};
  Runtime rt;
};
LoadedModel loadForInference(const std::string& modelPath, const std::string& device,
                             Precision precision, int threads);

/// `indices` or, when empty, every index of `split`; throws Error for one out of range.
std::vector<std::int64_t> resolveIndices(const std::vector<std::int64_t>& indices,
                                         const Split& split);

/// Runs `fn(k, output, first, n)` over batches of the named outputs `layers` ("fc" = logits),
/// all from one forward pass, for the images `idx` of `split`: output k is n x D_k float32 on
/// the CPU.
template <typename Fn>
void runLayerBatches(ResNet& model, const Runtime& rt, const Split& split,
                     const std::vector<std::int64_t>& idx, const std::vector<std::string>& layers,
                     int batch, const ProgressFn& progress, const CancelToken* cancel, Fn fn) {
  model->eval();
  c10::InferenceMode guard;
  std::string what = "computing";
  for (const auto& l : layers) what += " " + l;
  for (std::size_t start = 0; start < idx.size(); start += static_cast<std::size_t>(batch)) {
    if (cancel) cancel->throwIfCancelled();
    const auto n = static_cast<std::int64_t>(
        std::min<std::size_t>(static_cast<std::size_t>(batch), idx.size() - start));
    torch::Tensor x = makeBatch(split, idx.data() + start, n, {}, rt.channelsLast).to(rt.device);
    std::map<std::string, torch::Tensor> ys;
    {
      Autocast ac(rt);
      ys = model->activations(x, layers);
    }
    for (std::size_t k = 0; k < layers.size(); ++k)
      fn(k, ys.at(layers[k]).to(torch::kCPU, torch::kFloat32).contiguous().reshape({n, -1}), start,
         n);
    report(progress, double(start + static_cast<std::size_t>(n)) / double(idx.size()), what);
  }
}

/// Runs `fn(output, first, n)` over batches of the named output ("fc" = logits) for the images
/// `idx` of `split`: output is n x D float32 on the CPU.
template <typename Fn>
void runBatches(ResNet& model, const Runtime& rt, const Split& split,
                const std::vector<std::int64_t>& idx, const std::string& layer, int batch,
                const ProgressFn& progress, const CancelToken* cancel, Fn fn) {
  runLayerBatches(model, rt, split, idx, {layer}, batch, progress, cancel,
                  [&](std::size_t, const torch::Tensor& y, std::size_t start, std::int64_t n) {
                    fn(y, start, n);
                  });
}

/// Predicted classes for images `indices` of `split` (all when empty).
std::vector<int> predict(ResNet& model, const Split& split,
                         const std::vector<std::int64_t>& indices, const Runtime& rt,
                         const CancelToken* cancel);

/// Clean accuracy, ASR (stamped and mirrored) and poison fit; with `full`, per-class figures
/// and the confusion matrices of clean and fully triggered test images too. With `cleanSample`,
/// the clean figures are over those test images only (training's between-epoch look).
EvalReport evaluate(ResNet& model, const PoisonedDataset& data, const Runtime& rt, bool full,
                    const CancelToken* cancel, const std::vector<std::int64_t>& cleanSample = {});

/// The recipe's optimizer: SGD with the config's learning rate, momentum and Nesterov flag; weight
/// decay on the parameters of two or more dimensions (convolution and linear weights), and on the
/// others (batch-norm scales and shifts, biases) only with `config.decayNorms`. The first group
/// holds the decayed parameters, the second (when there is one) the rest.
torch::optim::SGD makeOptimizer(torch::nn::Module& model, const TrainConfig& config);

}  // namespace poisonlab::nn
