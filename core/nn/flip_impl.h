#pragma once
/// @file flip_impl.h
/// FLIP's label step as LibTorch functions (FLIP.md section 3.2), for core/nn/flip.cpp and the
/// tests of the algorithm. Torch is included here: only core/ sources and tests include it.

#include <torch/torch.h>

#include <vector>

#include "core/nn/resnet.h"
#include "core/util/progress.h"

namespace poisonlab::nn::flip {

/// One SGD step's settings, as torch.optim.SGD's (dampening 0).
struct SgdHyper {
  double lr = 0.1;
  double momentum = 0.9;
  double weightDecay = 2e-4;
  bool nesterov = true;
};

/// One step of torch.optim.SGD written out: d = g + wd theta0; buf = m buf0 + d (buf = d where
/// buf0 is undefined: the first step); with Nesterov d = d + m buf; theta1 = theta0 - lr d.
/// Differentiable in `grads` (and `theta0`) when they carry a graph. The new buffers go to
/// `bufOut` when given.
std::vector<torch::Tensor> sgdStep(const std::vector<torch::Tensor>& theta0,
                                   const std::vector<torch::Tensor>& grads,
                                   const std::vector<torch::Tensor>& buf0, const SgdHyper& h,
                                   std::vector<torch::Tensor>* bufOut = nullptr);

/// Cross-entropy with probability targets softmax(targetLogits), mean over the batch (as
/// torch's CrossEntropyLoss with probability targets).
torch::Tensor softCrossEntropy(const torch::Tensor& logits, const torch::Tensor& targetLogits);

/// What one batch of a label pass computes.
struct MatchStep {
  torch::Tensor loss;     ///< the normalised parameter distance (a scalar with a graph)
  double expertLoss = 0;  ///< the expert's cross-entropy on its batch
};

/// Steps 1-5 of FLIP.md section 3.2 for one batch. `model` holds theta0 (train mode: batch
/// statistics), `buf0` its momentum buffers (one per parameter, in parameters() order). The
/// expert's step on (xe, ye) and the student's differentiable step on xs with the soft labels
/// `labelRows` (B x K logits) start from theta0; the loss is
/// sum_p ||theta_s - theta_e||^2 / sum_p ||theta0 - theta_e||^2 over every parameter (batch
/// norm's scale and shift included), plus lambda x mean_i ||softmax(labelRows_i) - onehot_i||_1
/// with `trueRows` the labels' true classes. Cancellation is checked between the phases.
MatchStep matchingLoss(ResNet& model, const std::vector<torch::Tensor>& buf0, const SgdHyper& h,
                       const torch::Tensor& xe, const torch::Tensor& ye, const torch::Tensor& xs,
                       const torch::Tensor& labelRows, double lambda = 0,
                       const torch::Tensor& trueRows = {}, const CancelToken* cancel = nullptr);

}  // namespace poisonlab::nn::flip
