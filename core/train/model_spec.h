#pragma once
/// @file model_spec.h
/// Which network to build, as plain data (no torch), so the GUI and run folders can hold it.

#include <string>
#include <vector>

namespace poisonlab {

/// The CIFAR ResNets of He et al. (2016): a 3x3 stem and three stages of `blocks` basic blocks
/// at widths w, 2w, 4w (w = 16 for the paper's ResNet-20/32/56), identity shortcuts with
/// zero-padding ("option A"); and the CIFAR variant of ResNet-18 (four stages of two blocks at
/// 64..512 x width/64, 1x1 projection shortcuts).
struct ModelSpec {
  std::string arch = "resnet20";  ///< resnet8|14|20|32|44|56 (6n+2) or resnet18
  int width = 16;                 ///< w: channels of the stem and the first stage
  int numClasses = 10;

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

}  // namespace poisonlab
