#pragma once
/// @file model_spec.h
/// Which network to build, as plain data (no torch), so the GUI and run folders can hold it.

#include <string>
#include <vector>

namespace poisonlab {

/// The CIFAR ResNets of He et al. (2016): a 3x3 stem and three stages of `blocks` basic blocks
/// at widths w, 2w, 4w (w = 16 for the paper's ResNet-20/32/56), identity shortcuts with
/// zero-padding ("option A"); and the CIFAR variant of ResNet-18 (four stages of two blocks at
/// 64..512 x width/64, 1x1 projection shortcuts). An arch ending in "p" (resnet32p) is the
/// pre-activation form FLIP's experts and users train (its "r32p", MadryLab's CIFAR ResNet):
/// blocks bn -> leaky ReLU(0.1) -> conv -> bn -> leaky ReLU -> conv plus a shortcut on the
/// un-activated input (average-pooled and zero-padded where the shape changes), a stem
/// convolution with no batch norm after it, and a final batch norm and leaky ReLU before the
/// pooling; 464,154 parameters at resnet32p width 16.
struct ModelSpec {
  std::string arch = "resnet20";  ///< resnet8|14|20|32|44|56 (6n+2), the same + "p", resnet18
  int width = 16;                 ///< w: channels of the stem and the first stage
  int numClasses = 10;

  /// Pre-activation blocks (an arch "resnet<6n+2>p").
  bool preActivation() const;
  /// Basic blocks per stage; throws Error for an unknown arch.
  std::vector<int> blocksPerStage() const;
  /// Channels per stage.
  std::vector<int> stageWidths() const;
  /// Throws Error naming the field when invalid.
  void validate() const;
  /// e.g. "resnet20 (width 16, 3 stages x 3 blocks)".
  std::string describe() const;
  /// Names of every layer whose activations can be requested, input to output: "stem",
  /// "stage1.block0" .. "stage3.block2", "stage1" .. "stage3" (= their last block), "pool"
  /// (the pooled penultimate vector), "fc" (the logits).
  std::vector<std::string> layerNames() const;
  /// The input of the last residual block (its predecessor's output): the representation
  /// Spectral Signatures' reference code uses, e.g. "stage3.block1" for resnet20 (64 x 8 x 8)
  /// and "stage2.block0" for resnet8 (2w x 16 x 16).
  std::string lastBlockInputLayer() const;
};

/// The arch for a name a user may type: FLIP's "r32p" is "resnet32p", "r18" is "resnet18";
/// any other name as it is.
std::string canonicalArch(const std::string& name);

}  // namespace poisonlab
