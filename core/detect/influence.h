#pragma once
/// @file influence.h
/// Influence functions (Koh & Liang, ICML 2017). For a training point z and test points z_t,
/// score(z) = sum_t grad L(z_t)^T H^-1 grad L(z) = -sum_t I_up,loss(z, z_t): how much
/// up-weighting z lowers the test losses (at the labels asked for, by default the model's own
/// predictions), i.e. how much z supports those predictions. Removing z from n training points
/// changes the summed test loss by about score(z) / n. H = mean Hessian of the training loss +
/// damping x I.
///
/// Two ways: the classifier layer exactly (closed-form per-sample gradients
/// (softmax - onehot) x [h, 1], the Hessian formed and Cholesky-factored), and any subset of
/// the network's layers through Hessian-vector products solved by conjugate gradient or LiSSA.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/train/inference.h"
#include "core/util/progress.h"

namespace poisonlab {

/// The classifier layer's influence, exactly.
struct ClassifierInfluence {
  std::vector<double> scores;      ///< per training row: sum_t g_t^T H^-1 g_i (empty if no test)
  std::vector<double> selfScores;  ///< per training row: g_i^T H^-1 g_i (when asked)
  std::vector<double> labelProbability;  ///< per training row: softmax probability of its label
  std::vector<double> gradientNorm;      ///< per training row: |g_i| = |softmax - onehot| |[h, 1]|
  std::size_t parameters = 0;            ///< classes x (dim + 1)
  double hessianSeconds = 0, solveSeconds = 0, scoreSeconds = 0;
  double minEigenvalue = 0, maxEigenvalue = 0;  ///< of the damped Hessian
};

/// `train` is n x dim (row-major), `test` m x dim, labels per row; `damping` >= 0 is added to
/// the Hessian's diagonal (it must end up positive definite).
ClassifierInfluence classifierInfluence(const float* train, std::size_t n,
                                        const std::vector<int>& trainLabels, const float* test,
                                        std::size_t m, const std::vector<int>& testLabels,
                                        const ClassifierWeights& weights, double damping,
                                        bool selfInfluence, const CancelToken* cancel = nullptr);

enum class HvpSolver { Cg, Lissa };
const char* toString(HvpSolver s);
HvpSolver parseHvpSolver(const std::string& s, const std::string& field = "solver");

struct NetworkInfluenceOptions {
  std::vector<std::string> layers{"fc"};  ///< layers whose parameters count ("stage3", "fc", ...)
  HvpSolver solver = HvpSolver::Cg;
  double damping = 0.01;
  int cgIterations = 100;     ///< CG stops earlier when the residual falls below cgTolerance
  double cgTolerance = 1e-6;  ///< relative residual
  int lissaDepth = 200;       ///< recursion steps per repeat
  int lissaRepeats = 1;
  double lissaScale = 25;    ///< the Hessian is divided by this (must exceed its top eigenvalue)
  int lissaBatch = 64;       ///< samples per stochastic Hessian-vector product
  int batch = 250;           ///< samples per batch elsewhere
  std::uint64_t seed = 0;    ///< LiSSA's sampling
  InferenceOptions runtime;  ///< device and threads (always fp32: double backward)
};

struct NetworkInfluenceResult {
  std::vector<double> scores;  ///< per candidate, same meaning as ClassifierInfluence::scores
  std::size_t parameters = 0;
  std::string inputLayer;       ///< activations below it were computed once and reused
  int iterations = 0;           ///< CG iterations or LiSSA steps taken
  double relativeResidual = 0;  ///< CG: |H x - g| / |g| at the end
  double cacheSeconds = 0, gradientSeconds = 0, solveSeconds = 0, scoreSeconds = 0;
};

/// The influence of `candidates` (indices into `train`) on the test points, with H estimated
/// on `hessianSamples` (indices into `train`) and restricted to the parameters of
/// options.layers. Training labels are train.labels; test points are (testSplit, testIndices,
/// testLabels).
NetworkInfluenceResult networkInfluence(
    const std::string& modelPath, const Split& train,
    const std::vector<std::int64_t>& hessianSamples, const std::vector<std::int64_t>& candidates,
    const Split& testSplit, const std::vector<std::int64_t>& testIndices,
    const std::vector<int>& testLabels, const NetworkInfluenceOptions& options,
    const ProgressFn& progress = {}, const CancelToken* cancel = nullptr);

}  // namespace poisonlab
