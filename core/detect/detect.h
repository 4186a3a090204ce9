#pragma once
/// @file detect.h
/// Running a poison detector on a run: the detector sees the poisoned training set and the
/// trained model, never the ground truth; the ground truth is used afterwards, only to score
/// the detector. Results go to RUN/detect/<name>.csv (index,label,score,flagged,poisoned and
/// method columns) and RUN/detect/<name>.json (settings, metrics overall and per class,
/// runtimes), both written atomically.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/detect/activation_clustering.h"
#include "core/detect/detection_metrics.h"
#include "core/train/inference.h"
#include "core/detect/influence.h"
#include "core/attack/poison.h"
#include "core/util/progress.h"
#include "core/detect/spectral.h"
#include "core/train/training.h"

namespace poisonlab {

enum class DetectorMethod { Spectral, ActivationClustering, Influence, ConfidentLearning };
const char* toString(DetectorMethod m);
DetectorMethod parseDetectorMethod(const std::string& s, const std::string& field = "method");

/// How the classifier-layer scores are normalised. Plain influence is dominated by the size of
/// each training gradient, and a fitted poison (p(label) ~ 0.9999) has almost none.
enum class InfluenceNormalization {
  None,      ///< Koh & Liang's influence as it is
  Gradient,  ///< divided by |g_i|: renormalised influence (Hammoudeh & Lowd, CCS 2022)
  Relative,  ///< divided by sqrt(g_i^T H^-1 g_i): l-relative influence, RelatIF (Barshan et
             ///< al., AISTATS 2020)
};
const char* toString(InfluenceNormalization n);
InfluenceNormalization parseInfluenceNormalization(const std::string& s,
                                                   const std::string& field = "normalize");

struct InfluenceRequest {
  bool network = false;         ///< false: classifier layer, exact; true: HVP over network.layers
  bool self = false;            ///< rank by self-influence g_i^T H^-1 g_i instead
  std::int64_t testIndex = -1;  ///< one test image; -1 = the triggered source-class test images
                                ///< that the model sends to the target
  bool testTriggered = false;   ///< with testIndex: from the triggered test set (source class)
  bool trueLabels = false;      ///< loss at the test images' true labels instead of the
                                ///< predictions; the score is then the harm (-score) instead
  double damping = 0.01;
  InfluenceNormalization normalize = InfluenceNormalization::Gradient;  ///< classifier mode
  std::size_t hessianSamples = 1000;  ///< network: training samples H is estimated on
  std::size_t candidates = 5000;      ///< network: training samples scored (0 = all)
  int candidateClass = -1;            ///< network: score every sample of this class instead
  NetworkInfluenceOptions net;
  std::size_t flagTop = 0;  ///< flag the K highest scores; 0 = flag robust outliers (flagZ)
  /// Robust outliers are measured against the training samples that carry the label the test
  /// points are predicted as (a poison carries it too: the attack relabelled it; its clean
  /// samples legitimately support the prediction, strongly so in a model trained on smoothed
  /// targets), or against every scored sample (`flagAmongAll`, and always for self-influence
  /// and --true-labels, where there is no such label).
  bool flagAmongAll = false;
  /// (score - median) / (1.4826 MAD) of the reference above this is flagged; 0 = the
  /// reference's default: 3.5 within the label (Iglewicz and Hoaglin's modified z-score
  /// cut-off), 10 among all (the rule before the label's reference).
  double flagZ = 0;
  double flagZUsed() const { return flagZ > 0 ? flagZ : (flagAmongAll ? 10.0 : 3.5); }
};

/// Robust outliers: flags the scores above median + z * 1.4826 * MAD, where the median and the
/// MAD are those of the scores at `reference` (all scores when it is empty); `threshold` gets
/// that bound.
std::vector<std::uint8_t> robustOutliers(const std::vector<double>& scores,
                                         const std::vector<std::size_t>& reference, double z,
                                         double& threshold);

/// Confident learning's out-of-sample probabilities (confident_learning.h).
enum class ClProbabilities {
  /// K-fold multinomial logistic regression on the trained model's pooled penultimate
  /// features: the cheap variant (seconds), out-of-sample for the probe, not for the features
  /// (the network saw every label while it learned them).
  Features,
  /// K-fold cross-validation of the whole network: K trainings with the run's recipe, each
  /// predicting the fold it did not see (cleanlab's recipe; K times a training's cost).
  CrossValidation,
};
const char* toString(ClProbabilities p);
ClProbabilities parseClProbabilities(const std::string& s, const std::string& field);

struct ClOptions {
  ClProbabilities probabilities = ClProbabilities::Features;
  int folds = 5;           ///< K (cleanlab's default)
  std::uint64_t seed = 0;  ///< the fold assignment
};

struct DetectRequest {
  DetectorMethod method = DetectorMethod::Spectral;
  std::string modelPath;        ///< empty = RUN/model.pt
  std::string layer;            ///< empty = the method's default
  bool pooledSpectral = false;  ///< spectral: the pooled penultimate vector instead
  SpectralOptions spectral;
  AcOptions ac;
  InfluenceRequest influence;
  ClOptions cl;
  InferenceOptions inference;
  std::string exportFeatures;  ///< also write the detector's features (N x D .npy + .csv)
};

/// A named number for reports and tables.
using Figure = std::pair<std::string, double>;
/// The value of the figure `name`, or `fallback` when there is none.
inline double figureOf(const std::vector<Figure>& figures, const std::string& name,
                       double fallback = 0) {
  for (const auto& [k, v] : figures)
    if (k == name) return v;
  return fallback;
}

struct ClassSummary {
  int cls = 0;
  DetectionMetrics metrics;     ///< within the class
  std::vector<Figure> figures;  ///< method-specific (singular values, cluster sizes, ...)
};

struct DetectionReport {
  std::string name;    ///< file stem: spectral, activation-clustering, influence, ...
  std::string method;  ///< spectral | activation-clustering | influence
  std::string layer;
  std::string modelPath;
  std::vector<std::int64_t> indices;  ///< training samples scored, ascending
  std::vector<int> labels;            ///< their training (possibly poisoned) labels
  std::vector<double> scores;         ///< higher = more suspicious
  std::vector<std::uint8_t> flagged;
  std::vector<std::uint8_t> poisoned;  ///< ground truth, for scoring only
  std::vector<std::pair<std::string, std::vector<double>>> columns;  ///< extra CSV columns
  DetectionMetrics overall;
  std::vector<ClassSummary> classes;
  std::vector<Figure> figures;  ///< runtimes and method figures
  std::string settingsJson;     ///< the request, as JSON
  double featureSeconds = 0;    ///< computing activations
  /// What the model does (a metric, never seen by the detector): a detector's failure on a
  /// model whose attack did not take says nothing about a backdoor that is not there.
  EvalReport model;
  bool attackTook = true;  ///< ASR and poison fit both at least 50 %
  double seconds = 0;      ///< the whole detector, activations included
};

/// The detector's own name for its files, e.g. "influence-self", "influence-test-17" (one
/// test image's ranking) or "influence-triggered-3".
std::string detectionName(const DetectRequest& request);

/// Runs the detector on the run's model and poisoned training set, then scores it against the
/// ground truth. Writes nothing (see writeDetection) except the feature export when asked.
DetectionReport runDetector(const std::string& runDir, const PoisonedDataset& data,
                            const DetectRequest& request, const ProgressFn& progress = {},
                            const CancelToken* cancel = nullptr);

std::string detectDir(const std::string& runDir);
/// Writes RUN/detect/<name>.csv and .json atomically; returns the JSON text.
std::string writeDetection(const std::string& runDir, const PoisonedDataset& data,
                           const DetectionReport& report);

/// The names of the detector results in RUN/detect/ (each with its .csv and .json), sorted.
std::vector<std::string> listDetections(const std::string& runDir);
/// Reads RUN/detect/<name>.json and .csv back into a report (scores, flags, the ground truth,
/// extra columns, metrics, figures, the model's evaluation). Errors name the file and line:
/// indices must be whole, ascending and unique, labels whole and 0..255; with `data`, every
/// index must be one of its training samples and every label one of its classes.
DetectionReport readDetection(const std::string& runDir, const std::string& name,
                              const PoisonedDataset* data = nullptr);

/// Streams the activations of `layer` for every training image into an N x D float32 .npy and
/// a sidecar CSV (index,label,original_label,poisoned) beside it; both atomic.
void exportFeatures(const std::string& modelPath, const PoisonedDataset& data,
                    const std::string& layer, const std::string& npyPath,
                    const InferenceOptions& options, const ProgressFn& progress = {},
                    const CancelToken* cancel = nullptr);
/// The sidecar CSV path of a .npy path (FILE.npy -> FILE.csv).
std::string featureSidecarPath(const std::string& npyPath);

}  // namespace poisonlab
