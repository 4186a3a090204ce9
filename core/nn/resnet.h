#pragma once
/// @file resnet.h
/// The networks of ModelSpec as LibTorch modules. Torch is included here: only core/ sources
/// include this header, never widgets/ or app/.

#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

#include "core/train/model_spec.h"
#include "core/util/error.h"

namespace poisonlab::nn {

/// Two 3x3 convolutions with batch norm; shortcut is the identity, zero-padded and subsampled
/// (option A) or a 1x1 projection (option B) when the shape changes. `preact`: the
/// pre-activation block of ModelSpec (FLIP's r32p).
class BasicBlockImpl : public torch::nn::Module {
 public:
  BasicBlockImpl(int in, int out, int stride, bool projection, bool preact = false);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  torch::Tensor shortcut(const torch::Tensor& x);
  torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr}, proj_{nullptr};
  torch::nn::BatchNorm2d bn1_{nullptr}, bn2_{nullptr}, projBn_{nullptr};
  int in_, out_, stride_;
  bool preact_;
};
TORCH_MODULE(BasicBlock);

class ResNetImpl : public torch::nn::Module {
 public:
  explicit ResNetImpl(const ModelSpec& spec);
  /// Logits for a batch of normalised N x 3 x 32 x 32 images.
  torch::Tensor forward(const torch::Tensor& x);
  /// The activations of the named layers (see ModelSpec::layerNames) for one batch, and
  /// "fc" too when asked. Runs only as far as the deepest layer asked for.
  std::map<std::string, torch::Tensor> activations(const torch::Tensor& x,
                                                   const std::vector<std::string>& names);
  /// Logits from the output of layer `after` ("input" = the normalised image; a block name
  /// "stageK.blockJ", "stageK" or "stem"): runs only the rest of the network, so work on the
  /// top layers can reuse activations computed once below them.
  torch::Tensor forwardFrom(const torch::Tensor& y, const std::string& after);
  /// The parameters of the named layers ("stem", "stageK.blockJ", "stageK" = all its blocks,
  /// "fc"), in a fixed order. Throws Error naming an unknown layer.
  std::vector<torch::Tensor> layerParameters(const std::vector<std::string>& layers);
  /// The layer whose output feeds the earliest of `layers` ("input" when that is the stem).
  std::string inputLayerOf(const std::vector<std::string>& layers);
  const ModelSpec& spec() const { return spec_; }
  /// The classifier layer (for influence functions and the like).
  torch::nn::Linear& classifier() { return fc_; }

 private:
  ModelSpec spec_;
  torch::nn::Conv2d stem_{nullptr};
  torch::nn::BatchNorm2d stemBn_{nullptr};   ///< none in a pre-activation network
  torch::nn::BatchNorm2d finalBn_{nullptr};  ///< pre-activation only: before the pooling
  /// The stem's output (post-activation: conv, bn, ReLU; pre-activation: the conv alone).
  torch::Tensor stemForward(const torch::Tensor& x);
  /// The pooled penultimate vector from the last block's output.
  torch::Tensor pool(const torch::Tensor& y);
  std::vector<std::vector<BasicBlock>> stages_;
  torch::nn::Linear fc_{nullptr};
  /// The units that hold parameters, input to output: "stem", "stageK.blockJ"..., "fc".
  std::vector<std::string> unitNames() const;
  /// Positions in unitNames() of a layer name (a stage covers all its blocks).
  std::vector<std::size_t> unitsOf(const std::string& layer) const;
};
TORCH_MODULE(ResNet);

/// Builds the network of `spec` (throws Error for an invalid spec). Kaiming-normal
/// initialisation from torch's current global generator.
ResNet makeModel(const ModelSpec& spec);

/// Saves a model with its spec, atomically (write, then rename).
void saveModel(ResNet& model, const std::string& path);
/// Loads a model file; with `expected`, rejects a file of another architecture. Throws Error
/// naming the file for a missing, corrupt or mismatched file.
ResNet loadModel(const std::string& path, const ModelSpec* expected = nullptr);
/// Reads only the spec stored in a model file.
ModelSpec readModelSpec(const std::string& path);
/// Loads `model`'s weights from `archive` (read from `path`), refusing any parameter or
/// buffer whose shape or type differs from `model`'s: LibTorch swaps tensors in unchecked,
/// and a classifier with more outputs than classes would overflow every per-class buffer.
void loadWeights(ResNet& model, torch::serialize::InputArchive& archive, const std::string& path);

/// Runs `fn` (LibTorch reading `path`), turning what LibTorch throws for a bad file
/// (c10::Error, and std::runtime_error from its TorchScript reader, found by fuzz_model)
/// into an Error naming the file; Error passes through.
template <class F>
auto readingTorchFile(const std::string& path, const char* what, F&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Error&) {
    throw;
  } catch (const c10::Error& e) {
    throw Error(path + ": " + what + ": " + e.what_without_backtrace());
  } catch (const std::exception& e) {
    throw Error(path + ": " + what + ": " + e.what());
  }
}

}  // namespace poisonlab::nn
